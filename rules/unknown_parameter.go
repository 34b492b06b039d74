package rules

import "github.com/lhlint/lhlint/internal/lint"

// UnknownParameter reports values a parameters file sets for parameters the
// template does not declare.
var UnknownParameter = &lint.Rule{
	Name:     "unknown_parameter",
	Title:    "Parameters file sets an undeclared parameter",
	Severity: lint.Error,
	Doc: `Azure rejects a deployment whose parameters file sets a parameter the
template does not declare ("The template parameters … in the parameters file
are not valid; they are not present in the original template"). It is
usually a typing mistake, or a parameters file paired with the wrong
template.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files.

Fix: correct the name to one the template declares, or remove the value.`,
	Run: runUnknownParameter,
}

func runUnknownParameter(pass *lint.Pass) error {
	d := pass.Template
	if d.Template == "" {
		return nil // a parameters file checked on its own has no declarations
	}
	for _, v := range d.ParameterValues {
		if _, ok := d.Parameter(v.Name); !ok {
			pass.ReportRangef(v, "parameters file sets %q, which %s does not declare", v.Name, d.Template)
		}
	}
	return nil
}
