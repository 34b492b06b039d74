package conform

import (
	"encoding/json"
	"go/token"
	"strconv"
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

// TestCheckMemo checks that documents of one shape share a validation but
// not their positions: two registration definitions with the same mistake,
// different IDs and different layouts each get the mistake where they
// have it; and that a value the schema judges is part of the shape.
func TestCheckMemo(t *testing.T) {
	texts := []string{
		`{"properties": {"managedByTenantId": "2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21", "authorizations": [{"principalId": "7a3c5e9b-1d2f-4b8a-8c6e-0f2a4c6e8b1d", "roleDefinitionId": 7}]}}`,
		`{
  "properties": {
    "managedByTenantId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
    "authorizations": [
      {"principalId": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", "roleDefinitionId": 8}
    ]
  }
}`,
	}
	s, _ := schema.Resource("Microsoft.ManagedServices/registrationDefinitions", "2022-10-01")
	memo := schema.NewMemo()
	fset := token.NewFileSet()
	var docs [][]byte
	for i, text := range texts {
		doc, _ := jsonc.Parse(fset, "def.json", []byte(text))
		docs = append(docs, encode(nil, doc.Root(), s.Shape(), Options{DropNull: true}))
		for _, opts := range []Options{{DropNull: true}, {DropNull: true, Memo: memo}} {
			ps := Check(s, doc.Root(), opts)
			if len(ps) != 1 {
				t.Fatalf("text %d: Check = %+v, want one problem", i, ps)
			}
			at := fset.Position(ps[0].At.Pos())
			if got := text[at.Offset:fset.Position(ps[0].At.End()).Offset]; got != strconv.Itoa(7+i) {
				t.Errorf("text %d (memo %t): the problem is on %q at %s, want on %d", i, opts.Memo != nil, got, at, 7+i)
			}
		}
	}
	if string(docs[0]) != string(docs[1]) {
		t.Errorf("documents of one shape are encoded\n%s\n%s", docs[0], docs[1])
	}
	// A config's customerTenant is judged by its value.
	var configs []string
	for _, tenant := range []string{"contoso.com", "fabrikam.com"} {
		text := `{"customerTenant": "` + tenant + `"}`
		doc, _ := jsonc.Parse(fset, "config.json", []byte(text))
		configs = append(configs, string(encode(nil, doc.Root(), schema.Config().Shape(), Options{})))
		if ps := Check(schema.Config(), doc.Root(), Options{Memo: memo}); len(ps) != 1 || !strings.Contains(ps[0].Message, tenant) {
			t.Errorf("Check(%s) = %+v, want the tenant named", text, ps)
		}
	}
	if configs[0] == configs[1] {
		t.Errorf("configs with different tenants are one document: %s", configs[0])
	}
}

// TestAppendString checks that the documents' strings read back as
// written, whatever they hold.
func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "Contoso", `a"b\c`, "x\x00y\n\x1f", "équipe\"", `\\`} {
		var got string
		if err := json.Unmarshal(appendString(nil, s), &got); err != nil || got != s {
			t.Errorf("appendString(%q) reads back as %q (%v)", s, got, err)
		}
	}
}
