package rules

import "github.com/lhlint/lhlint/internal/lint"

// maxApprovers is the documented number of managedByTenantApprovers per
// eligible authorization.
const maxApprovers = 10

// TooManyApprovers reports just-in-time policies with more than ten approvers.
var TooManyApprovers = &lint.Rule{
	Name:     "too_many_approvers",
	Title:    "More than ten approvers",
	Severity: lint.Error,
	Doc: `An eligible authorization's just-in-time policy may name up to 10 users or
groups in managedByTenantApprovers (the documentation and Partner Center both
state the limit).
See https://learn.microsoft.com/azure/lighthouse/how-to/create-eligible-authorizations.

Fix: approve through a group: put the approvers in one security group and
name the group.`,
	Run: runTooManyApprovers,
}

func runTooManyApprovers(pass *lint.Pass) error {
	for _, e := range pass.Template.AllEligibleAuthorizations() {
		if e.JITPolicy != nil && len(e.JITPolicy.Approvers) > maxApprovers {
			pass.ReportRangef(e.JITPolicy.ApproversValue, "eligible authorization for %q has %d approvers; at most %d are allowed",
				e.DisplayName(), len(e.JITPolicy.Approvers), maxApprovers)
		}
	}
	return nil
}
