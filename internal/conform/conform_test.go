package conform

import (
	"go/token"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/jsonc"
	"github.com/lhlint/lhlint/schema"
)

// TestCheck checks where problems are placed: a member's key, an object
// that lacks a member, a value of the wrong type; names in any case.
func TestCheck(t *testing.T) {
	const text = `{"properties": {
  "ManagedByTenantID": "2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21",
  "description": null,
  "authorizations": [
    {"principalID": "7a3c5e9b-1d2f-4b8a-8c6e-0f2a4c6e8b1d", "roleDefinitionId": 7, "principalDisplayName": "Contoso NOC"},
    {"roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7"}
  ]
}}`
	fset := token.NewFileSet()
	doc, _ := jsonc.Parse(fset, "def.json", []byte(text))
	s, _ := schema.Resource("Microsoft.ManagedServices/registrationDefinitions", "2019-06-01")
	var got []string
	for _, p := range Check(s, doc.Root(), Options{DropNull: true}) {
		at := fset.Position(p.At.Pos())
		line := at.String() + " " + text[at.Offset:fset.Position(p.At.End()).Offset] + " " + p.Message
		if p.Member {
			line += " [key " + p.Key.Text() + ", suggest " + p.Suggest + "]"
		}
		got = append(got, line)
	}
	want := []string{
		`def.json:5:84 "principalDisplayName" authorization has no property "principalDisplayName"; did you mean "principalIdDisplayName"? [key principalDisplayName, suggest principalIdDisplayName]`,
		`def.json:5:81 7 roleDefinitionId of authorization is an int, not a string`,
		`def.json:6:5 {"roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7"} authorization has no principalId, which the API requires`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCheckExpressions checks that a value written as an expression is not
// judged before it is evaluated.
func TestCheckExpressions(t *testing.T) {
	const text = `{"resources": "[variables('resources')]", "outputs": {"o": {"type": "[parameters('t')]", "value": 1}}}`
	fset := token.NewFileSet()
	doc, _ := jsonc.Parse(fset, "main.json", []byte(text))
	isExpr := func(s string) bool { return strings.HasPrefix(s, "[") }
	if ps := Check(schema.Template(), doc.Root(), Options{Expression: isExpr}); len(ps) > 0 {
		t.Errorf("Check = %+v, want nothing", ps)
	}
	if ps := Check(schema.Template(), doc.Root(), Options{}); len(ps) != 2 {
		t.Errorf("Check without expressions = %+v, want two problems", ps)
	}
}
