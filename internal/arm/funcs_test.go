package arm

import (
	"fmt"
	"go/token"
	"strings"
	"testing"
)

// TestUserFunctionBounds loads templates whose user-defined functions call
// one another in a chain longer than the bound, and in a tree of 2^30
// calls: each gives an unknown value with its reason, promptly.
func TestUserFunctionBounds(t *testing.T) {
	chain := func(n int, body func(next string) string) string {
		var members []string
		for i := range n {
			value := body(fmt.Sprintf("contoso.f%d(parameters('s'))", i+1))
			if i == n-1 {
				value = "[parameters('s')]"
			}
			members = append(members, fmt.Sprintf(`"f%d": {"parameters": [{"name": "s", "type": "string"}], "output": {"type": "string", "value": %q}}`, i, value))
		}
		return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-08-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "functions": [{"namespace": "contoso", "members": {` + strings.Join(members, ",\n") + `}}],
  "resources": [{
    "type": "Microsoft.ManagedServices/registrationDefinitions",
    "apiVersion": "2022-10-01",
    "name": "c8a5e0e1-5f0b-4c43-9a5d-0d5a4f1b2c04",
    "properties": {"registrationDefinitionName": "[contoso.f0('Tailspin')]"}
  }]
}`
	}
	tests := []struct{ name, template, want string }{
		{"long chain", chain(100, func(next string) string { return "[" + next + "]" }), "user-defined functions call one another too deeply to evaluate"},
		{"short chain", chain(20, func(next string) string { return "[" + next + "]" }), ""},
		{"doubling", chain(31, func(next string) string { return "[concat(" + next + ", " + next + ")]" }), "the template is too large for lhlint to evaluate"},
	}
	for _, tt := range tests {
		d := Load(Parse(token.NewFileSet(), "t.json", []byte(tt.template)), nil)
		if len(d.Problems) > 0 || len(d.Definitions) != 1 {
			t.Fatalf("%s: %d definitions, problems %v", tt.name, len(d.Definitions), d.Problems)
		}
		offer := d.Definitions[0].OfferName
		if offer.Reason() != tt.want || tt.want == "" && offer.Text() != "Tailspin" {
			t.Errorf("%s: offer %s %q, want unknown for %q", tt.name, offer.Kind(), offer.Reason(), tt.want)
		}
	}
}
