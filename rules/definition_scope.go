package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// DefinitionScope reports registration definitions deployed anywhere but at
// subscription scope.
var DefinitionScope = &lint.Rule{
	Name:     "definition_scope",
	Title:    "Registration definition outside subscription scope",
	Severity: lint.Error,
	Doc: `Azure creates registration definitions only at subscription scope. A
definition in a resource-group template, a management-group or tenant
template, or a nested deployment into a resource group fails with
InvalidRegistrationDefinitionUri: "The registration definition request scope
'/subscriptions/…/resourcegroups/…' should be '/subscriptions/<subscriptionId>'".
So does the deployment of a policy's deployIfNotExists effect without
"deploymentScope": "Subscription", which deploys into a resource group.
See https://learn.microsoft.com/azure/lighthouse/concepts/architecture.

Fix: deploy the template at subscription scope (az deployment sub create;
in ARM JSON, the subscriptionDeploymentTemplate $schema) and keep
the definition out of nested resource-group deployments; only the
assignment goes into each resource group. In a deployIfNotExists policy, set
deploymentScope to Subscription.`,
	Run: runDefinitionScope,
}

func runDefinitionScope(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		k := def.Scope.Kind
		switch {
		case k == model.ScopeSubscription || k == model.ScopeUnknown:
		case def.Deployment != nil && def.Deployment.Policy:
			pass.ReportRangef(scopeSpan(def.Scope, def.Span),
				"the policy deploys its registration definition at %s scope; set deploymentScope to Subscription", k)
		default:
			pass.ReportRangef(scopeSpan(def.Scope, def.Span),
				"registration definition is deployed at %s scope; Azure creates registration definitions only at subscription scope", k)
		}
	}
	return nil
}

// scopeSpan returns what decided a scope, or the resource when nothing did.
func scopeSpan(s model.Scope, resource model.Span) model.Span {
	if s.IsValid() {
		return s.Span
	}
	return resource
}
