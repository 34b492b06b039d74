package rules

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// InconsistentJITPolicy reports eligible authorizations of one role whose
// just-in-time policies differ.
var InconsistentJITPolicy = &lint.Rule{
	Name:     "inconsistent_jit_policy",
	Title:    "Eligible authorizations of one role differ in policy",
	Severity: lint.Error,
	Doc: `Within one registration definition, every eligible authorization for the
same roleDefinitionId must have an identical justInTimeAccessPolicy: the same
multi-factor authentication provider, maximum duration and approvers.
Policies that differ only in a value lhlint cannot know before deployment
are not reported.
See https://learn.microsoft.com/azure/lighthouse/how-to/create-eligible-authorizations.

Fix: give the eligible authorizations of a role the same policy, or grant
one of them a different role.`,
	Run: runInconsistentJITPolicy,
}

func runInconsistentJITPolicy(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		first := map[string]*model.EligibleAuthorization{} // by lower-case role GUID
		for _, e := range def.EligibleAuthorizations {
			role, ok := knownID(e.RoleDefinitionID)
			if !ok || e.JITPolicy == nil || !e.JITPolicy.Object.IsKnown() {
				continue
			}
			role = strings.ToLower(role)
			prev, seen := first[role]
			if !seen {
				first[role] = e
				continue
			}
			if model.Differ(prev.JITPolicy.Object, e.JITPolicy.Object) {
				d := lint.ValueDiagnostic(e.JITPolicy.Object, "")
				d.Message = "eligible authorization for " + quote(e.DisplayName()) + " has a different justInTimeAccessPolicy from " +
					quote(prev.DisplayName()) + ", which has the same role"
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: prev.JITPolicy.Pos(), End: prev.JITPolicy.End(), Message: "the first policy for this role"})
				pass.Report(d)
			}
		}
	}
	return nil
}
