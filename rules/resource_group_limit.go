package rules

import (
	"cmp"
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// resourceGroupLimit is ARM's limit on resource groups in one
// subscription-level deployment.
const resourceGroupLimit = 800

// ResourceGroupLimit reports deployments that delegate more resource
// groups than one subscription deployment can reach.
var ResourceGroupLimit = &lint.Rule{
	Name:     "resource_group_limit",
	Title:    "Too many resource groups in one deployment",
	Severity: lint.Error,
	Doc: `A subscription-level deployment can deploy to at most 800 resource groups.
A multi-resource-group onboarding with more fails; so does a copy loop with a
count over 800. The limit is ARM's; "limits": {"resourceGroups": N} in
.lhlint.json sets a lower one, for a team that wants smaller deployments.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/deploy-to-subscription.

Fix: split the resource groups over several deployments, or delegate the
whole subscription.`,
	Run: runResourceGroupLimit,
}

func runResourceGroupLimit(pass *lint.Pass) error {
	groups := map[string]bool{}
	var most int64
	var at model.Span
	for _, a := range pass.Template.Assignments {
		if a.Scope.Kind != model.ScopeResourceGroup {
			continue
		}
		if rg, ok := a.Scope.ResourceGroup.Str(); ok {
			groups[strings.ToLower(rg)] = true
		}
		for nd := a.Deployment; nd != nil; nd = nd.Deployment {
			if nd.Copy == nil {
				continue
			}
			if n, ok := nd.Copy.Count.Int(); ok && n > most {
				most, at = n, nd.Copy.Count.Span
			}
		}
	}
	limit := int64(cmp.Or(pass.Limits.ResourceGroups, resourceGroupLimit))
	if n := max(int64(len(groups)), most); n > limit {
		if !at.IsValid() && len(pass.Template.Assignments) > 0 {
			at = pass.Template.Assignments[len(pass.Template.Assignments)-1].Type.Span
		}
		if limit == resourceGroupLimit {
			pass.ReportRangef(at, "the deployment delegates %d resource groups; one subscription deployment reaches at most %d", n, limit)
		} else {
			pass.ReportRangef(at, "the deployment delegates %d resource groups, more than the configured limit of %d", n, limit)
		}
	}
	return nil
}
