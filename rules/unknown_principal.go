package rules

import "github.com/lhlint/lhlint/internal/lint"

// UnknownPrincipal reports principal IDs that the managing tenant's
// directory export does not contain.
var UnknownPrincipal = &lint.Rule{
	Name:     "unknown_principal",
	Title:    "Principal is not in the directory export",
	Severity: lint.Warning,
	Doc: `A principalId must be the object ID of a user, group or service principal
in the managing tenant. An ID the tenant does not have (an object of another
tenant, a deleted group, a mistyped GUID) gives the access to no one who can
use it.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

This rule needs a directory export of the managing tenant (--principals) and
says nothing without one. It checks the principals of authorizations,
eligible authorizations and approvers. An export older than the template may
simply miss a new object, and an export of groups alone misses every user,
which is why this is a warning. An application (client) ID is reported by
application_object_id instead.

Fix: copy the object ID from Microsoft Entra ID in the managing tenant, or,
when the object is new, export the directory again (az ad group list, az ad
sp list, az ad user list).`,
	Run: runUnknownPrincipal,
}

func runUnknownPrincipal(pass *lint.Pass) error {
	for _, ref := range inventoryRefs(pass) {
		if pass.Principals.Lookup(ref.id) == nil && len(pass.Principals.ByAppID(ref.id)) == 0 {
			pass.ReportValuef(ref.value, "%s is not in the directory export; check that it is an object ID in the managing tenant", ref.name(nil))
		}
	}
	return nil
}
