package rules

import (
	"iter"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
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
	for v := range principalIDs(pass.Template) {
		if s, ok, guid := knownGUID(v); ok && !guid {
			pass.ReportValuef(v, "principalId %q is not a GUID", s)
		}
	}
	return nil
}

// principalIDs yields every principalId of authorizations, eligible
// authorizations and approvers.
func principalIDs(d *model.Deployment) iter.Seq[model.Value] {
	return func(yield func(model.Value) bool) {
		for _, a := range d.AllAuthorizations() {
			if !yield(a.PrincipalID) {
				return
			}
		}
		for _, e := range d.AllEligibleAuthorizations() {
			if !yield(e.PrincipalID) {
				return
			}
			if e.JITPolicy == nil {
				continue
			}
			for _, ap := range e.JITPolicy.Approvers {
				if !yield(ap.PrincipalID) {
					return
				}
			}
		}
	}
}
