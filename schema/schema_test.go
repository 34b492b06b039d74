package schema

import (
	"encoding/json"
	"strings"
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
	doc = map[string]any{"properties": Unknown{}}
	if got := s.Validate(doc); len(got) > 0 {
		t.Errorf("Validate = %+v, want nothing", got)
	}
}
