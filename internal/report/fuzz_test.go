package report

import (
	"bytes"
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/source"
)

// FuzzWrite resolves a finding at any offsets of any content and writes it
// in every format: nothing may panic, and text stays one line per finding.
func FuzzWrite(f *testing.F) {
	f.Add(templateText, 73, 111)
	f.Add(parametersText, 105, 112)
	f.Add("\uFEFF{\r\n\t\"a\": \"\xff\"\r\n}", 5, 2)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, content string, pos, end int) {
		fset := token.NewFileSet()
		file := source.Add(fset, "f.json", []byte(content))
		p, e := file.Pos(pos), file.Pos(end)
		if end < 0 {
			e = token.NoPos
		}
		d := lint.Finding{Rule: ownerRole, Severity: lint.Error, Role: "template", Path: "parameters.x", Diagnostic: analysis.Diagnostic{
			Pos: p, End: e, Message: "m",
			Related:        []analysis.RelatedInformation{{Pos: e, End: p, Message: "r"}},
			SuggestedFixes: []analysis.SuggestedFix{{Message: "Fix", TextEdits: []analysis.TextEdit{{Pos: p, End: e, NewText: []byte(content)}}}},
		}}
		r := Resolve(d, func(token.Pos) *source.File { return file }, nil)
		for _, format := range Formats() {
			var b bytes.Buffer
			if err := Write(&b, format, []Finding{r, r}, Options{Rules: []*lint.Rule{ownerRole}}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if format == "text" && bytes.Count(b.Bytes(), []byte("\n")) != 2 {
				t.Fatalf("text is not one line per finding: %q", b.String())
			}
		}
	})
}
