package schema

import (
	"encoding/json"
	"testing"
)

func TestValidateConfig(t *testing.T) {
	tests := []struct{ doc, want string }{
		{`{"rules": {"owner_role": "warning"}, "ignore": ["examples/**"], "customerTenant": "2a7c1d9e-5b3f-4e8a-9c6d-0f1e2d3c4b5a", "roles": "roles.json"}`, ""},
		{`{"rulez": {}}`, ` unknown setting "rulez" (key rulez)`},
		{`{"limits": {"plans": 3, "authorizations": 2, "apis": 1}, "zz": 1}`, ` unknown setting "zz" (key zz)/limits unknown setting "apis" (key apis)/limits unknown setting "plans" (key plans)`},
		{`{"rules": {"owner_role": "fatal"}}`, `/rules/owner_role the level must be one of "off", "note", "warning", "error"`},
		{`{"rules": {"Owner-Role": "off"}}`, `/rules/Owner-Role not in the expected form`},
		{`{"customerTenant": "contoso.com"}`, `/customerTenant not in the expected form`},
		{`{"ignore": "examples"}`, `/ignore wrong type: expected array, but got string`},
	}
	for _, tt := range tests {
		var doc any
		if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, v := range ValidateConfig(doc) {
			got += v.Pointer + " " + v.Message
			if v.Key != "" {
				got += " (key " + v.Key + ")"
			}
		}
		if got != tt.want {
			t.Errorf("ValidateConfig(%s) = %q, want %q", tt.doc, got, tt.want)
		}
	}
}
