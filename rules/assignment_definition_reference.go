package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// AssignmentDefinitionReference reports registration assignments whose
// registrationDefinitionId is missing, malformed, or names a definition the
// template does not create.
var AssignmentDefinitionReference = &lint.Rule{
	Name:     "assignment_definition_reference",
	Title:    "Assignment does not reference its registration definition",
	Severity: lint.Error,
	Doc: `A registration assignment must name the registration definition it assigns
in properties.registrationDefinitionId, as the fully qualified ID
/subscriptions/<subscription>/providers/Microsoft.ManagedServices/registrationDefinitions/<guid>.
An ID at another scope (built with resourceId() in a resource-group
template), or naming a definition the template does not create, makes the
deployment fail or delegate the wrong offer.
See https://learn.microsoft.com/azure/templates/microsoft.managedservices/registrationassignments.

Fix: build the ID with subscriptionResourceId('Microsoft.ManagedServices/registrationDefinitions', <name>),
or resourceId() evaluated at subscription scope, with the same name
expression as the definition.`,
	Run: runAssignmentDefinitionReference,
}

func runAssignmentDefinitionReference(pass *lint.Pass) error {
	for _, a := range pass.Template.Assignments {
		id := a.RegistrationDefinitionID
		switch {
		case id.IsMissing():
			pass.ReportRangef(missingAt(id, a.Span), "registration assignment has no registrationDefinitionId")
		case id.Kind() == model.String:
			name, ok := model.DefinitionName(id.Text())
			if !ok {
				pass.ReportValuef(id, "registrationDefinitionId %q is not the ID of a subscription-level registration definition", id.Text())
				continue
			}
			if !createsDefinition(pass.Template, name) && allNamesKnown(pass.Template) {
				pass.ReportValuef(id, "registrationDefinitionId names a registration definition this template does not create; use the same name as the definition")
			}
		}
	}
	return nil
}

// missingAt returns where to report a missing member: the span Missing
// carries (its enclosing object), else the resource.
func missingAt(v model.Value, resource model.Span) model.Span {
	if v.IsValid() {
		return v.Span
	}
	return resource
}

// createsDefinition reports whether the deployment creates a definition named name.
func createsDefinition(d *model.Deployment, name string) bool {
	for _, def := range d.Definitions {
		if strings.EqualFold(def.Name.Text(), name) {
			return true
		}
	}
	return false
}

// allNamesKnown reports whether the deployment creates definitions and the
// name of every one is known, so a name it lacks is really absent.
func allNamesKnown(d *model.Deployment) bool {
	for _, def := range d.Definitions {
		if def.Name.Kind() != model.String {
			return false
		}
	}
	return len(d.Definitions) > 0
}
