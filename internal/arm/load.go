package arm

import (
	"strings"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/model"
)

// loader builds one deployment.
type loader struct {
	d        *model.Deployment
	steps    int
	calls    int // user-defined functions being evaluated, one inside another
	budget   *expr.Budget
	problems map[model.Span]bool
}

func (l *loader) step() bool {
	l.steps++
	return l.steps <= expr.MaxDeploymentSteps
}

// problem records a syntax problem once, however many copies meet it.
func (l *loader) problem(span model.Span, msg string) {
	if l.problems[span] {
		return
	}
	l.problems[span] = true
	l.d.Problems = append(l.d.Problems, model.Problem{Span: span, Message: msg})
}

// Load builds the deployment of template deployed with params. Either may be
// nil: a template alone is deployed with its defaults; a parameters file
// alone has its onboarding values checked on their own.
func Load(template, params *File) *model.Deployment {
	var d *model.Deployment
	if template == nil {
		d = &model.Deployment{Syntax: syntax{}}
		if params != nil {
			params.Given().AddTo(d)
			if !params.Malformed {
				loadParametersAlone(d, params)
			}
		}
	} else {
		var g *frontend.Given
		if params != nil {
			given := params.Given()
			g = &given
		}
		d = loadTemplate(template, g)
	}
	return d
}

// loadTemplate builds the deployment of template deployed with the
// parameters file params gives, nil for none.
func loadTemplate(template *File, params *frontend.Given) *model.Deployment {
	d := &model.Deployment{Syntax: syntax{template}}
	l := &loader{d: d, budget: expr.NewBudget(expr.MaxDeploymentWork), problems: map[model.Span]bool{}}
	if params != nil {
		params.AddTo(d)
	}
	d.Template = template.Name
	d.Problems = append(d.Problems, template.Problems...)
	d.Duplicates = append(d.Duplicates, template.Duplicates...)
	d.Suppressions = append(d.Suppressions, template.Suppressions...)
	if template.Malformed {
		return d
	}
	var values map[string]given
	if params != nil {
		d.ParameterValues = params.Values
		values = byName(params.Values)
	}
	root := template.Root()
	d.Envelopes = append(d.Envelopes, model.Envelope{Kind: model.TemplateEnvelope, Root: root, Expression: expr.IsExpression})
	d.TargetScope = schemaScope(root.Get("$schema"))
	e := l.newEnv(template, root, values, newContext(d.TargetScope))
	e.top = true
	d.Parameters = e.parameters()
	l.resources(e, root.Get("resources"), d.TargetScope, nil, 0)
	return d
}

// Given returns the values the parameters file sets, with its findings.
func (f *File) Given() frontend.Given {
	g := frontend.Given{Name: f.Name, Malformed: f.Malformed, Problems: f.Problems, Duplicates: f.Duplicates, Suppressions: f.Suppressions}
	if !f.Malformed {
		g.Values = parameterValues(f.Root())
		if f.kind() == frontend.Parameters {
			// Parameter values are never expressions: the file is as ARM reads it.
			g.Envelopes = []model.Envelope{{Kind: model.ParametersEnvelope, Root: f.Root()}}
		}
	}
	return g
}

// parameterValues reads the values a parameters file sets. They are
// literals: ARM does not evaluate expressions in parameter values.
func parameterValues(root model.Value) []model.ParameterValue {
	var values []model.ParameterValue
	for _, m := range root.Get("parameters").Members() {
		v := m.Value.Get("value")
		if ref := m.Value.Get("reference"); !ref.IsMissing() {
			v = model.UnknownValue("the value is read from Key Vault at deployment time", ref.Span)
		}
		values = append(values, model.ParameterValue{Name: m.Key, Span: m.KeySpan, Value: v})
	}
	return values
}

// byName indexes parameter values by their lower-case names, as ARM
// matches them.
func byName(values []model.ParameterValue) map[string]given {
	out := make(map[string]given, len(values))
	for _, v := range values {
		out[strings.ToLower(v.Name)] = given{value: v.Value, key: v.Span}
	}
	return out
}

// schemaScope reads the deployment scope from a template's $schema.
func schemaScope(schema model.Value) model.Scope {
	s := strings.ToLower(schema.Text())
	kind := model.ScopeUnknown
	switch {
	case strings.Contains(s, "subscriptiondeploymenttemplate"):
		kind = model.ScopeSubscription
	case strings.Contains(s, "managementgroupdeploymenttemplate"):
		kind = model.ScopeManagementGroup
	case strings.Contains(s, "tenantdeploymenttemplate"):
		kind = model.ScopeTenant
	case strings.Contains(s, "deploymenttemplate"):
		kind = model.ScopeResourceGroup
	}
	scope := model.Scope{Kind: kind, Span: schema.Span}
	if kind == model.ScopeSubscription || kind == model.ScopeResourceGroup {
		// The subscription being deployed to, so that scopes in it compare.
		scope.Subscription = model.SymbolicString("{subscription().subscriptionId}", schema.Span)
	}
	return scope
}

// newContext returns the deployment context of a scope.
func newContext(s model.Scope) *expr.Context {
	return expr.NewContext(s.Kind, s.Subscription, s.ResourceGroup)
}

// resources walks a resources array (or, in languageVersion 2.0, an object
// keyed by symbolic name) and builds every registration resource in it.
func (l *loader) resources(e *env, list model.Value, scope model.Scope, nested *model.NestedDeployment, depth int) {
	if list.Kind() == model.Object {
		for _, m := range list.Members() {
			l.resource(e, m.Value, m.Key, scope, nested, depth)
		}
		return
	}
	for _, r := range list.Items() {
		l.resource(e, r, "", scope, nested, depth)
	}
}

// resource builds each instance of one resource declaration: one, or one
// per iteration of its copy loop.
func (l *loader) resource(e *env, r model.Value, symbol string, scope model.Scope, nested *model.NestedDeployment, depth int) {
	if r.Kind() != model.Object {
		return
	}
	if existing, _ := r.Get("existing").Bool(); existing {
		return
	}
	typ := e.eval(r.Get("type"))
	var build func(model.Resource)
	switch {
	case strings.EqualFold(typ.Text(), model.TypeDefinition):
		build = func(res model.Resource) { l.definition(e, r, res) }
	case strings.EqualFold(typ.Text(), model.TypeAssignment):
		build = func(res model.Resource) { l.assignment(e, r, res) }
	case strings.EqualFold(typ.Text(), model.TypeDeployment):
		build = func(res model.Resource) { l.nested(e, r, res, depth) }
	case strings.EqualFold(typ.Text(), typePolicyDefinition):
		build = func(res model.Resource) { l.policy(e, r, res, depth) }
	default:
		return
	}
	instance := func(c *model.Copy) {
		cond := model.MissingAt(r.Span)
		if m, ok := r.Key("condition"); ok {
			cond = e.eval(m.Value)
			if b, ok := cond.Bool(); ok && !b {
				cond = e.unlessDefaults(cond, m.Value)
			}
			if b, ok := cond.Bool(); ok && !b {
				return // not deployed
			}
		}
		build(model.Resource{
			Span:       r.Span,
			Type:       typ,
			APIVersion: e.eval(r.Get("apiVersion")),
			Name:       e.eval(r.Get("name")),
			Symbol:     symbol,
			Scope:      l.resourceScope(e, r, scope),
			DependsOn:  e.eval(r.Get("dependsOn")).Items(),
			Condition:  cond,
			Copy:       c,
			Deployment: nested,
		})
	}
	block, ok := r.Key("copy")
	if !ok {
		instance(nil)
		return
	}
	name := block.Value.Get("name").Text()
	count := e.eval(block.Value.Get("count"))
	n, known := count.Int()
	if !known {
		// One instance stands for all; copyIndex() is unknown in it.
		e.loops = append(e.loops, loop{name: name})
		instance(&model.Copy{Name: name, Span: block.Value.Span, Count: count, Index: -1})
		e.loops = e.loops[:len(e.loops)-1]
		return
	}
	for i := range int(min(max(n, 0), model.MaxCopies)) {
		e.loops = append(e.loops, loop{name: name, index: i, known: true})
		instance(&model.Copy{Name: name, Span: block.Value.Span, Count: count, Index: i})
		e.loops = e.loops[:len(e.loops)-1]
	}
}

// resourceScope returns where a resource deploys: where its template
// deploys, unless an extension resource names its own scope.
func (l *loader) resourceScope(e *env, r model.Value, scope model.Scope) model.Scope {
	m, ok := r.Key("scope")
	if !ok {
		return scope
	}
	return scopeOfID(e.eval(m.Value), m.Value.Span, scope)
}

// scopeOfID reads a scope from a resource ID such as "/subscriptions/x" or
// "Microsoft.Management/managementGroups/y". The scope's span is where the
// template names it.
func scopeOfID(id model.Value, at model.Span, outer model.Scope) model.Scope {
	s := model.Scope{Span: at, Subscription: outer.Subscription}
	if id.Kind() != model.String {
		return s
	}
	parts := strings.Split(strings.Trim(id.Text(), "/"), "/")
	switch {
	case len(parts) == 1 && parts[0] == "":
		s.Kind = model.ScopeTenant
	case len(parts) >= 2 && strings.EqualFold(parts[len(parts)-2], "managementGroups"):
		s.Kind = model.ScopeManagementGroup
		s.ManagementGroup = model.StringValue(parts[len(parts)-1], id.Span).WithSymbolic(id.IsSymbolic())
	case len(parts) == 2 && strings.EqualFold(parts[0], "subscriptions"):
		s.Kind = model.ScopeSubscription
		s.Subscription = model.StringValue(parts[1], id.Span).WithSymbolic(id.IsSymbolic())
	case len(parts) == 4 && strings.EqualFold(parts[0], "subscriptions") && strings.EqualFold(parts[2], "resourceGroups"):
		s.Kind = model.ScopeResourceGroup
		s.Subscription = model.StringValue(parts[1], id.Span).WithSymbolic(id.IsSymbolic())
		s.ResourceGroup = model.StringValue(parts[3], id.Span).WithSymbolic(id.IsSymbolic())
	}
	return s
}

// nestedScope returns where a nested deployment deploys its template: the
// resource group or subscription it names, or the scope of its parent.
func (l *loader) nestedScope(e *env, r model.Value, outer model.Scope) model.Scope {
	rg, hasRG := r.Key("resourceGroup")
	sub, hasSub := r.Key("subscriptionId")
	switch {
	case hasRG:
		s := model.Scope{Kind: model.ScopeResourceGroup, Span: rg.Value.Span, Subscription: outer.Subscription, ResourceGroup: e.eval(rg.Value)}
		if hasSub {
			s.Subscription = e.eval(sub.Value)
		}
		return s
	case hasSub:
		return model.Scope{Kind: model.ScopeSubscription, Span: sub.Value.Span, Subscription: e.eval(sub.Value)}
	}
	return l.resourceScope(e, r, outer)
}

// nested follows a nested deployment with an inline template. With the
// default outer evaluation scope its expressions see the parent's
// parameters, variables and context; with inner scope, their own.
func (l *loader) nested(e *env, r model.Value, res model.Resource, depth int) {
	props := r.Get("properties")
	body := props.Get("template")
	if body.Kind() != model.Object || depth >= maxNesting {
		return
	}
	target := l.nestedScope(e, r, res.Scope)
	res.Scope = target
	nd := &model.NestedDeployment{Resource: res}
	nd.Inner = strings.EqualFold(e.eval(props.Get("expressionEvaluationOptions").Get("scope")).Text(), "inner")
	inner := e
	if nd.Inner {
		values := map[string]given{}
		for _, m := range props.Get("parameters").Members() {
			values[strings.ToLower(m.Key)] = given{value: e.eval(m.Value.Get("value")), key: m.KeySpan}
		}
		inner = l.newEnv(e.file, body, values, newContext(target))
	}
	before := len(l.d.Definitions) + len(l.d.Assignments)
	l.resources(inner, body.Get("resources"), target, nd, depth+1)
	if len(l.d.Definitions)+len(l.d.Assignments) > before {
		l.d.Deployments = append(l.d.Deployments, nd)
	}
}
