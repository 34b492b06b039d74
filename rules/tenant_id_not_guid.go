package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
)

// TenantIDNotGUID reports managedByTenantId values that are not GUIDs.
var TenantIDNotGUID = &lint.Rule{
	Name:     "tenant_id_not_guid",
	Title:    "Managing tenant ID is not a GUID",
	Severity: lint.Error,
	Doc: `managedByTenantId is the ID of the service provider's Microsoft Entra
tenant, a GUID. A domain name or any other text is rejected.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: use the managing tenant's ID (Microsoft Entra ID, Overview, Tenant ID).`,
	Run: runTenantIDNotGUID,
}

func runTenantIDNotGUID(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		if s, ok, guid := knownGUID(def.ManagedByTenantID); ok && !guid {
			pass.ReportValuef(def.ManagedByTenantID, "managedByTenantId %q is not a GUID", s)
		}
	}
	return nil
}
