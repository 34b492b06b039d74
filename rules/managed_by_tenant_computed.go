package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
)

// ManagedByTenantComputed reports managedByTenantId values that an
// expression made instead of taking the managing tenant's ID as written.
var ManagedByTenantComputed = &lint.Rule{
	Name:             "managed_by_tenant_computed",
	Title:            "Managing tenant ID is computed",
	Severity:         lint.Warning,
	SecuritySeverity: 8.0,
	Doc: `managedByTenantId must be the managing tenant's ID as Microsoft Entra ID
shows it. Computing it, for example by hashing the managedByTenantId parameter
with guid(), produces a different GUID: the delegation points at a tenant
that does not exist, or at the wrong one. Public templates have shipped
exactly this. lhlint reports a managedByTenantId whose text no literal of the
template or parameters file holds: one that guid() or uniqueString() hashed,
or that concat() or format() joined from pieces. Passing a written ID
through parameters, variables, conditions, toLower() or trim() is fine.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: pass the tenant ID through unchanged: set managedByTenantId to the
managedByTenantId parameter itself.`,
	Run: runManagedByTenantComputed,
}

func runManagedByTenantComputed(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		v := def.ManagedByTenantID
		if s, ok := v.Str(); ok && v.IsComputed() {
			pass.ReportValuef(v, "managedByTenantId is computed by an expression, which gives %q, not a tenant's ID as written", s)
		}
	}
	return nil
}
