package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// MissingDeleteRole reports definitions in which no authorization grants
// the Managed Services Registration assignment Delete Role.
var MissingDeleteRole = &lint.Rule{
	Name:     "missing_delete_role",
	Title:    "No authorization can remove the delegation",
	Severity: lint.Warning,
	Doc: `Without an authorization that grants Managed Services Registration
assignment Delete Role (91c1777a-f3dc-4fae-b103-61d183457e46), nobody in the
managing tenant can remove the delegation; only the customer can. Microsoft
recommends including it. The role inside delegatedRoleDefinitionIds does not
count: it grants the role to nobody. An eligible authorization with the role
does: its principal can activate it and remove the delegation. A role
written by name counts as the role it names, and a GUID that is not the
Delete Role's is not the Delete Role, whatever it is; only a role lhlint
cannot evaluate (an expression, an ID left to fill in) keeps the rule silent.
See https://learn.microsoft.com/azure/lighthouse/how-to/remove-delegation.

Fix: add an authorization for a group in the managing tenant with
roleDefinitionId 91c1777a-f3dc-4fae-b103-61d183457e46.`,
	Run: runMissingDeleteRole,
}

func runMissingDeleteRole(pass *lint.Pass) error {
	isDelete := func(r *roles.Role) bool { return r.ID == roles.RegistrationAssignmentDelete }
	for _, def := range pass.Template.Definitions {
		if !mayGrant(pass.Roles, def, true, isDelete) {
			pass.ReportRangef(def.AuthorizationsValue,
				"no authorization grants Managed Services Registration assignment Delete Role, so only the customer can remove this delegation")
		}
	}
	return nil
}
