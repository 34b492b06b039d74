package report

import (
	"bytes"
	"errors"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/golden"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/source"
)

// The rules of the fixture. definitionLimit is deliberately missing from
// fixtureRules, as a rule a caller forgot to list would be.
var (
	ownerRole = &lint.Rule{
		Name:     "owner_role",
		Title:    "Authorization grants the Owner role",
		Severity: lint.Error,
		Doc: "Azure Lighthouse does not support delegating the Owner role, so deploying\n" +
			"the registration definition fails.\n" +
			"See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles.\n\n" +
			"Fix: grant the narrowest built-in role that covers the work, such as Contributor.",
	}
	placeholderValue = &lint.Rule{
		Name:     "placeholder_value",
		Title:    "An ID is still a placeholder",
		Severity: lint.Error,
		Doc:      "A value such as `<insert principal ID>` was left in the template.\n\nFix: put the real ID.",
	}
	missingReaderRole = &lint.Rule{
		Name:     "missing_reader_role",
		Title:    "No authorization grants Reader",
		Severity: lint.Warning,
		Doc:      "Without Reader the managing tenant cannot see the delegated resources.\n\nFix: add a Reader authorization.",
	}
	missingDisplayName = &lint.Rule{
		Name:     "missing_display_name",
		Title:    "Authorization has no principalIdDisplayName",
		Severity: lint.Note,
		Doc:      "The Azure portal shows the display name to the customer.\n\nFix: add principalIdDisplayName.",
	}
	roleIDNotGUID = &lint.Rule{
		Name:     "role_id_not_guid",
		Title:    "roleDefinitionId is not a GUID",
		Severity: lint.Error,
		Doc:      "Azure expects the bare GUID of a built-in role & nothing else.\n\nFix: use the GUID.",
	}
	unresolvedValue = &lint.Rule{
		Name:     "unresolved_value",
		Title:    "A value cannot be known before deployment",
		Severity: lint.Off,
		Doc:      "Some values exist only at deployment time.",
	}
	definitionLimit = &lint.Rule{
		Name:     "definition_limit",
		Title:    "Too many registration definitions",
		Severity: lint.Error,
		Doc:      "A deployment has more registration definitions than the limit.",
	}
	fixtureRules = []*lint.Rule{missingDisplayName, missingReaderRole, ownerRole, placeholderValue, roleIDNotGUID, unresolvedValue}
)

// templateText has CRLF line endings, a non-ASCII character before a span, a
// tab before a span and a span over several lines.
const templateText = "{\r\n" +
	"  \"resources\": [\r\n" +
	"    {\r\n" +
	"      \"name\": \"Équipe\", \"roleDefinitionId\": \"8e3af657-a8ff-443c-a75c-2fe8c4bcb635\",\r\n" +
	"\t\t\"principalId\": \"<insert principal>\",\r\n" +
	"      \"authorizations\": [\r\n" +
	"        {}\r\n" +
	"      ]\r\n" +
	"    }\r\n" +
	"  ]\r\n" +
	"}\r\n"

// parametersText has LF line endings and an emoji, two UTF-16 code units,
// before a span.
const parametersText = "{\n" +
	"  \"parameters\": {\n" +
	"    \"role\": { \"value\": \"Owner\" }, \"label\": { \"value\": \"🛡 SOC\" }, \"id\": { \"value\": \"Owner\" }\n" +
	"  }\n" +
	"}\n"

type fixtureFiles struct {
	fset       *token.FileSet
	tmpl, pars *source.File
}

func newFixtureFiles() fixtureFiles {
	fset := token.NewFileSet()
	return fixtureFiles{
		fset: fset,
		tmpl: source.Add(fset, "templates/main.json", []byte(templateText)),
		pars: source.Add(fset, "params/main.parameters.json", []byte(parametersText)),
	}
}

// at returns the position of the n-th (0-based) occurrence of sub in f.
func at(t *testing.T, f *source.File, sub string, n int) token.Pos {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := bytes.Index(f.Content[off:], []byte(sub))
		if j < 0 {
			t.Fatalf("%s: occurrence %d of %q not found", f.Name, n, sub)
		}
		if i == n {
			return f.Pos(off + j)
		}
		off += j + len(sub)
	}
}

// span returns the range of the n-th occurrence of sub in f.
func span(t *testing.T, f *source.File, sub string, n int) (pos, end token.Pos) {
	t.Helper()
	pos = at(t, f, sub, n)
	return pos, pos + token.Pos(len(sub))
}

func (ff fixtureFiles) file(pos token.Pos) *source.File {
	for _, f := range []*source.File{ff.tmpl, ff.pars} {
		if f.Contains(pos) {
			return f
		}
	}
	return nil
}

func identityPaths(name string) (string, string) { return name, URIFromPath(name) }

// fixtureFindings returns lint findings covering what writers must handle,
// deliberately out of order.
func fixtureFindings(t *testing.T, ff fixtureFiles) []lint.Finding {
	guidPos, guidEnd := span(t, ff.tmpl, `"8e3af657-a8ff-443c-a75c-2fe8c4bcb635"`, 0)
	rolePos, roleEnd := span(t, ff.pars, `"Owner"`, 0)
	idPos, idEnd := span(t, ff.pars, `"Owner"`, 1)
	phPos, phEnd := span(t, ff.tmpl, `"<insert principal>"`, 0)
	authPos := at(t, ff.tmpl, "[\r\n        {}", 0)
	authEnd := at(t, ff.tmpl, "]\r\n    }", 0) + 1
	objPos := at(t, ff.tmpl, "{}", 0) + 1
	return []lint.Finding{
		{Rule: definitionLimit, Severity: lint.Error, Diagnostic: analysis.Diagnostic{
			Message: "the deployment creates 201 registration definitions, more than the limit of 200",
		}},
		{Rule: roleIDNotGUID, Severity: lint.Error, Path: "parameters.role", Role: "parameters", Diagnostic: analysis.Diagnostic{
			Pos: idPos, End: idEnd,
			Message: `roleDefinitionId "Owner" is a role name; Azure needs the role's GUID`,
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "Replace the role name with its GUID",
				TextEdits: []analysis.TextEdit{{Pos: idPos + 1, End: idEnd - 1, NewText: []byte("8e3af657-a8ff-443c-a75c-2fe8c4bcb635")}},
			}},
		}},
		{Rule: missingDisplayName, Severity: lint.Note, Diagnostic: analysis.Diagnostic{
			Pos:     objPos, // End left invalid: a point
			Message: "authorization has no principalIdDisplayName",
		}},
		{Rule: missingDisplayName, Severity: lint.Note, Role: "template",
			Suppressed: &lint.Suppressed{Justification: "the customer names it in CHG-1207"},
			Diagnostic: analysis.Diagnostic{Pos: objPos, Message: "authorization has no principalIdDisplayName; silenced"}},
		{Rule: missingReaderRole, Severity: lint.Warning, Role: "template",
			Suppressed: &lint.Suppressed{External: true},
			Diagnostic: analysis.Diagnostic{Pos: authPos, End: authEnd, Message: "no authorization grants Reader; turned off"}},
		{Rule: missingReaderRole, Severity: lint.Warning, Diagnostic: analysis.Diagnostic{
			Pos: authPos, End: authEnd,
			Message: "no authorization grants Reader; the managing tenant cannot see the delegated resources",
		}},
		{Rule: placeholderValue, Severity: lint.Error, Diagnostic: analysis.Diagnostic{
			Pos: phPos, End: phEnd,
			Message: `principalId "<insert principal>" is a placeholder`,
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "Remove the authorization",
				TextEdits: []analysis.TextEdit{{Pos: phPos, End: phEnd + 1}}, // a pure deletion
			}},
		}},
		{Rule: ownerRole, Severity: lint.Error, Diagnostic: analysis.Diagnostic{
			Pos: guidPos, End: guidEnd,
			Message: `authorization for "Équipe" grants Owner, which Azure Lighthouse cannot delegate`,
			Related: []analysis.RelatedInformation{
				{Pos: rolePos, End: roleEnd, Message: "the role comes from this parameter value"},
				{Message: "and from a place that has no position"},
			},
			SuggestedFixes: []analysis.SuggestedFix{{
				Message: "Grant Contributor instead",
				TextEdits: []analysis.TextEdit{
					{Pos: guidPos + 1, End: guidEnd - 1, NewText: []byte("b24988ac-6180-42a0-ab88-20f7382dd24c")},
					{Pos: guidEnd + 1, NewText: []byte(` "note": "<was Owner>",`)}, // a pure insertion, End left invalid
				},
			}},
		}},
	}
}

func fixture(t *testing.T) ([]Finding, Options) {
	ff := newFixtureFiles()
	var out []Finding
	for _, f := range fixtureFindings(t, ff) {
		out = append(out, Resolve(f, ff.file, identityPaths))
	}
	return out, Options{ToolVersion: "1.2.3", Rules: fixtureRules}
}

func render(t *testing.T, format string, findings []Finding, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, findings, opts); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return b.Bytes()
}

// checkGolden compares got with testdata/name, or rewrites it under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

func TestGolden(t *testing.T) {
	findings, opts := fixture(t)
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			checkGolden(t, "findings."+format+".golden", render(t, format, findings, opts))
		})
	}
}

func TestGoldenEmpty(t *testing.T) {
	opts := Options{ToolVersion: "1.2.3", Rules: []*lint.Rule{ownerRole}}
	for _, format := range []string{"text", "pretty"} {
		if got := render(t, format, nil, opts); len(got) != 0 {
			t.Errorf("%s of no findings = %q, want nothing", format, got)
		}
	}
	checkGolden(t, "empty.json.golden", render(t, "json", nil, opts))
	checkGolden(t, "empty.sarif.golden", render(t, "sarif", nil, opts))
}

// The text format is pinned here too, literally, because the problem matcher
// and the CLI scripts depend on every character of it.
func TestText(t *testing.T) {
	findings, opts := fixture(t)
	want := `error: the deployment creates 201 registration definitions, more than the limit of 200 [definition_limit]
params/main.parameters.json:3:83: error: roleDefinitionId "Owner" is a role name; Azure needs the role's GUID [role_id_not_guid]
templates/main.json:4:45: error: authorization for "Équipe" grants Owner, which Azure Lighthouse cannot delegate [owner_role]
templates/main.json:5:18: error: principalId "<insert principal>" is a placeholder [placeholder_value]
templates/main.json:6:25: warning: no authorization grants Reader; the managing tenant cannot see the delegated resources [missing_reader_role]
templates/main.json:7:10: note: authorization has no principalIdDisplayName [missing_display_name]
`
	if got := string(render(t, "text", findings, opts)); got != want {
		t.Errorf("text:\n%s\nwant:\n%s", got, want)
	}
}

func TestSortOrder(t *testing.T) {
	mk := func(path string, off int, rule *lint.Rule, msg string) Finding {
		return Finding{Rule: rule, Severity: lint.Error, Message: msg, Location: Location{
			Path: path, Start: source.Position{Offset: off, Line: 1, Column: off + 1}}}
	}
	in := []Finding{
		mk("b.json", 0, ownerRole, "m"),
		mk("a.json", 5, ownerRole, "m"),
		mk("a.json", 5, ownerRole, "l"),
		mk("a.json", 5, missingReaderRole, "z"),
		mk("a.json", 1, roleIDNotGUID, "m"),
	}
	got := string(render(t, "text", in, Options{}))
	want := `a.json:1:2: error: m [role_id_not_guid]
a.json:1:6: error: z [missing_reader_role]
a.json:1:6: error: l [owner_role]
a.json:1:6: error: m [owner_role]
b.json:1:1: error: m [owner_role]
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if in[0].Path != "b.json" {
		t.Error("Write reordered the caller's slice")
	}
}

func TestUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, "xml", nil, Options{})
	const want = `unknown format "xml" (want text, pretty, json, sarif, github, markdown)`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q for an unknown format", b.String())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	findings, opts := fixture(t)
	for _, format := range Formats() {
		if err := Write(failingWriter{}, format, findings, opts); err == nil || err.Error() != "disk full" {
			t.Errorf("%s: err = %v, want disk full", format, err)
		}
	}
}

// excerpt renders one finding over a one-line file as pretty output.
func excerpt(t *testing.T, content string, pos, end int) string {
	t.Helper()
	fset := token.NewFileSet()
	f := source.Add(fset, "x.json", []byte(content))
	d := lint.Finding{Rule: ownerRole, Severity: lint.Error,
		Diagnostic: analysis.Diagnostic{Pos: f.Pos(pos), End: f.Pos(end), Message: "m"}}
	if end < 0 {
		d.End = token.NoPos
	}
	r := Resolve(d, func(token.Pos) *source.File { return f }, nil)
	return string(render(t, "pretty", []Finding{r}, Options{}))
}

func TestPrettyExcerpt(t *testing.T) {
	long := strings.Repeat("a", 150) + `"needle"` + strings.Repeat("b", 150)
	for _, tc := range []struct {
		name, content string
		pos, end      int
		want          string
	}{{
		name:    "style guide example",
		content: strings.Repeat("\n", 13) + `          "roleDefinitionId": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"` + "\n",
		pos:     13 + 30, end: 13 + 68,
		want: "x.json:14:31: error: m [owner_role]\n" +
			`   14 |           "roleDefinitionId": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"` + "\n" +
			`      |                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^` + "\n",
	}, {
		name:    "empty span",
		content: `{"a": 1}`, pos: 7, end: 7,
		want: "x.json:1:8: error: m [owner_role]\n    1 | {\"a\": 1}\n      |        ^\n",
	}, {
		name:    "span at the end of the file",
		content: "{\n", pos: 2, end: -1, // go/token puts it on the last line
		want: "x.json:1:3: error: m [owner_role]\n    1 | {\n      |   ^\n",
	}, {
		name:    "span on an empty line",
		content: "{\n\n}", pos: 2, end: 2,
		want: "x.json:2:1: error: m [owner_role]\n    2 |\n      | ^\n",
	}, {
		name:    "span at a CRLF line break",
		content: "ab\r\ncd", pos: 2, end: 6,
		want: "x.json:1:3: error: m [owner_role]\n    1 | ab\n      |   ^\n",
	}, {
		name:    "multi-line span stops at the end of its first line",
		content: "x = [\n 1\n]", pos: 4, end: 10,
		want: "x.json:1:5: error: m [owner_role]\n    1 | x = [\n      |     ^\n",
	}, {
		name:    "tabs stay tabs",
		content: "\t\t\"a\":\t1", pos: 7, end: 8,
		want: "x.json:1:8: error: m [owner_role]\n    1 | \t\t\"a\":\t1\n      | \t\t    \t^\n",
	}, {
		name:    "control characters are not sent to the terminal",
		content: "\"\x1b[31m\" x", pos: 8, end: 9,
		want: "x.json:1:9: error: m [owner_role]\n    1 | \"\uFFFD[31m\" x\n      |         ^\n",
	}, {
		name:    "bidirectional overrides are not shown",
		content: "\"a\u202Eb\" x", pos: 8, end: 9,
		want: "x.json:1:7: error: m [owner_role]\n    1 | \"a\uFFFDb\" x\n      |       ^\n",
	}, {
		name:    "invalid UTF-8 counts one column per byte",
		content: "\xff\xfe x", pos: 3, end: 4,
		want: "x.json:1:4: error: m [owner_role]\n    1 | \uFFFD\uFFFD x\n      |    ^\n",
	}, {
		name:    "a CJK character takes two cells",
		content: "\"名前\": \"x\"", pos: 10, end: 13,
		want: "x.json:1:7: error: m [owner_role]\n    1 | \"名前\": \"x\"\n      | " + strings.Repeat(" ", 8) + "^^^\n",
	}, {
		name:    "a span of wide characters is underlined cell by cell",
		content: "\"a\": \"東京\"", pos: 5, end: 13,
		want: "x.json:1:6: error: m [owner_role]\n    1 | \"a\": \"東京\"\n      | " + strings.Repeat(" ", 5) + "^^^^^^\n",
	}, {
		name:    "an emoji takes two cells",
		content: "\"🚨 x\": \"y\"", pos: 10, end: 13,
		want: "x.json:1:8: error: m [owner_role]\n    1 | \"🚨 x\": \"y\"\n      | " + strings.Repeat(" ", 8) + "^^^\n",
	}, {
		name:    "a combining mark takes no cell",
		content: "\"e\u0301\u0308\": \"y\"", pos: 9, end: 12,
		want: "x.json:1:8: error: m [owner_role]\n    1 | \"e\u0301\u0308\": \"y\"\n      | " + strings.Repeat(" ", 5) + "^^^\n",
	}, {
		name:    "a byte order mark takes no column",
		content: "\uFEFF{\"a\"}", pos: 4, end: 7,
		want: "x.json:1:3: error: m [owner_role]\n    1 | {\"a\"}\n      |  ^^^\n",
	}, {
		name:    "a long line shows a window around the span",
		content: long, pos: 150, end: 158,
		want: "x.json:1:151: error: m [owner_role]\n    1 | ..." + long[90:290] + "...\n" +
			"      | " + strings.Repeat(" ", 63) + "^^^^^^^^\n",
	}, {
		name:    "a long line cut near its end",
		content: long, pos: 300, end: 308,
		want: "x.json:1:301: error: m [owner_role]\n    1 | ..." + long[108:] + "\n" +
			"      | " + strings.Repeat(" ", 3+300-108) + "^^^^^^^^\n",
	}, {
		name:    "a span longer than the window",
		content: long, pos: 0, end: 308,
		want: "x.json:1:1: error: m [owner_role]\n    1 | " + long[:200] + "...\n" +
			"      | " + strings.Repeat("^", 200) + "\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			if got := excerpt(t, tc.content, tc.pos, tc.end); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestPrettyWideGutter(t *testing.T) {
	content := strings.Repeat("\n", 123456) + "x"
	got := excerpt(t, content, 123456, 123457)
	want := "x.json:123457:1: error: m [owner_role]\n123457 | x\n       | ^\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A message with a line break must not break the one-line-per-finding promise.
func TestTextOneLine(t *testing.T) {
	f := Finding{Rule: ownerRole, Severity: lint.Warning, Message: "a\nb\r\nc"}
	if got, want := string(render(t, "text", []Finding{f}, Options{})), "warning: a b c [owner_role]\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A finding built by hand with a nil rule or an impossible severity is a
// bug, but output must still appear.
func TestRobustFindings(t *testing.T) {
	fs := []Finding{{Severity: lint.Severity(9), Message: "m"}}
	for _, format := range Formats() {
		var b bytes.Buffer
		if err := Write(&b, format, fs, Options{Rules: []*lint.Rule{nil}}); err != nil || b.Len() == 0 {
			t.Errorf("%s: err %v, output %q", format, err, b.String())
		}
	}
	if got, want := string(render(t, "text", fs, Options{})), "severity(9): m\n"; got != want {
		t.Errorf("text: got %q, want %q", got, want)
	}
}
