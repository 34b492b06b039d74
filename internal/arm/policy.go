package arm

import (
	"fmt"
	"strings"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
)

const typePolicyDefinition = "Microsoft.Authorization/policyDefinitions"

// policy follows the deployment of a policy definition's deployIfNotExists
// effect, the way the management-group onboarding pattern delegates every
// subscription. Three evaluations are stacked: the template's, when the
// policy definition is created; the policy's, when the policy deploys, with
// its own parameters; and the deployment's, with the template's parameters.
// Each removes one [ from [[-escaped strings.
func (l *loader) policy(e *env, r model.Value, res model.Resource, depth int) {
	if depth >= maxNesting {
		return
	}
	// The policy as Azure stores it: the template's expressions evaluated.
	l.storedPolicy(e.file, e.stored(r.Get("properties")), res, e.ctx, depth)
}

// storedPolicy follows the deployment of the policy definition res, whose
// properties are props as Azure stores them, created in the context ctx;
// file parses the expressions written in props.
func (l *loader) storedPolicy(file exprSource, props model.Value, res model.Resource, ctx *expr.Context, depth int) {
	details := props.Get("policyRule").Get("then").Get("details")
	deployment := details.Get("deployment")
	body := deployment.Get("properties").Get("template")
	if body.Kind() != model.Object {
		return
	}
	// The policy's parameters take the values of its assignment, which is
	// not in the template; lhlint uses their defaults, evaluated already.
	defaults := map[string]given{}
	for _, m := range props.Get("parameters").Members() {
		value := model.UnknownValue(fmt.Sprintf("policy parameter %q is set by the policy assignment", m.Key), m.KeySpan)
		if d, ok := m.Value.Key("defaultValue"); ok {
			value = d.Value
		}
		defaults[strings.ToLower(m.Key)] = given{value: value, key: m.KeySpan}
	}
	policy := l.newEnv(file, props, defaults, ctx)
	values := map[string]given{}
	for _, m := range deployment.Get("properties").Get("parameters").Members() {
		values[strings.ToLower(m.Key)] = given{value: policy.eval(m.Value.Get("value")), key: m.KeySpan}
	}
	target := policyScope(details, deployment)
	res.Scope = target
	nd := &model.NestedDeployment{Resource: res, Inner: true, Policy: true}
	inner := l.newEnv(file, body, values, newContext(target))
	before := len(l.d.Definitions) + len(l.d.Assignments)
	l.resources(inner, body.Get("resources"), target, nd, depth+1)
	if len(l.d.Definitions)+len(l.d.Assignments) > before {
		l.d.Deployments = append(l.d.Deployments, nd)
	}
}

// policyScope returns where a deployIfNotExists deployment goes: the
// subscription being evaluated when deploymentScope is Subscription, else
// a resource group of it.
func policyScope(details, deployment model.Value) model.Scope {
	subscription := model.SymbolicString("{subscription().subscriptionId}", deployment.Span)
	if m, ok := details.Key("deploymentScope"); ok && strings.EqualFold(m.Value.Text(), "subscription") {
		return model.Scope{Kind: model.ScopeSubscription, Span: m.Value.Span, Subscription: subscription}
	}
	return model.Scope{
		Kind:          model.ScopeResourceGroup,
		Span:          deployment.Span,
		Subscription:  subscription,
		ResourceGroup: model.SymbolicString("{resourceGroup().name}", deployment.Span),
	}
}

// stored evaluates what a template writes into a resource whose own
// content is evaluated again later, as a policy definition is: expressions
// are evaluated now, and [[-escaped strings lose one [ and stay literal for
// the next evaluation, still spanned where they are written.
func (e *env) stored(v model.Value) model.Value {
	if !e.l.step() {
		return model.UnknownValue("the template is too large for lhlint to evaluate", v.Span)
	}
	switch v.Kind() {
	case model.String:
		s := v.Text()
		switch {
		case !v.IsLiteral():
			return v
		case strings.HasPrefix(s, "[["):
			span := v.Span
			span.StartPos++ // the first [ is gone: what is left reads as a literal from there
			return model.LiteralString(s[1:], span)
		case strings.HasPrefix(s, "["):
			return e.eval(v)
		}
		return v
	case model.Array:
		items := make([]model.Value, 0, v.Len())
		for _, it := range v.Items() {
			items = append(items, e.stored(it))
		}
		return model.ArrayValue(items, v.Span)
	case model.Object:
		members := make(model.Members, 0, v.Len())
		for _, m := range v.Members() {
			members = append(members, model.Member{Key: m.Key, KeySpan: m.KeySpan, Value: e.stored(m.Value)})
		}
		return model.ObjectValue(members, v.Span)
	}
	return v
}
