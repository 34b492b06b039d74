package schema

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// readOnly are the properties Azure returns and ARM ignores in a request,
// which the schemas accept and Microsoft's ARM schema leaves out.
var readOnly = []string{"provisioningState", "managedByTenantName", "manageeTenantId", "manageeTenantName", "registrationDefinition"}

// TestManagedServicesAgainstARMSchema checks the newest version's objects
// against Microsoft's ARM schema of 2022-10-01 in the reference data beside
// the repository: the same required properties, and every property with
// the same JSON type.
func TestManagedServicesAgainstARMSchema(t *testing.T) {
	const ref = "../../shared/reference/Microsoft.ManagedServices-2022-10-01.json"
	data, err := os.ReadFile(ref)
	if os.IsNotExist(err) {
		t.Skipf("reference data %s does not exist (it lives beside the repository); cannot compare", ref)
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
	kind := func(p property) string {
		if p.Type == "" && len(p.OneOf) > 0 { // the first choice; the other is an expression
			p.Type = p.OneOf[0].Type
			if strings.HasPrefix(p.OneOf[0].Ref, "#/definitions/") {
				p.Type = "object"
			}
		}
		return p.Type
	}
	v := &validation{docs: docs()}
	for name, at := range map[string]string{
		"RegistrationDefinitionProperties": "#/$defs/definitionResource2022/properties/properties",
		"Authorization":                    "#/$defs/authorization",
		"EligibleAuthorization":            "#/$defs/eligibleAuthorization",
		"JustInTimeAccessPolicy":           "#/$defs/justInTimeAccessPolicy",
		"EligibleApprover":                 "#/$defs/approver",
		"Plan":                             "#/$defs/plan",
		"RegistrationAssignmentProperties": "#/$defs/assignmentResource/properties/properties",
	} {
		def, ok := doc.Definitions[name]
		if !ok {
			t.Errorf("%s is not in the ARM schema", name)
			continue
		}
		mine := v.schemaAt(base + managedServiceFile + at)
		var required []string
		reqs, _ := mine["required"].([]any)
		for _, r := range reqs {
			required = append(required, r.(string))
		}
		theirs := slices.DeleteFunc(slices.Clone(def.Required), func(r string) bool {
			return name == "RegistrationAssignmentProperties" && r == "registrationDefinitionId" // assignment_definition_reference's
		})
		if !slices.Equal(slices.Sorted(slices.Values(required)), slices.Sorted(slices.Values(theirs))) {
			t.Errorf("%s: required %q, ours %q", name, theirs, required)
		}
		props := mine["properties"].(map[string]any)
		for prop, p := range def.Properties {
			ours, _ := props[prop].(map[string]any)
			if typ, _ := ours["type"].(string); typ != kind(p) && !(kind(p) == "object" && ours["$ref"] != nil) {
				t.Errorf("%s.%s: the ARM schema says %s, ours %v", name, prop, kind(p), ours)
			}
		}
		for prop := range props {
			if _, ok := def.Properties[prop]; !ok && !slices.Contains(readOnly, prop) {
				t.Errorf("%s.%s: not in the ARM schema", name, prop)
			}
		}
	}
}
