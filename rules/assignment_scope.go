package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// AssignmentScope reports registration assignments at management-group or
// tenant scope.
var AssignmentScope = &lint.Rule{
	Name:     "assignment_scope",
	Title:    "Registration assignment above subscription scope",
	Severity: lint.Error,
	Doc: `Azure Lighthouse delegates subscriptions and resource groups only. A
registration assignment in a management-group or tenant template cannot be
created: management groups cannot be delegated.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-management-group.

Fix: deploy the assignment at subscription scope, or into each resource
group through a nested deployment. To onboard every subscription of a
management group, use the Azure Policy deployIfNotExists pattern, which
deploys one subscription-scope onboarding per subscription.`,
	Run: runAssignmentScope,
}

func runAssignmentScope(pass *lint.Pass) error {
	for _, a := range pass.Template.Assignments {
		if k := a.Scope.Kind; k == model.ScopeManagementGroup || k == model.ScopeTenant {
			pass.ReportRangef(scopeSpan(a.Scope, a.Span),
				"registration assignment is deployed at %s scope; Azure Lighthouse delegates only subscriptions and resource groups", k)
		}
	}
	return nil
}
