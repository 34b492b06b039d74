package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
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
does: its principal can activate it and remove the delegation.
See https://learn.microsoft.com/azure/lighthouse/how-to/remove-delegation.

Fix: add an authorization for a group in the managing tenant with
roleDefinitionId 91c1777a-f3dc-4fae-b103-61d183457e46.`,
	Run: runMissingDeleteRole,
}

func runMissingDeleteRole(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		isDelete := func(r *roles.Role) bool { return r.ID == roles.RegistrationAssignmentDelete }
		if grantsKnownRoles(pass.Roles, def, isDelete) || eligibleFor(pass.Roles, def, isDelete) {
			continue
		}
		pass.ReportRangef(def.AuthorizationsValue,
			"no authorization grants Managed Services Registration assignment Delete Role, so only the customer can remove this delegation")
	}
	return nil
}

// grantsKnownRoles reports whether a permanent authorization of def grants
// a role for which want is true. It also reports true, meaning "cannot
// tell", when the authorizations or any of their roles are not known. An
// authorization without a roleDefinitionId grants nothing.
func grantsKnownRoles(c *roles.Catalog, def *model.Definition, want func(*roles.Role) bool) bool {
	if def.AuthorizationsValue.Kind() != model.Array {
		return true
	}
	for _, a := range def.Authorizations {
		if a.RoleDefinitionID.IsMissing() {
			continue
		}
		role, ok := builtinRole(c, a.RoleDefinitionID)
		if !ok || want(role) {
			return true
		}
	}
	return false
}

// eligibleFor reports whether an eligible authorization of def grants a
// role for which want is true.
func eligibleFor(c *roles.Catalog, def *model.Definition, want func(*roles.Role) bool) bool {
	for _, e := range def.EligibleAuthorizations {
		if role, ok := builtinRole(c, e.RoleDefinitionID); ok && want(role) {
			return true
		}
	}
	return false
}
