package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/principals"
)

// EligibleServicePrincipal reports service principals as eligible
// principals or approvers.
var EligibleServicePrincipal = &lint.Rule{
	Name:     "eligible_service_principal",
	Title:    "Service principal in a just-in-time authorization",
	Severity: lint.Error,
	Doc: `Just-in-time access is for people: the principal of an eligible
authorization must be a user or a group in the managing tenant, and so must
each of its managedByTenantApprovers. A service principal, a managed identity
included, cannot be made eligible or approve an activation.
See https://learn.microsoft.com/azure/lighthouse/how-to/create-eligible-authorizations.

This rule needs a directory export of the managing tenant (--principals) and
says nothing without one. It checks eligible principals and approvers.

Fix: give the service principal a permanent authorization instead, and make a
group of the people who should activate or approve the role eligible.`,
	Run: runEligibleServicePrincipal,
}

func runEligibleServicePrincipal(pass *lint.Pass) error {
	for _, ref := range inventoryRefs(pass) {
		p := pass.Principals.Lookup(ref.id)
		if ref.place == permanentPrincipal || p == nil || p.Kind != principals.ServicePrincipal {
			continue
		}
		if ref.place == approverPrincipal {
			pass.ReportValuef(ref.value, "%s is a service principal; approvers must be users or groups", ref.name(p))
		} else {
			pass.ReportValuef(ref.value, "%s is a service principal; eligible authorizations accept only users and groups", ref.name(p))
		}
	}
	return nil
}
