package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// ManagedByTenantComputed reports managedByTenantId values computed by an
// expression instead of written as the managing tenant's ID.
var ManagedByTenantComputed = &lint.Rule{
	Name:     "managed_by_tenant_computed",
	Title:    "Managing tenant ID is computed",
	Severity: lint.Warning,
	Doc: `managedByTenantId must be the managing tenant's ID as Microsoft Entra ID
shows it. Computing it, for example with guid(parameters('managedByTenantId')),
produces a different GUID: the delegation points at a tenant that does not
exist, or at the wrong one. Public templates have shipped exactly this.
lhlint reports a managedByTenantId that an expression computed and that equals
no parameter value, so passing the ID through parameters(), variables() or
toLower() is fine.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: pass the tenant ID through unchanged: "[parameters('managedByTenantId')]".`,
	Run: runManagedByTenantComputed,
}

func runManagedByTenantComputed(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		v := def.ManagedByTenantID
		if s, ok := v.Str(); ok && !v.IsLiteral() && !isParameterValue(pass.Template, s) {
			pass.ReportValuef(v, "managedByTenantId is computed by an expression, which gives %q, not a tenant's ID as written", s)
		}
	}
	return nil
}

// isParameterValue reports whether s is, ignoring case, the value of one of
// the deployment's parameters.
func isParameterValue(d *model.Deployment, s string) bool {
	for _, p := range d.Parameters {
		if v, ok := p.Value().Str(); ok && strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}
