package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// MissingReaderRole reports definitions in which no permanent
// authorization grants Reader or a role that includes it.
var MissingReaderRole = &lint.Rule{
	Name:     "missing_reader_role",
	Title:    "No authorization grants Reader",
	Severity: lint.Warning,
	Doc: `Users in the managing tenant see a delegated customer in My customers
only with Reader, or a built-in role that includes it, on a permanent
authorization. Without one, the onboarding deploys but the customer does not
show up in the Azure portal for the service provider. A role written by
name counts as the role it names, and a GUID that is no built-in role grants
nothing, as Azure Lighthouse accepts only built-in roles; only a role lhlint
cannot evaluate (an expression, an ID left to fill in) keeps the rule silent.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: add a permanent authorization with Reader
(acdd72a7-3385-48ef-bd42-f606fba81ae7) for the groups that manage the customer.`,
	Run: runMissingReaderRole,
}

func runMissingReaderRole(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		if !mayGrant(pass.Roles, def, false, (*roles.Role).IncludesReader) {
			pass.ReportRangef(def.AuthorizationsValue,
				"no permanent authorization grants Reader or a role that includes it, so the customer does not appear in My customers")
		}
	}
	return nil
}
