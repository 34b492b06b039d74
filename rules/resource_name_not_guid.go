package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// ResourceNameNotGUID reports registration resources whose name is not a GUID.
var ResourceNameNotGUID = &lint.Rule{
	Name:     "resource_name_not_guid",
	Title:    "Registration resource name is not a GUID",
	Severity: lint.Error,
	Doc: `The name of a registration definition or assignment is its ID: the REST API
calls it "the GUID of the registration definition" and "the GUID of the
registration assignment". A name such as "contoso-managed-services" is not a
valid resource name for these types.
See https://learn.microsoft.com/azure/templates/microsoft.managedservices/registrationdefinitions.

Fix: name the resource with guid(), seeded with values that identify the
offer and the scope, for example guid() of the managedByTenantId and
mspOfferName parameters.`,
	Run: runResourceNameNotGUID,
}

func runResourceNameNotGUID(pass *lint.Pass) error {
	for _, r := range registrations(pass.Template) {
		if name, ok := r.Name.Str(); ok && !roles.IsGUID(name) {
			pass.ReportValuef(r.Name, "%s name %q is not a GUID", r.what, name)
		}
	}
	return nil
}
