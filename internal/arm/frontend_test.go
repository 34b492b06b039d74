package arm

import (
	"go/token"
	"testing"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/source"
)

// foreignParameters is a parameters file another front-end parsed.
type foreignParameters struct{ given frontend.Given }

func (f foreignParameters) Source() *source.File   { return nil }
func (f foreignParameters) Given() frontend.Given  { return f.given }
func (f foreignParameters) Loaded() []*source.File { return nil }

// TestLoadForeignParameters checks that a template deployed with a
// parameters file another front-end parsed gets the values it gives, as
// it would from a JSON parameters file.
func TestLoadForeignParameters(t *testing.T) {
	fset := token.NewFileSet()
	tmpl := Parse(fset, "t.json", []byte(`{
  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  "parameters": {"offer": {"type": "string"}, "tenant": {"type": "string"}},
  "resources": []
}`))
	params := Parse(fset, "t.parameters.json", []byte(`{"parameters": {"Offer": {"value": "x"}, "tenant": {"reference": {}}}}`))
	var fe FrontEnd
	want := fe.Load(tmpl, params)
	got := fe.Load(tmpl, foreignParameters{params.Given()})
	if got.ParametersFile != want.ParametersFile || len(got.Parameters) != 2 || len(got.ParameterValues) != 2 {
		t.Fatalf("deployment with %q: %d parameters, %d values; want %q with 2 and 2",
			got.ParametersFile, len(got.Parameters), len(got.ParameterValues), want.ParametersFile)
	}
	for i, p := range got.Parameters {
		w := want.Parameters[i]
		if p.Given.Text() != w.Given.Text() || p.Given.Span != w.Given.Span || p.GivenAt != w.GivenAt || p.Given.Reason() != w.Given.Reason() {
			t.Errorf("parameter %s given %q at %v (%q), want %q at %v (%q)",
				p.Name, p.Given.Text(), p.GivenAt, p.Given.Reason(), w.Given.Text(), w.GivenAt, w.Given.Reason())
		}
	}
}
