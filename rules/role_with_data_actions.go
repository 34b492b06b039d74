package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// RoleWithDataActions reports authorizations whose role has DataActions or
// NotDataActions.
var RoleWithDataActions = &lint.Rule{
	Name:     "role_with_data_actions",
	Title:    "Role has data actions",
	Severity: lint.Error,
	Doc: `Azure Lighthouse accepts only built-in roles without any DataActions or
NotDataActions. The service error reads "Only built in role definitions
without any data and notData actions are allowed". A role can gain data
actions later: Log Analytics Contributor did in 2025, and templates that
worked for years started to fail. lhlint's catalog records when.
See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles.

Fix: choose a built-in role without data actions, or grant data access
another way (for example through a managed identity in the customer tenant).`,
	Run: runRoleWithDataActions,
}

func runRoleWithDataActions(pass *lint.Pass) error {
	return reportIneligible(pass, roles.ProblemDataActions)
}

// reportIneligible reports every authorization and eligible authorization
// whose role Azure Lighthouse rejects for problem, quoting the catalog's
// reason.
func reportIneligible(pass *lint.Pass, problem roles.Problem) error {
	for _, g := range pass.Template.AllGrants() {
		role, ok := builtinRole(pass.Roles, g.RoleDefinitionID)
		if !ok {
			continue
		}
		if e := pass.Roles.Eligibility(role); e.Problem == problem {
			pass.ReportValuef(g.RoleDefinitionID, "%s for %q grants %q, which %s, so Azure Lighthouse %s",
				g.What(), g.DisplayName(), roleName(role), e.Reason, rejection(e))
		}
	}
	return nil
}

// rejection says that Azure Lighthouse rejects a role, and whether it once
// accepted it.
func rejection(e roles.Eligibility) string {
	if e.Since != "" {
		return "no longer accepts it"
	}
	return "does not accept it"
}
