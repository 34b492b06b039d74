package rules

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// TestSchemaShapes checks the schema rule's table against the ARM schema in
// the reference data beside the repository.
func TestSchemaShapes(t *testing.T) {
	const ref = "../../shared/reference/Microsoft.ManagedServices-2022-10-01.json"
	data, err := os.ReadFile(ref)
	if os.IsNotExist(err) {
		t.Skipf("reference data %s does not exist (it lives beside the repository, in ../shared); cannot check the schema rule's table", ref)
	}
	if err != nil {
		t.Fatal(err)
	}
	type property struct {
		Type  string `json:"type"`
		OneOf []struct {
			Ref  string `json:"$ref"`
			Type string `json:"type"`
		} `json:"oneOf"`
	}
	var doc struct {
		Definitions map[string]struct {
			Required   []string            `json:"required"`
			Properties map[string]property `json:"properties"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	kind := func(p property) model.Kind {
		if p.Type == "" && len(p.OneOf) > 0 { // the first choice; the other is an expression
			p.Type = p.OneOf[0].Type
			if strings.HasPrefix(p.OneOf[0].Ref, "#/definitions/") {
				p.Type = "object"
			}
		}
		return map[string]model.Kind{"string": model.String, "array": model.Array, "object": model.Object}[p.Type]
	}
	for name, s := range map[string]shape{
		"RegistrationDefinitionProperties": definitionShape,
		"Authorization":                    authorizationShape,
		"EligibleAuthorization":            eligibleShape,
		"JustInTimeAccessPolicy":           policyShape,
		"EligibleApprover":                 approverShape,
		"Plan":                             planShape,
		"RegistrationAssignmentProperties": assignmentShape,
	} {
		def, ok := doc.Definitions[name]
		if !ok {
			t.Errorf("%s is not in the schema", name)
			continue
		}
		required := slices.DeleteFunc(slices.Clone(def.Required), func(r string) bool {
			return name == "RegistrationAssignmentProperties" && r == "registrationDefinitionId" // assignment_definition_reference's
		})
		if !slices.Equal(slices.Sorted(slices.Values(required)), slices.Sorted(slices.Values(s.required))) {
			t.Errorf("%s: required %q, the table says %q", name, required, s.required)
		}
		if len(def.Properties) != len(s.types) {
			t.Errorf("%s: %d properties, the table has %d", name, len(def.Properties), len(s.types))
		}
		for prop, p := range def.Properties {
			i := slices.IndexFunc(s.types, func(t typed) bool { return t.name == prop })
			if i < 0 || s.types[i].kind != kind(p) {
				t.Errorf("%s.%s: the schema says %v, the table does not", name, prop, kind(p))
			}
		}
	}
}
