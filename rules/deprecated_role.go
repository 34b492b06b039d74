package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
)

// DeprecatedRole reports roles the catalog marks deprecated.
var DeprecatedRole = &lint.Rule{
	Name:     "deprecated_role",
	Title:    "Role is deprecated",
	Severity: lint.Warning,
	Doc: `If a delegated built-in role is deprecated, users onboarded with it lose
access and new delegations fail. lhlint's catalog marks a role deprecated
when its name or description says it is deprecated, legacy or to be retired.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: choose the role that replaces it (its description usually names it)
and redeploy.`,
	Run: runDeprecatedRole,
}

func runDeprecatedRole(pass *lint.Pass) error {
	for v := range roleValues(pass.Template) {
		if role, ok := builtinRole(pass.Roles, v); ok && role.Deprecated {
			pass.ReportValuef(v, "role %q is deprecated; its description says %q", roleName(role), role.Description)
		}
	}
	return nil
}
