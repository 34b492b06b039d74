package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
)

// RoleExposesKeys notes roles that reach data through keys or secrets.
var RoleExposesKeys = &lint.Rule{
	Name:             "role_exposes_keys",
	Title:            "Role can read keys that reach data",
	Severity:         lint.Note,
	SecuritySeverity: 5.0,
	Precision:        "high",
	Doc: `Some roles Azure Lighthouse accepts still reach customer data through keys:
Virtual Machine Contributor, for example, has
Microsoft.Storage/storageAccounts/listKeys/action. Microsoft asks service
providers to review the actions of the roles they delegate. lhlint notes
roles whose actions name a key or secret operation; wildcards such as
Contributor's "*" are not counted.
See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles.

Fix: if the managing tenant does not need the data, choose a narrower role.`,
	Run: runRoleExposesKeys,
}

func runRoleExposesKeys(pass *lint.Pass) error {
	for _, g := range pass.Template.AllGrants() {
		role, ok := builtinRole(pass.Roles, g.RoleDefinitionID)
		if !ok || !pass.Roles.Eligibility(role).Delegable {
			continue // other rules report roles Azure rejects
		}
		if keys := pass.Roles.KeyActions(role); len(keys) > 0 {
			more := ""
			if len(keys) > 2 {
				more = ", and more"
			}
			pass.ReportValuef(g.RoleDefinitionID, "%s for %q grants %q, which can read keys (%s%s)", g.What(), g.DisplayName(), roleName(role), strings.Join(keys[:min(2, len(keys))], ", "), more)
		}
	}
	return nil
}
