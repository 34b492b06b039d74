package schema

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
)

// check validates doc, a JSON text, and returns its violations, one a
// line: the path, the message, and "(member)" for a member's key.
func check(t *testing.T, s *Schema, doc string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, vi := range s.Validate(v) {
		line := "/" + strings.Join(vi.Path, "/") + " " + vi.Message
		if vi.Member {
			line += " (member)"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func TestConfig(t *testing.T) {
	tests := []struct{ doc, want string }{
		{`{"rules": {"owner_role": "warning"}, "ignore": ["examples/**"], "customerTenant": "2a7c1d9e-5b3f-4e8a-9c6d-0f1e2d3c4b5a", "roles": "roles.json"}`, ""},
		{`{"rulez": {}}`, `/rulez configuration has no property "rulez"; did you mean "rules"? (member)`},
		{`{"limits": {"plans": 3, "authorizations": 2}, "zz": 1}`, "/limits/plans limits has no property \"plans\" (member)\n/zz configuration has no property \"zz\" (member)"},
		{`{"rules": {"owner_role": "fatal"}}`, `/rules/owner_role level of rule "owner_role" is "fatal", not one of "off", "note", "warning", "error"`},
		{`{"rules": {"Owner-Role": "off"}}`, `/rules/Owner-Role rule name "Owner-Role" is not in snake_case (member)`},
		{`{"customerTenant": "contoso.com"}`, `/customerTenant customerTenant is "contoso.com", not a GUID`},
		{`{"ignore": "examples"}`, `/ignore ignore is a string, not an array`},
		{`{"principals": []}`, `/principals principals is empty`},
		{`{"limits": {"definitions": 0}}`, `/limits/definitions definitions of limits is 0, less than 1`},
		{`{"": 1}`, `/ configuration has no property "" (member)`},
	}
	for _, tt := range tests {
		if got := check(t, Config(), tt.doc); got != tt.want {
			t.Errorf("Config().Validate(%s) =\n%s\nwant\n%s", tt.doc, got, tt.want)
		}
	}
}

// An unknown value is never wrong, nor is anything inside it.
func TestUnknownIsNeverWrong(t *testing.T) {
	doc := map[string]any{
		"properties": map[string]any{"managedByTenantId": Unknown{}, "authorizations": Unknown{}},
	}
	s, _ := Resource("Microsoft.ManagedServices/registrationDefinitions", "2022-10-01")
	if got := s.Validate(doc); len(got) > 0 {
		t.Errorf("Validate = %+v, want nothing", got)
	}
	// The key of a member the schema does not define is wrong whatever its value.
	doc = map[string]any{"properties": map[string]any{"managedByTenantId": Unknown{}, "authorizations": []any{
		map[string]any{"principalId": Unknown{}, "roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "principalTenantId": Unknown{}},
	}}}
	if got := s.Validate(doc); len(got) != 1 || !got[0].Member {
		t.Errorf("Validate = %+v, want principalTenantId", got)
	}
	doc = map[string]any{"properties": Unknown{}}
	if got := s.Validate(doc); len(got) > 0 {
		t.Errorf("Validate = %+v, want nothing", got)
	}
}

// TestSchemasAreWrittenForMessages checks what the wording of violations
// relies on: every file has its fixed $id and the pinned $schema, and
// closes objects with unevaluatedProperties, whose violations name one
// member each.
func TestSchemasAreWrittenForMessages(t *testing.T) {
	entries, err := files.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, _ := files.ReadFile(e.Name())
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if doc["$id"] != base+e.Name() {
			t.Errorf("%s: $id is %v, want %s", e.Name(), doc["$id"], base+e.Name())
		}
		if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema is %v, want draft 2020-12", e.Name(), doc["$schema"])
		}
		if strings.Contains(string(data), `"additionalProperties": false`) {
			t.Errorf("%s closes an object with additionalProperties; use unevaluatedProperties", e.Name())
		}
	}
}

func TestNearest(t *testing.T) {
	names := []string{"principalId", "principalIdDisplayName", "roleDefinitionId", "delegatedRoleDefinitionIds"}
	for _, tt := range []struct{ name, want string }{
		{"principalDisplayName", "principalIdDisplayName"},
		{"PrincipalID", "principalId"},
		{"delegatedRoleDefinitionId", "delegatedRoleDefinitionIds"},
		{"principalTenantId", ""},
		{"roleId", ""},
	} {
		if got := nearest(tt.name, names); got != tt.want {
			t.Errorf("nearest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := nearest("valeu", []string{"value", "reference", "expression"}); got != "value" {
		t.Errorf("nearest(valeu) = %q, want value", got)
	}
	if got := nearest("ab", []string{"ax", "ay"}); got != "" {
		t.Errorf("nearest(ab) = %q, want none: two names are as near", got)
	}
}

func TestTemplate(t *testing.T) {
	tests := []struct{ doc, want string }{
		{`{"$schema": "x", "contentVersion": "1.0.0.0", "parameters": {"a": {"type": "SecureString"}}, "resources": [], "outputs": {"o": {"type": "Array", "value": []}}}`, ""},
		{`{"resources": "all"}`, `/resources resources is a string, not an array or an object`},
		{`{"resources": {}}`, `/resources resources is an object, not an array; resources keyed by symbolic name need "languageVersion": "2.0"`},
		{`{"languageVersion": "2.0", "resources": {"d": {"type": "Microsoft.Resources/deployments", "properties": {"mode": "incremental", "template": {"outputz": {}}}}}}`,
			`/resources/d/properties/template/outputz template has no property "outputz"; did you mean "outputs"? (member)`},
		{`{"outputs": {"o": {"type": "string", "Value": "x", "delegatedRoleDefinitionIds": []}}}`, `/outputs/o/delegatedRoleDefinitionIds output "o" has no property "delegatedRoleDefinitionIds" (member)`},
		{`{"parameters": {"p": {"type": "integer"}}}`, `/parameters/p/type type of parameter "p" is "integer", not one of string, securestring, int, bool, object, secureObject, array`},
	}
	for _, tt := range tests {
		if got := check(t, Template(), tt.doc); got != tt.want {
			t.Errorf("Template().Validate(%s) =\n%s\nwant\n%s", tt.doc, got, tt.want)
		}
	}
}

func TestParameters(t *testing.T) {
	tests := []struct{ doc, want string }{
		{`{"parameters": {"a": {"value": 1}, "b": {"reference": {"keyVault": {"id": "/subscriptions/x"}, "secretName": "s"}}, "c": {"value": null}}}`, ""},
		// Of the alternatives none of which holds, one message says what each wants.
		{`{"parameters": {"a": {}}}`, `/parameters/a parameter "a" has no value, reference or expression, which ARM requires`},
		{`{"parameters": {"a": {"reference": {"secretName": "s"}}}}`, `/parameters/a/reference reference has no keyVault, which ARM requires`},
		// A parameters file is not a nested deployment: it has no copy loops.
		{`{"parameters": {"a": {"copy": []}}}`, "/parameters/a parameter \"a\" has no value, reference or expression, which ARM requires\n/parameters/a/copy parameter \"a\" has no property \"copy\" (member)"},
	}
	for _, tt := range tests {
		if got := check(t, Parameters(), tt.doc); got != tt.want {
			t.Errorf("Parameters().Validate(%s) =\n%s\nwant\n%s", tt.doc, got, tt.want)
		}
	}
}

// TestShape checks what the template's schema looks at: the members of a
// parameter declaration, not its default; a nested deployment's template,
// as deep as it goes.
func TestShape(t *testing.T) {
	sh := Template().Shape()
	if p := sh.Member("parameters").Member("mspOfferName"); p == nil || p.Member("defaultValue") != nil {
		t.Errorf("a parameter's shape is %+v, want its members and not its default", p)
	}
	if v := sh.Member("variables"); v != nil {
		t.Errorf("variables' shape is %+v, want nothing: only its kind matters", v)
	}
	nested := sh.Member("resources").Item().Member("properties").Member("template")
	if nested.Member("outputs").Member("o") == nil {
		t.Error("a nested deployment's template has no shape")
	}
	if config := Config().Shape().Member("rules").Member("owner_role"); !config.Whole() {
		t.Error("a rule's level is not compared whole")
	}
	// A parameter's type is matched against a pattern; its minValue is an
	// int whatever its value.
	if p := sh.Member("parameters").Member("p"); !p.Member("type").Scalar() || p.Member("minValue").Scalar() {
		t.Error("a parameter's type is not judged by its value, or its minValue is")
	}
}

// A member whose name is not ASCII is named as written, not as the
// validator escapes it in its pointers.
func TestNonASCIINames(t *testing.T) {
	if got, want := check(t, Config(), `{"équipe": 1, "a/b~c%20": 2}`), "/a/b~c%20 configuration has no property \"a/b~c%20\" (member)\n/équipe configuration has no property \"équipe\" (member)"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestResource checks how a resource finds its schema: type and version
// ignoring case, the type with or without its namespace, an unknown
// version as the newest, and no schema for another type.
func TestResource(t *testing.T) {
	old, _ := Resource("Microsoft.ManagedServices/registrationDefinitions", "2019-06-01")
	newest, _ := Resource("Microsoft.ManagedServices/registrationDefinitions", NewestAPIVersion)
	if old == newest {
		t.Fatal("2019-06-01 has the newest schema")
	}
	tests := []struct {
		typ, version string
		want         *Schema
	}{
		{"MICROSOFT.MANAGEDSERVICES/REGISTRATIONDEFINITIONS", "2019-06-01", old},
		{"registrationDefinitions", "2019-06-01", old},
		{"Microsoft.ManagedServices/registrationDefinitions", "2030-01-01-PREVIEW", newest},
		{"Microsoft.Resources/deployments", "2019-06-01", nil},
		{"Microsoft.ManagedServices/registrationDefinitionſ", "2019-06-01", nil}, // ſ is not s
	}
	for _, tt := range tests {
		if got, ok := Resource(tt.typ, tt.version); got != tt.want || ok != (tt.want != nil) {
			t.Errorf("Resource(%q, %q) = %v, %t", tt.typ, tt.version, got, ok)
		}
	}
}

// TestNamesAreASCII checks what Shape.Lookup relies on: every member name
// the schemas define is ASCII.
func TestNamesAreASCII(t *testing.T) {
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			props, _ := v["properties"].(map[string]any)
			for name := range props {
				if !isASCII(name) {
					t.Errorf("member %q is not ASCII", name)
				}
			}
			for _, m := range v {
				walk(m)
			}
		case []any:
			for _, m := range v {
				walk(m)
			}
		}
	}
	for _, d := range docs() {
		walk(d.raw)
	}
}

// TestLoadConcurrently reads schemas from parallel goroutines, as
// parallel lint jobs do; under -race it fails if the memo of shapes, which
// is not safe for concurrent use, is not guarded.
func TestLoadConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for _, at := range [][2]string{
		{templateFile, ""},
		{parametersFile, ""},
		{managedServiceFile, "#/$defs/registrationDefinitions@2022-10-01"},
		{managedServiceFile, "#/$defs/registrationAssignments@2019-09-01"},
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if s := load(at[0], at[1]); s.root == nil || s.shape == nil {
				t.Errorf("load(%q, %q) = %+v, want a schema and its shape", at[0], at[1], s)
			}
		}()
	}
	wg.Wait()
}
