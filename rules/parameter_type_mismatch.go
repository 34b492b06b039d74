package rules

import (
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// ParameterTypeMismatch reports parameter values of the wrong type or
// outside allowedValues.
var ParameterTypeMismatch = &lint.Rule{
	Name:     "parameter_type_mismatch",
	Title:    "Parameter value has the wrong type or is not allowed",
	Severity: lint.Error,
	Doc: `Azure checks every parameter value against the parameter's declared type
(string, securestring, int, bool, object, secureObject, array) and, when the
template lists them, its allowedValues, and rejects the deployment before it
starts. An authorizations parameter given as an object instead of an array
is a common case. The value is the parameters file's, reported there, else
the default value once evaluated, reported where it is written.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/parameters.

Fix: give a value of the declared type, from allowedValues when there are any.`,
	Run: runParameterTypeMismatch,
}

func runParameterTypeMismatch(pass *lint.Pass) error {
	for _, p := range pass.Template.Parameters {
		v := p.Value() // the parameters file's, else the default
		if !v.IsKnown() || v.Kind() == model.Null {
			continue
		}
		if p.TypeKind != model.Missing && v.Kind() != p.TypeKind {
			pass.ReportValuef(v, "parameter %q is declared %s, but its value is %s", p.Name, p.Type.Text(), describeKind(v.Kind()))
			continue
		}
		if p.Allowed.Kind() == model.Array && !allowed(p.Allowed, v) {
			pass.ReportValuef(v, "parameter %q is %s, which is not one of its allowedValues", p.Name, describeValue(v))
		}
	}
	return nil
}

// allowed reports whether v is one of the allowed values, strings compared
// ignoring case.
func allowed(values, v model.Value) bool {
	for _, a := range values.Items() {
		if model.Equal(a, v) || (a.Kind() == model.String && v.Kind() == model.String && strings.EqualFold(a.Text(), v.Text())) {
			return true
		}
	}
	return false
}

// describeKind names a kind with its article: "an array", "a string".
func describeKind(k model.Kind) string {
	switch k {
	case model.Int, model.Array, model.Object:
		return "an " + k.String()
	}
	return "a " + k.String()
}

// describeValue quotes a scalar value for a message, or names its kind.
func describeValue(v model.Value) string {
	switch v.Kind() {
	case model.String:
		return quote(v.Text())
	case model.Int:
		n, _ := v.Int()
		return strconv.FormatInt(n, 10)
	case model.Bool:
		b, _ := v.Bool()
		return strconv.FormatBool(b)
	}
	return describeKind(v.Kind())
}
