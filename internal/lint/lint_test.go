package lint

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/model"
)

// fixture returns a file set with two files of 100 bytes and a deployment.
func fixture() (*token.FileSet, token.Pos, token.Pos, *model.Deployment) {
	fset := token.NewFileSet()
	a := fset.AddFile("a.json", -1, 100)
	b := fset.AddFile("b.json", -1, 100)
	return fset, token.Pos(a.Base()), token.Pos(b.Base()), &model.Deployment{}
}

func rule(name string, sev Severity, report func(*Pass)) *Rule {
	return &Rule{Name: name, Severity: sev, Run: func(p *Pass) error { report(p); return nil }}
}

func TestRunOrdersAndDeduplicates(t *testing.T) {
	fset, a, _, d := fixture()
	r1 := rule("second", Error, func(p *Pass) {
		p.Reportf(a+10, "later")
		p.Reportf(a+2, "earlier")
		p.Reportf(a+2, "earlier") // the same problem twice, as copies of a loop report it
	})
	r2 := rule("first", Warning, func(p *Pass) { p.Reportf(a+2, "same place") })
	got, err := Run(fset, []*model.Deployment{d}, []*Rule{r1, r2}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range got {
		lines = append(lines, f.Rule.Name+" "+f.Severity.String()+" "+f.Message)
	}
	want := "first warning same place|second error earlier|second error later"
	if strings.Join(lines, "|") != want {
		t.Errorf("findings = %q, want %q", strings.Join(lines, "|"), want)
	}
}

func TestRunLevels(t *testing.T) {
	fset, a, _, d := fixture()
	quiet := rule("quiet", Error, func(p *Pass) { p.Reportf(a, "x") })
	loud := rule("loud", Note, func(p *Pass) { p.Reportf(a, "y") })
	got, err := Run(fset, []*model.Deployment{d}, []*Rule{quiet, loud}, Options{Levels: map[string]Severity{"quiet": Off, "loud": Error}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Rule != loud || got[0].Severity != Error {
		t.Errorf("got %+v, want one finding of loud at error", got)
	}
}

func TestRunRejectsMalformedFixes(t *testing.T) {
	fset, a, b, d := fixture()
	fix := func(edits ...analysis.TextEdit) *Rule {
		return rule("fixer", Error, func(p *Pass) {
			p.Report(analysis.Diagnostic{Pos: a, Message: "m", SuggestedFixes: []analysis.SuggestedFix{{Message: "Fix it", TextEdits: edits}}})
		})
	}
	tests := []struct {
		name  string
		edits []analysis.TextEdit
		want  string
	}{
		{"ok", []analysis.TextEdit{{Pos: a, End: a + 2}, {Pos: a + 2, End: a + 4}}, ""},
		{"two files", []analysis.TextEdit{{Pos: a, End: a + 1}, {Pos: b, End: b + 1}}, "edits in more than one file"},
		{"backwards", []analysis.TextEdit{{Pos: a + 5, End: a + 1}}, "edit ends before it starts"},
		{"overlap", []analysis.TextEdit{{Pos: a, End: a + 5}, {Pos: a + 3, End: a + 6}}, "overlapping edits"},
		{"no position", []analysis.TextEdit{{Pos: token.NoPos}}, "edit at an invalid position"},
	}
	for _, tt := range tests {
		_, err := Run(fset, []*model.Deployment{d}, []*Rule{fix(tt.edits...)}, Options{})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestReportValueAddsHops(t *testing.T) {
	fset, a, b, d := fixture()
	v := model.StringValue("x", model.Span{StartPos: b + 1, EndPos: b + 4}).WithHop(model.Span{StartPos: a + 7, EndPos: a + 9}, "value flows through this expression")
	got, err := Run(fset, []*model.Deployment{d}, []*Rule{rule("r", Error, func(p *Pass) { p.ReportValuef(v, "bad %q", "x") })}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := got[0]
	if f.Pos != b+1 || f.End != b+4 || len(f.Related) != 1 || f.Related[0].Pos != a+7 || f.Related[0].Message != "value flows through this expression" {
		t.Errorf("got %+v, want the value's span with its hop as related information", f.Diagnostic)
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []string{"off", "note", "warning", "error"} {
		if got, err := ParseSeverity(s); err != nil || got.String() != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil || err.Error() != `unknown level "fatal" (want off, note, warning or error)` {
		t.Errorf("ParseSeverity(fatal) error = %v", err)
	}
}
