package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// RoleWithRestrictedActions reports authorizations whose role includes an
// action Azure Lighthouse restricts.
var RoleWithRestrictedActions = &lint.Rule{
	Name:     "role_with_restricted_actions",
	Title:    "Role has actions Azure Lighthouse restricts",
	Severity: lint.Error,
	Doc: `Azure Lighthouse rejects built-in roles whose Actions include any of the
restricted actions Microsoft lists, such as
Microsoft.Authorization/roleAssignments/write or
Microsoft.Authorization/locks/delete ("… is not allowed for registration
definition … because of restricted actions"). Role Based Access Control
Administrator and Storage Account Backup Contributor are examples. Wildcards
such as Contributor's "*" do not count: Contributor excludes them with
NotActions.
See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles.

Fix: choose a role without restricted actions. To let the managing tenant
assign roles to managed identities, use User Access Administrator with
delegatedRoleDefinitionIds.`,
	Run: runRoleWithRestrictedActions,
}

func runRoleWithRestrictedActions(pass *lint.Pass) error {
	return reportIneligible(pass, roles.ProblemRestrictedActions)
}
