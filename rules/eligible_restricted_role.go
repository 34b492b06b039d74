package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// EligibleRestrictedRole reports Owner or User Access Administrator as an
// eligible role.
var EligibleRestrictedRole = &lint.Rule{
	Name:     "eligible_restricted_role",
	Title:    "Eligible authorization grants Owner or UAA",
	Severity: lint.Error,
	Doc: `An eligible (just-in-time) authorization may use any supported built-in role
except User Access Administrator, and Azure also rejects Owner: "The role
definition '8e3af657-…' is restricted for eligible authorization … Restricted
role definitions are '8e3af657-…;18d7d88d-…'".
See https://learn.microsoft.com/azure/lighthouse/how-to/create-eligible-authorizations.

Fix: grant a narrower built-in role, such as Contributor, for just-in-time
access; User Access Administrator can only be a permanent authorization.`,
	Run: runEligibleRestrictedRole,
}

func runEligibleRestrictedRole(pass *lint.Pass) error {
	for _, e := range pass.Template.AllEligibleAuthorizations() {
		role, ok := builtinRole(pass.Roles, e.RoleDefinitionID)
		if ok && (role.ID == roles.Owner || role.ID == roles.UserAccessAdministrator) {
			pass.ReportValuef(e.RoleDefinitionID, "eligible authorization for %q grants %s, which Azure Lighthouse does not allow for just-in-time access", e.DisplayName(), roleName(role))
		}
	}
	return nil
}
