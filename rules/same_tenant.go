package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// SameTenant reports a managing tenant that is the customer's own tenant.
var SameTenant = &lint.Rule{
	Name:     "same_tenant",
	Title:    "Managing tenant is the customer's tenant",
	Severity: lint.Error,
	Doc: `Azure Lighthouse delegates to another tenant: a registration definition
whose managedByTenantId is the tenant being onboarded fails with "The
registration definition '…' not allowed to use the '…' as ManagedByTenantId".
lhlint knows the customer's tenant when it is given with --customer-tenant,
and recognises managedByTenantId written as subscription().tenantId or
tenant().tenantId, which is always the deploying tenant.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: set managedByTenantId to the service provider's tenant ID.`,
	Run: runSameTenant,
}

func runSameTenant(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		v := def.ManagedByTenantID
		switch s := v.Text(); {
		case v.Symbol() == model.DeployingTenant:
			pass.ReportValuef(v, "managedByTenantId is %s, the tenant being onboarded; it must be the managing tenant's ID", strings.Trim(s, "{}"))
		case !v.IsSymbolic() && pass.CustomerTenant != "" && strings.EqualFold(s, pass.CustomerTenant):
			pass.ReportValuef(v, "managedByTenantId %q is the customer's tenant; it must be the managing tenant's ID", s)
		}
	}
	return nil
}
