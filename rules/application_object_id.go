package rules

import (
	"fmt"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/principals"
)

// ApplicationObjectID reports an application's object ID, or its
// application (client) ID, where the service principal's object ID is
// needed.
var ApplicationObjectID = &lint.Rule{
	Name:     "application_object_id",
	Title:    "Application ID used instead of its service principal",
	Severity: lint.Error,
	Doc: `To delegate to an application, principalId must be the object ID of its
service principal (the enterprise application in the managing tenant). An
app registration has two other IDs that are easy to copy instead: the
application object's ID, which fails with "Principals of type Application
cannot validly be used in role assignments", and the application (client) ID,
which is not an object ID at all.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

This rule needs a directory export of the managing tenant (--principals) and
says nothing without one. It checks the principals of authorizations,
eligible authorizations and approvers, and names the service principal's
object ID when the export has it.

Fix: use the service principal's object ID (az ad sp show --id <appId>
--query id). lhlint offers the fix when the export has the service principal.`,
	Run: runApplicationObjectID,
}

func runApplicationObjectID(pass *lint.Pass) error {
	inv := pass.Principals
	for _, ref := range inventoryRefs(pass) {
		var msg string
		var sp *principals.Principal
		if p := inv.Lookup(ref.id); p != nil {
			if p.Kind != principals.Application {
				continue
			}
			msg = fmt.Sprintf("%s is the object ID of an application, which cannot be used in role assignments", ref.name(p))
			sp = servicePrincipal(inv, p.AppID)
		} else if owners := inv.ByAppID(ref.id); len(owners) > 0 {
			sp = servicePrincipal(inv, ref.id)
			app := owners[0]
			if sp != nil {
				app = sp
			}
			msg = fmt.Sprintf("%s is the application (client) ID of %q, not an object ID", ref.name(nil), app.DisplayName)
		} else {
			continue
		}
		if sp == nil {
			msg += "; use the object ID of its service principal (enterprise application)"
		} else {
			msg += fmt.Sprintf("; use its service principal's object ID %q", sp.ID)
		}
		d := lint.ValueDiagnostic(ref.value, msg)
		if sp != nil {
			pass.SuggestReplacement(&d, ref.value, model.StringValue(sp.ID, model.Span{}), "Replace with the service principal's object ID")
		}
		pass.Report(d)
	}
	return nil
}

// servicePrincipal returns the service principal of the application appID,
// nil when the inventory has none or, for want of one right answer, several.
func servicePrincipal(inv *principals.Inventory, appID string) *principals.Principal {
	var sp *principals.Principal
	for _, p := range inv.ByAppID(appID) {
		if p.Kind == principals.ServicePrincipal {
			if sp != nil {
				return nil
			}
			sp = p
		}
	}
	return sp
}
