package rules

import (
	"fmt"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// RoleIDNotGUID reports roleDefinitionId values written as a role name or a
// role definition resource ID instead of the role's GUID.
var RoleIDNotGUID = &lint.Rule{
	Name:     "role_id_not_guid",
	Title:    "Role definition ID is not a bare GUID",
	Severity: lint.Error,
	Doc: `In a registration definition, roleDefinitionId is the bare GUID of a
built-in role, such as acdd72a7-3385-48ef-bd42-f606fba81ae7 for Reader. Every
Microsoft sample and REST example writes it so. A role name ("Contributor")
is not an ID and fails; a full resource ID
(/providers/Microsoft.Authorization/roleDefinitions/<guid>) is not the
documented form (whether Azure rejects it is unconfirmed, and the Terraform
provider found it rejected).
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: write the role's GUID. lhlint offers the fix when it knows the role.`,
	Run: runRoleIDNotGUID,
}

func runRoleIDNotGUID(pass *lint.Pass) error {
	for _, g := range pass.Template.AllGrants() {
		s, ok, guid := knownGUID(g.RoleDefinitionID)
		if g.RoleDefinitionID.IsSymbolic() {
			if id, isID := roles.NormalizeID(g.RoleDefinitionID.Text()); isID {
				// A resource ID built with subscriptionResourceId(): its
				// text is symbolic but its form is certain.
				pass.ReportValuef(g.RoleDefinitionID, "roleDefinitionId is a role definition resource ID; Azure Lighthouse needs the bare GUID %q", id)
				continue
			}
		}
		if !ok || guid {
			continue
		}
		var role *roles.Role
		what, hint := "is not a GUID", ""
		if id, ok := roles.NormalizeID(s); ok {
			what, hint = "is a role definition resource ID", "Azure Lighthouse needs the bare GUID"
			role, _ = pass.Roles.Lookup(id)
			if role == nil {
				role = &roles.Role{ID: id}
			}
		} else if r, ok := roleByName(pass.Roles, s); ok {
			what, hint = "is a role name", fmt.Sprintf("Azure Lighthouse needs the role's GUID %q", r.ID)
			role = r
		}
		if role != nil {
			if e := pass.Roles.Eligibility(role); e.Problem == roles.ProblemOwner || e.Problem == roles.ProblemDataActions || e.Problem == roles.ProblemRestrictedActions {
				// No fix: Azure rejects the role itself, by GUID too.
				hint = fmt.Sprintf("its GUID would not help: %s %s", roleName(role), e.Reason)
				role = nil
			}
		}
		msg := fmt.Sprintf("roleDefinitionId %q %s", s, what)
		if hint != "" {
			msg += "; " + hint
		}
		d := lint.ValueDiagnostic(g.RoleDefinitionID, msg)
		if role != nil {
			pass.SuggestReplacement(&d, g.RoleDefinitionID, model.StringValue(role.ID, model.Span{}), "Replace with the role's GUID")
		}
		pass.Report(d)
	}
	return nil
}

// roleByName finds a role by its exact name, else ignoring case.
func roleByName(c *roles.Catalog, name string) (*roles.Role, bool) {
	if r, ok := c.ByName(name); ok {
		return r, true
	}
	return c.ByNameFold(name)
}
