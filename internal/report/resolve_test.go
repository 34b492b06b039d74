package report

import (
	"go/token"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/source"
)

// resolveText: line 2 has "é" (2 bytes, 1 character, 1 UTF-16 unit) and "😀"
// (4 bytes, 1 character, 2 UTF-16 units) before the spans the tests use.
// Byte offsets: line 2 starts at 3; `"x😀y"` is bytes 11 to 19; "y" is 17.
const resolveText = "{\r\n  \"é\": \"x😀y\",\r\n  \"k\": 1\r\n}"

type resolveFixture struct {
	fset        *token.FileSet
	file, other *source.File
}

func newResolveFixture() resolveFixture {
	fset := token.NewFileSet()
	return resolveFixture{
		fset:  fset,
		file:  source.Add(fset, "dir/a.json", []byte(resolveText)),
		other: source.Add(fset, "b.json", []byte("{}\n")),
	}
}

func (rf resolveFixture) lookup(pos token.Pos) *source.File {
	for _, f := range []*source.File{rf.file, rf.other} {
		if f.Contains(pos) {
			return f
		}
	}
	return nil
}

func testPaths(name string) (string, string) { return "./" + name, "repo/" + name }

func resolveAt(rf resolveFixture, pos, end token.Pos) Finding {
	return Resolve(lint.Finding{Rule: ownerRole, Severity: lint.Warning,
		Diagnostic: analysis.Diagnostic{Pos: pos, End: end, Message: "m"}}, rf.lookup, testPaths)
}

func TestResolvePositions(t *testing.T) {
	rf := newResolveFixture()
	p := rf.file.Pos
	const line2 = `  "é": "x😀y",`
	for _, tc := range []struct {
		name     string
		pos, end token.Pos
		want     Location
	}{{
		name: "span after multi-byte characters",
		pos:  p(11), end: p(19),
		want: Location{Path: "./dir/a.json", URI: "repo/dir/a.json", LineText: line2,
			Start: source.Position{Offset: 11, Line: 2, Column: 8, Column16: 8},
			End:   source.Position{Offset: 19, Line: 2, Column: 13, Column16: 14}},
	}, {
		name: "after an emoji, columns in characters and in UTF-16 differ",
		pos:  p(17), end: p(18),
		want: Location{Path: "./dir/a.json", URI: "repo/dir/a.json", LineText: line2,
			Start: source.Position{Offset: 17, Line: 2, Column: 11, Column16: 12},
			End:   source.Position{Offset: 18, Line: 2, Column: 12, Column16: 13}},
	}, {
		name: "span over lines",
		pos:  p(11), end: p(27),
		want: Location{Path: "./dir/a.json", URI: "repo/dir/a.json", LineText: line2,
			Start: source.Position{Offset: 11, Line: 2, Column: 8, Column16: 8},
			End:   source.Position{Offset: 27, Line: 3, Column: 6, Column16: 6}},
	}, {
		name: "invalid end is the start",
		pos:  p(17), end: token.NoPos,
		want: Location{Path: "./dir/a.json", URI: "repo/dir/a.json", LineText: line2,
			Start: source.Position{Offset: 17, Line: 2, Column: 11, Column16: 12},
			End:   source.Position{Offset: 17, Line: 2, Column: 11, Column16: 12}},
	}, {
		name: "end before start is the start",
		pos:  p(17), end: p(11),
		want: Location{Path: "./dir/a.json", URI: "repo/dir/a.json", LineText: line2,
			Start: source.Position{Offset: 17, Line: 2, Column: 11, Column16: 12},
			End:   source.Position{Offset: 17, Line: 2, Column: 11, Column16: 12}},
	}, {
		name: "end in another file is the start",
		pos:  p(0), end: rf.other.Pos(1),
		want: Location{Path: "./dir/a.json", URI: "repo/dir/a.json", LineText: "{",
			Start: source.Position{Offset: 0, Line: 1, Column: 1, Column16: 1},
			End:   source.Position{Offset: 0, Line: 1, Column: 1, Column16: 1}},
	}, {
		name: "end of file",
		pos:  p(len(resolveText)), end: p(len(resolveText)),
		want: Location{Path: "./dir/a.json", URI: "repo/dir/a.json", LineText: "}",
			Start: source.Position{Offset: 33, Line: 4, Column: 2, Column16: 2},
			End:   source.Position{Offset: 33, Line: 4, Column: 2, Column16: 2}},
	}, {
		name: "no position",
		pos:  token.NoPos, end: token.NoPos,
		want: Location{},
	}, {
		name: "a position no file holds",
		pos:  token.Pos(rf.fset.Base() + 100), end: token.NoPos,
		want: Location{},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got := resolveAt(rf, tc.pos, tc.end)
			if got.Location != tc.want {
				t.Errorf("got  %+v\nwant %+v", got.Location, tc.want)
			}
			if got.Rule != ownerRole || got.Severity != lint.Warning || got.Message != "m" {
				t.Errorf("rule, severity or message lost: %+v", got)
			}
		})
	}
}

func TestResolveRelatedAndFixes(t *testing.T) {
	rf := newResolveFixture()
	p := rf.file.Pos
	d := analysis.Diagnostic{
		Pos: p(11), End: p(19), Message: "m",
		Related: []analysis.RelatedInformation{
			{Pos: rf.other.Pos(0), End: rf.other.Pos(2), Message: "declared here"},
			{Message: "nowhere"},
		},
		SuggestedFixes: []analysis.SuggestedFix{{
			Message: "Fix it",
			TextEdits: []analysis.TextEdit{
				{Pos: p(12), End: p(17), NewText: []byte("z")},
				{Pos: p(18), NewText: []byte("!")},
			},
		}},
	}
	got := Resolve(lint.Finding{Rule: ownerRole, Severity: lint.Error, Diagnostic: d}, rf.lookup, testPaths)
	bJSON := Location{Path: "./b.json", URI: "repo/b.json", LineText: "{}",
		Start: source.Position{Offset: 0, Line: 1, Column: 1, Column16: 1},
		End:   source.Position{Offset: 2, Line: 1, Column: 3, Column16: 3}}
	wantRelated := []Related{{Location: bJSON, Message: "declared here"}, {Message: "nowhere"}}
	if !reflect.DeepEqual(got.Related, wantRelated) {
		t.Errorf("Related:\ngot  %+v\nwant %+v", got.Related, wantRelated)
	}
	const line2 = `  "é": "x😀y",`
	wantFixes := []Fix{{Message: "Fix it", Edits: []Edit{
		{NewText: "z", Location: Location{Path: "./dir/a.json", URI: "repo/dir/a.json", LineText: line2,
			Start: source.Position{Offset: 12, Line: 2, Column: 9, Column16: 9},
			End:   source.Position{Offset: 17, Line: 2, Column: 11, Column16: 12}}},
		{NewText: "!", Location: Location{Path: "./dir/a.json", URI: "repo/dir/a.json", LineText: line2,
			Start: source.Position{Offset: 18, Line: 2, Column: 12, Column16: 13},
			End:   source.Position{Offset: 18, Line: 2, Column: 12, Column16: 13}}},
	}}}
	if !reflect.DeepEqual(got.Fixes, wantFixes) {
		t.Errorf("Fixes:\ngot  %+v\nwant %+v", got.Fixes, wantFixes)
	}
}

// Resolve must not panic on lookups that do not keep their promise.
func TestResolveBadLookups(t *testing.T) {
	rf := newResolveFixture()
	pos := rf.file.Pos(11)
	short := &source.File{Name: "short.json", Content: []byte("{"), Tok: rf.file.Tok} // bytes shorter than its token.File
	for name, lookup := range map[string]func(token.Pos) *source.File{
		"nil function":  nil,
		"no file":       func(token.Pos) *source.File { return nil },
		"wrong file":    func(token.Pos) *source.File { return rf.other },
		"no token file": func(token.Pos) *source.File { return &source.File{Name: "x"} },
		"content short": func(token.Pos) *source.File { return short },
		"file not added": func(token.Pos) *source.File {
			return &source.File{Name: "y", Tok: token.NewFileSet().AddFile("y", -1, 0)}
		},
	} {
		got := Resolve(lint.Finding{Rule: ownerRole, Diagnostic: analysis.Diagnostic{Pos: pos, End: pos + 1, Message: "m",
			Related: []analysis.RelatedInformation{{Pos: pos, Message: "r"}}}}, lookup, testPaths)
		if got.Location != (Location{}) || got.Related[0].Location != (Location{}) {
			t.Errorf("%s: got %+v, want empty locations", name, got)
		}
	}
}

func TestResolveDefaultPaths(t *testing.T) {
	fset := token.NewFileSet()
	f := source.Add(fset, "customer a/main.json", []byte("{}"))
	got := Resolve(lint.Finding{Rule: ownerRole, Diagnostic: analysis.Diagnostic{Pos: f.Pos(0)}},
		func(token.Pos) *source.File { return f }, nil)
	if got.Path != "customer a/main.json" || got.URI != "customer%20a/main.json" {
		t.Errorf("Path %q, URI %q", got.Path, got.URI)
	}
}

func TestURIFromPath(t *testing.T) {
	for in, want := range map[string]string{
		"main.json":          "main.json",
		"a b/c.json":         "a%20b/c.json",
		"c:x.json":           "./c:x.json",
		"é/x.json":           "%C3%A9/x.json",
		"a#b?c%.json":        "a%23b%3Fc%25.json",
		"deep/dir/x.bicep":   "deep/dir/x.bicep",
		"with+plus&amp.json": "with+plus&amp.json",
	} {
		if got := URIFromPath(in); got != want {
			t.Errorf("URIFromPath(%q) = %q, want %q", in, got, want)
		}
	}
}
