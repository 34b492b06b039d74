package rules

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// Syntax reports what the loaders could not read: malformed JSON and ARM
// expressions that do not parse. It also reports members written twice in
// one object, which the loaders read but only one of which takes effect.
var Syntax = &lint.Rule{
	Name:     "syntax",
	Title:    "File or expression cannot be parsed",
	Severity: lint.Error,
	Doc: `The file is not valid JSON (with the comments and trailing commas Azure
accepts), or a template expression in it does not parse. Azure rejects the
deployment before it starts, and lhlint cannot check what it cannot read.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions.

A member written twice in one object is reported too, at the second one.
Names compare ignoring case, as ARM compares them, so "managedByTenantId"
and "ManagedByTenantID" are the same member. Only one of the values can take
effect, and which one is easy to misread. Microsoft documents neither which
value Azure keeps nor whether it rejects such a file; many JSON readers keep
the last (RFC 8259, section 4, https://www.rfc-editor.org/rfc/rfc8259#section-4),
and so does lhlint, which goes on to check the file with it. The exception
is two property copy blocks side by side, a pattern Azure's own quickstart
templates used: ARM runs the loops of both, and so does lhlint, silently.

Fix: correct the text at the reported position; of a member written twice,
keep the one you mean.`,
	Run: runSyntax,
}

func runSyntax(pass *lint.Pass) error {
	for _, p := range pass.Template.Problems {
		pass.ReportRangef(p, "%s", p.Message)
	}
	for _, d := range pass.Template.Duplicates {
		pass.Report(analysis.Diagnostic{
			Pos: d.Pos(), End: d.End(),
			Message: duplicateMessage(d),
			Related: []analysis.RelatedInformation{{Pos: d.First.Pos(), End: d.First.End(), Message: "first written here"}},
		})
	}
	return nil
}

func duplicateMessage(d model.Duplicate) string {
	spelling := ""
	if d.FirstKey != d.Key {
		spelling = fmt.Sprintf(", first as %q", d.FirstKey)
	}
	return fmt.Sprintf("member %q is written twice in one object%s; lhlint reads the last one", d.Key, spelling)
}
