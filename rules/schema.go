package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// shape is what the Microsoft.ManagedServices ARM schema requires of one
// kind of object: the properties it must have and the JSON type of each
// property it defines. TestSchemaShapes checks the table against
// Microsoft's published ARM schema of 2022-10-01 when a copy is present;
// earlier API versions define subsets of the same objects.
type shape struct {
	what     string // the object in messages
	required []string
	types    []typed
}

// typed is a property and its JSON type.
type typed struct {
	name string
	kind model.Kind
}

var (
	definitionShape = shape{"registration definition", []string{"authorizations", "managedByTenantId"}, []typed{
		{"authorizations", model.Array}, {"description", model.String}, {"eligibleAuthorizations", model.Array},
		{"managedByTenantId", model.String}, {"registrationDefinitionName", model.String},
	}}
	authorizationShape = shape{"authorization", []string{"principalId", "roleDefinitionId"}, []typed{
		{"delegatedRoleDefinitionIds", model.Array}, {"principalId", model.String}, {"principalIdDisplayName", model.String},
		{"roleDefinitionId", model.String},
	}}
	eligibleShape = shape{"eligible authorization", []string{"principalId", "roleDefinitionId"}, []typed{
		{"justInTimeAccessPolicy", model.Object}, {"principalId", model.String}, {"principalIdDisplayName", model.String},
		{"roleDefinitionId", model.String},
	}}
	policyShape = shape{"justInTimeAccessPolicy", []string{"multiFactorAuthProvider"}, []typed{
		{"managedByTenantApprovers", model.Array}, {"maximumActivationDuration", model.String}, {"multiFactorAuthProvider", model.String},
	}}
	approverShape = shape{"approver", []string{"principalId"}, []typed{
		{"principalId", model.String}, {"principalIdDisplayName", model.String},
	}}
	planShape = shape{"plan", []string{"name", "product", "publisher", "version"}, []typed{
		{"name", model.String}, {"product", model.String}, {"publisher", model.String}, {"version", model.String},
	}}
	// registrationDefinitionId is required too; assignment_definition_reference
	// reports an assignment without one, with what it should reference.
	assignmentShape = shape{"registration assignment", nil, []typed{
		{"registrationDefinitionId", model.String},
	}}
)

// Schema reports registration resources that break the Microsoft.ManagedServices
// schema: a required property missing, or a property of the wrong type.
var Schema = &lint.Rule{
	Name:     "schema",
	Title:    "Registration resource breaks the API schema",
	Severity: lint.Error,
	Doc: `The Microsoft.ManagedServices API requires some properties and gives each
a type: a registration definition needs managedByTenantId and
authorizations; every authorization and eligible authorization a principalId
and a roleDefinitionId; a justInTimeAccessPolicy its multiFactorAuthProvider;
an approver its principalId; a Marketplace plan its name, product, publisher
and version. ARM rejects a deployment that leaves one out or gives, say, an
object where a string belongs, before anything is created. Values lhlint
cannot know before deployment are not judged. Property names compare
ignoring case; names the API does not define are unknown_property's, and
values the API constrains further have their own rules.
See https://learn.microsoft.com/azure/templates/microsoft.managedservices/registrationdefinitions.

Fix: add the missing property, or give the value the type the API defines.`,
	Run: runSchema,
}

func runSchema(pass *lint.Pass) error {
	d := pass.Template
	for _, def := range d.Definitions {
		if d.Template != "" {
			// A parameters file checked on its own sets only some properties.
			checkShape(pass, def.Properties, definitionShape)
		}
		if def.Plan.Kind() != model.Null {
			checkShape(pass, def.Plan, planShape) // null is how a template leaves it out
		}
		for _, a := range def.Authorizations {
			checkShape(pass, a.Object, authorizationShape)
		}
		for _, e := range def.EligibleAuthorizations {
			checkShape(pass, e.Object, eligibleShape)
			if e.JITPolicy != nil {
				checkShape(pass, e.JITPolicy.Object, policyShape)
				for _, ap := range e.JITPolicy.ApproversValue.Items() {
					checkShape(pass, ap, approverShape)
				}
			}
		}
	}
	for _, a := range d.Assignments {
		checkShape(pass, a.Properties, assignmentShape)
	}
	return nil
}

// checkShape reports what obj lacks of s, and its members of the wrong type.
// A value that is not known is not judged; a null one is absent, as ARM
// drops properties set to null (json('null') is how templates omit one).
func checkShape(pass *lint.Pass, obj model.Value, s shape) {
	if obj.Kind() != model.Object {
		if obj.IsKnown() && obj.Kind() != model.Null {
			pass.ReportValuef(obj, "%s is %s; the API wants an object", s.what, describeKind(obj.Kind()))
		}
		return
	}
	for _, name := range s.required {
		if m, ok := obj.Key(name); !ok || m.Value.Kind() == model.Null {
			pass.ReportRangef(opening(obj), "%s has no %s, which the API requires", s.what, name)
		}
	}
	for _, m := range obj.Members() {
		for _, t := range s.types {
			if strings.EqualFold(m.Key, t.name) && m.Value.IsKnown() && m.Value.Kind() != model.Null && m.Value.Kind() != t.kind {
				pass.ReportValuef(m.Value, "%s of %s is %s; the API wants %s", t.name, s.what, describeKind(m.Value.Kind()), describeKind(t.kind))
			}
		}
	}
}
