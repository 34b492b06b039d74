package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// UnresolvedValue reports values the rules need that lhlint cannot know
// before deployment.
var UnresolvedValue = &lint.Rule{
	Name:     "unresolved_value",
	Title:    "Value cannot be known before deployment",
	Severity: lint.Note,
	Doc: `Some values of an onboarding template are only known when Azure deploys
it: a parameter read from Key Vault with a reference, a parameter that has
no default and that no parameters file sets, the result of reference() or
list*() functions, a policy parameter that its assignment sets, what a
Bicep module from a registry or a template spec deploys (lhlint never
uses the network to fetch it). lhlint
checks nothing about such a value, and says nothing about it either: no
rule guesses. This rule lists them, once per value, so that a reviewer
knows what was not checked. It is off unless --verbose is given or
.lhlint.json sets its level.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#reference.

Fix: nothing is wrong. To have the value checked, give it in a
parameters file, or lint with the parameters file the pipeline deploys with
(--parameters).`,
	Run: runUnresolvedValue,
}

func runUnresolvedValue(pass *lint.Pass) error {
	said := map[string]bool{} // one finding per cause, as one parameter with no value
	report := func(what string, v model.Value) {
		if v.IsUnknown() && !said[v.Reason()] {
			said[v.Reason()] = true
			pass.ReportValuef(v, "%s is not known before deployment (%s)", what, v.Reason())
		}
	}
	for _, def := range pass.Template.Definitions {
		report("registration definition name", def.Name)
		report("managedByTenantId", def.ManagedByTenantID)
		report("authorizations", def.AuthorizationsValue)
		report("eligibleAuthorizations", def.EligibleValue)
		for _, a := range def.Authorizations {
			report("principalId", a.PrincipalID)
			report("roleDefinitionId", a.RoleDefinitionID)
			report("delegatedRoleDefinitionIds", a.DelegatedValue)
			for _, id := range a.DelegatedRoleDefinitionIDs {
				report("delegated role", id)
			}
		}
		for _, e := range def.EligibleAuthorizations {
			report("principalId", e.PrincipalID)
			report("roleDefinitionId", e.RoleDefinitionID)
			if p := e.JITPolicy; p != nil {
				report("multiFactorAuthProvider", p.MFAProvider)
				report("maximumActivationDuration", p.MaximumActivationDuration)
				for _, a := range p.Approvers {
					report("approver principalId", a.PrincipalID)
				}
			}
		}
	}
	for _, v := range pass.Template.Unread {
		report("what the module deploys", v)
	}
	for _, a := range pass.Template.Assignments {
		report("registration assignment name", a.Name)
		report("registrationDefinitionId", a.RegistrationDefinitionID)
	}
	return nil
}
