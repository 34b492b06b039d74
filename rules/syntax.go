package rules

import "github.com/lhlint/lhlint/internal/lint"

// Syntax reports what the loaders could not read: malformed JSON and ARM
// expressions that do not parse.
var Syntax = &lint.Rule{
	Name:     "syntax",
	Title:    "File or expression cannot be parsed",
	Severity: lint.Error,
	Doc: `The file is not valid JSON (with the comments and trailing commas Azure
accepts), or a template expression in it does not parse. Azure rejects the
deployment before it starts, and lhlint cannot check what it cannot read.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions.

Fix: correct the text at the reported position.`,
	Run: runSyntax,
}

func runSyntax(pass *lint.Pass) error {
	for _, p := range pass.Template.Problems {
		pass.ReportRangef(p, "%s", p.Message)
	}
	return nil
}
