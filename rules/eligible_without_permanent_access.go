package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// EligibleWithoutPermanentAccess reports eligible principals without a
// permanent Reader-or-higher authorization.
var EligibleWithoutPermanentAccess = &lint.Rule{
	Name:     "eligible_without_permanent_access",
	Title:    "Eligible principal has no permanent access",
	Severity: lint.Warning,
	Doc: `Microsoft asks that each eligible principal also have a permanent
authorization, Reader or a role that includes it, for the same principal.
Without one, the user cannot see the customer in the Azure portal and so
cannot find where to elevate.
See https://learn.microsoft.com/azure/lighthouse/how-to/create-eligible-authorizations.

Fix: add a permanent authorization with Reader (acdd72a7-3385-48ef-bd42-f606fba81ae7)
for the same principalId.`,
	Run: runEligibleWithoutPermanentAccess,
}

func runEligibleWithoutPermanentAccess(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		if len(def.EligibleAuthorizations) == 0 {
			continue // most definitions: nothing to check
		}
		readers, ok := permanentReaders(pass.Roles, def)
		if !ok {
			continue
		}
		said := map[string]bool{} // once per principal, at its first eligible authorization
		for _, e := range def.EligibleAuthorizations {
			p, ok := knownID(e.PrincipalID)
			if p = strings.ToLower(p); ok && !readers[p] && !said[p] {
				said[p] = true
				pass.ReportValuef(e.PrincipalID, "eligible principal %q has no permanent authorization with Reader or a role that includes it", e.DisplayName())
			}
		}
	}
	return nil
}

// permanentReaders returns the lower-case principal IDs that a permanent
// authorization of def grants Reader or more; false when some principal or
// role is not known, so the answer could be wrong.
func permanentReaders(c *roles.Catalog, def *model.Definition) (map[string]bool, bool) {
	if def.AuthorizationsValue.Kind() != model.Array {
		return nil, false
	}
	readers := map[string]bool{}
	for _, a := range def.Authorizations {
		p, pok := knownID(a.PrincipalID)
		role, rok := builtinRole(c, a.RoleDefinitionID)
		if !pok || !rok {
			return nil, false
		}
		if c.IncludesReader(role) {
			readers[strings.ToLower(p)] = true
		}
	}
	return readers, true
}
