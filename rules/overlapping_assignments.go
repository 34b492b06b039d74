package rules

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// OverlappingAssignments reports one definition assigned twice at one
// scope, or at a subscription and at a resource group in it.
var OverlappingAssignments = &lint.Rule{
	Name:     "overlapping_assignments",
	Title:    "Definition assigned twice to overlapping scopes",
	Severity: lint.Error,
	Doc: `Azure allows one registration assignment of a definition per scope, and a
subscription that is delegated cannot have its resource groups delegated by
the same definition too: "Another registration assignment present at this
scope … Multiple registration assignments are not allowed." The same
assignment (one name, one scope) deployed twice, as a nested deployment or
module looped to test redeployment does, is one assignment that Azure
updates, and is not reported. Nor are two assignments deployed under
conditions lhlint cannot evaluate, unless under the same ones: such as
if (empty(rg)) and if (!empty(rg)), they may never be deployed together.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: assign the definition either to the subscription or to its resource
groups, once each.`,
	Run: runOverlappingAssignments,
}

func runOverlappingAssignments(pass *lint.Pass) error {
	byDefinition := map[string][]*model.Assignment{}
	var order []string
	for _, a := range pass.Template.Assignments {
		name, ok := model.DefinitionName(a.RegistrationDefinitionID.Text())
		if !ok || a.RegistrationDefinitionID.Kind() != model.String || !a.Scope.Subscription.IsKnown() {
			continue
		}
		name = strings.ToLower(name)
		if _, seen := byDefinition[name]; !seen {
			order = append(order, name)
		}
		byDefinition[name] = append(byDefinition[name], a)
	}
	for _, name := range order {
		as := byDefinition[name]
		for i, a := range as {
			for _, prev := range as[:i] {
				if why := overlap(prev.Scope, a.Scope); why != "" && !sameResource(prev, a) && sameConditions(prev, a) {
					d := lint.ValueDiagnostic(a.Type, "registration assignment "+why+" of another assignment of the same definition; Azure allows one")
					d.Related = append(d.Related, analysis.RelatedInformation{Pos: prev.Type.Pos(), End: prev.Type.End(), Message: "the other assignment"})
					pass.Report(d)
					break
				}
			}
		}
	}
	return nil
}

// sameResource reports whether two assignments of overlapping scopes are
// one resource deployed twice: the same name at the same kind of scope, so
// at the same scope, as a module deployed in a loop to test redeployment
// creates it. Azure updates the assignment the second time; there is
// still one.
func sameResource(a, b *model.Assignment) bool {
	// A name with placeholders, such as guid() of subscription().subscriptionId,
	// is the same name when it is written the same: the scopes are the same.
	return a.Name.Kind() == model.String && b.Name.Kind() == model.String &&
		strings.EqualFold(a.Name.Text(), b.Name.Text()) && a.Scope.Kind == b.Scope.Kind
}

// sameConditions reports whether a and b are deployed under the same
// conditions that are not known to be true, the same expressions as
// written, so that both are deployed or neither is. Different open
// conditions may exclude each other.
func sameConditions(a, b *model.Assignment) bool {
	ca, cb := a.OpenConditions(), b.OpenConditions()
	return slices.EqualFunc(ca, cb, func(x, y model.Value) bool { return x.Span == y.Span })
}

// overlap says how two assignment scopes overlap, or "" when they do not
// or cannot be told apart.
func overlap(a, b model.Scope) string {
	if !strings.EqualFold(a.Subscription.Text(), b.Subscription.Text()) {
		return ""
	}
	switch {
	case a.Kind == model.ScopeSubscription && b.Kind == model.ScopeSubscription:
		return "repeats the subscription scope"
	case a.Kind == model.ScopeResourceGroup && b.Kind == model.ScopeResourceGroup:
		if a.ResourceGroup.Kind() == model.String && strings.EqualFold(a.ResourceGroup.Text(), b.ResourceGroup.Text()) {
			return "repeats the resource group scope"
		}
	case a.Kind == model.ScopeSubscription && b.Kind == model.ScopeResourceGroup,
		a.Kind == model.ScopeResourceGroup && b.Kind == model.ScopeSubscription:
		return "overlaps the subscription scope"
	}
	return ""
}
