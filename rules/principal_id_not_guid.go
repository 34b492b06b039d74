package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// PrincipalIDNotGUID reports principal IDs that are not GUIDs.
var PrincipalIDNotGUID = &lint.Rule{
	Name:     "principal_id_not_guid",
	Title:    "Principal ID is not a GUID",
	Severity: lint.Error,
	Doc: `principalId is the object ID of a user, group or service principal in the
managing tenant: a GUID. Anything else fails with "The PrincipalId '…' must be
a valid Guid"; a documentation example once had the invalid 3kl47fff-… this
way. This covers authorizations, eligible authorizations and approvers.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: copy the object ID from Microsoft Entra ID (for a service principal, the
enterprise application's object ID).`,
	Run: runPrincipalIDNotGUID,
}

func runPrincipalIDNotGUID(pass *lint.Pass) error {
	for _, v := range principalIDs(pass.Template) {
		if s, ok := knownID(v); ok && !roles.IsGUID(s) {
			pass.ReportValuef(v, "principalId %q is not a GUID", s)
		}
	}
	return nil
}

// principalIDs returns every principalId of authorizations, eligible
// authorizations and approvers.
func principalIDs(d *model.Deployment) []model.Value {
	var ids []model.Value
	for _, a := range d.AllAuthorizations() {
		ids = append(ids, a.PrincipalID)
	}
	for _, e := range d.AllEligibleAuthorizations() {
		ids = append(ids, e.PrincipalID)
		if e.JITPolicy != nil {
			for _, ap := range e.JITPolicy.Approvers {
				ids = append(ids, ap.PrincipalID)
			}
		}
	}
	return ids
}
