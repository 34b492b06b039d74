package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// OwnerRole reports authorizations that grant the built-in Owner role.
var OwnerRole = &lint.Rule{
	Name:     "owner_role",
	Title:    "Authorization grants the Owner role",
	Severity: lint.Error,
	Doc: `Azure Lighthouse does not support delegating the Owner role, so deploying
the registration definition fails ("The role definition '8e3af657-…' is
restricted for registration").
See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles.

Fix: grant the narrowest built-in role that covers the work, such as Contributor.`,
	Run: runOwnerRole,
}

func runOwnerRole(pass *lint.Pass) error {
	for _, a := range pass.Template.AllAuthorizations() {
		if role, ok := builtinRole(pass.Roles, a.RoleDefinitionID); ok && role.ID == roles.Owner {
			pass.ReportValuef(a.RoleDefinitionID,
				"authorization for %q grants Owner, which Azure Lighthouse cannot delegate", a.DisplayName())
		}
	}
	return nil
}
