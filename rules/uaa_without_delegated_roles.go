package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// UAAWithoutDelegatedRoles reports User Access Administrator authorizations
// without delegatedRoleDefinitionIds.
var UAAWithoutDelegatedRoles = &lint.Rule{
	Name:     "uaa_without_delegated_roles",
	Title:    "User Access Administrator without delegated roles",
	Severity: lint.Error,
	Doc: `Azure Lighthouse accepts User Access Administrator only for assigning roles
to managed identities in the customer tenant, and only with
delegatedRoleDefinitionIds: the list of roles the principal may assign. The
REST API calls the field required for this role.
See https://learn.microsoft.com/azure/lighthouse/how-to/deploy-policy-remediation.

Fix: add delegatedRoleDefinitionIds with the GUIDs of the supported built-in
roles the managed identities need, or remove the authorization.`,
	Run: runUAAWithoutDelegatedRoles,
}

func runUAAWithoutDelegatedRoles(pass *lint.Pass) error {
	for _, a := range pass.Template.AllAuthorizations() {
		role, ok := builtinRole(pass.Roles, a.RoleDefinitionID)
		if !ok || role.ID != roles.UserAccessAdministrator {
			continue
		}
		if a.DelegatedValue.IsMissing() || (a.DelegatedValue.Kind() == model.Array && a.DelegatedValue.Len() == 0) {
			pass.ReportValuef(a.RoleDefinitionID,
				"authorization for %q grants User Access Administrator without delegatedRoleDefinitionIds; Azure Lighthouse requires the roles it may assign", a.DisplayName())
		}
	}
	return nil
}
