package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// DelegatedRolesWithoutUAA reports delegatedRoleDefinitionIds on a role
// other than User Access Administrator.
var DelegatedRolesWithoutUAA = &lint.Rule{
	Name:     "delegated_roles_without_uaa",
	Title:    "Delegated roles on a role other than UAA",
	Severity: lint.Warning,
	Doc: `delegatedRoleDefinitionIds only means something with User Access
Administrator: it lists the roles that principal may assign to managed
identities. On any other role it grants nothing; Partner Center says the
field "has no effect". Usually it was meant for a User Access Administrator
authorization, which then lacks it (a fix once made to the official samples
moved it off the Delete Role). Whether Azure rejects the field on other roles
is unconfirmed, so this is a warning.
See https://learn.microsoft.com/azure/lighthouse/how-to/deploy-policy-remediation.

Fix: move the list to the User Access Administrator authorization, or remove it.`,
	Run: runDelegatedRolesWithoutUAA,
}

func runDelegatedRolesWithoutUAA(pass *lint.Pass) error {
	for _, a := range pass.Template.AllAuthorizations() {
		if len(a.DelegatedRoleDefinitionIDs) == 0 {
			continue // nearly every authorization: nothing to check
		}
		s, ok, guid := knownGUID(a.RoleDefinitionID)
		if !ok || !guid || s == roles.UserAccessAdministrator {
			continue
		}
		name := s
		if role, ok := pass.Roles.Lookup(s); ok {
			name = roleName(role)
		}
		pass.ReportValuef(a.DelegatedValue,
			"authorization for %q grants %q with delegatedRoleDefinitionIds, which only User Access Administrator uses", a.DisplayName(), name)
	}
	return nil
}
