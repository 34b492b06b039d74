package rules

import "github.com/lhlint/lhlint/internal/lint"

// MissingParameterValue reports parameters without a default that the
// parameters file gives no value.
var MissingParameterValue = &lint.Rule{
	Name:     "missing_parameter_value",
	Title:    "Parameter has no value",
	Severity: lint.Warning,
	Doc: `A template parameter without a default value must get its value at
deployment. When the parameters file does not set it, the deployment asks for
it interactively or fails in a pipeline; the official multiple-resource-group
template did exactly this with resourceGroups. It is a warning because a
value can also come from the command line.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files.

Fix: set the parameter in the parameters file, or give it a default value.`,
	Run: runMissingParameterValue,
}

func runMissingParameterValue(pass *lint.Pass) error {
	d := pass.Template
	if d.ParametersFile == "" || d.Template == "" || unreadable(pass, d.ParametersFile) {
		return nil
	}
	for _, p := range d.Parameters {
		if p.Default.IsMissing() && p.Given.IsMissing() {
			pass.ReportRangef(p, "parameter %q has no default and %s gives it no value", p.Name, d.ParametersFile)
		}
	}
	return nil
}

// unreadable reports whether the loader could not read the file named
// name: then what it sets is not known.
func unreadable(pass *lint.Pass, name string) bool {
	for _, p := range pass.Template.Problems {
		if f := pass.Fset.File(p.Pos()); f != nil && f.Name() == name {
			return true
		}
	}
	return false
}
