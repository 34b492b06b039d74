package expr

import (
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// NewContext returns the deployment context of a template deployed at
// scope. sub and rg are the subscription ID and resource group name when a
// nested deployment names them; otherwise (Missing) they are symbolic.
func NewContext(scope model.ScopeKind, sub, rg model.Value) *Context {
	x := &Context{Scope: scope}
	subID := sub
	if subID.Kind() != model.String {
		subID = model.SymbolicString("{subscription().subscriptionId}", model.Span{})
	}
	tenantID := model.SymbolicString("{subscription().tenantId}", model.Span{})
	x.Tenant = symbolicObject(model.Member{Key: "tenantId", Value: model.SymbolicString("{tenant().tenantId}", model.Span{})},
		model.Member{Key: "displayName", Value: model.SymbolicString("{tenant().displayName}", model.Span{})})
	x.Deployment = symbolicObject(model.Member{Key: "name", Value: model.SymbolicString("{deployment().name}", model.Span{})})
	x.Environment = symbolicObject(model.Member{Key: "name", Value: model.SymbolicString("{environment().name}", model.Span{})})
	if scope == model.ScopeSubscription || scope == model.ScopeResourceGroup || scope == model.ScopeUnknown {
		x.Subscription = symbolicObject(
			model.Member{Key: "id", Value: joinID(model.Span{}, "/subscriptions/", subID)},
			model.Member{Key: "subscriptionId", Value: subID},
			model.Member{Key: "tenantId", Value: tenantID},
			model.Member{Key: "displayName", Value: model.SymbolicString("{subscription().displayName}", model.Span{})},
		)
	}
	if scope == model.ScopeResourceGroup || scope == model.ScopeUnknown {
		name := rg
		if name.Kind() != model.String {
			name = model.SymbolicString("{resourceGroup().name}", model.Span{})
		}
		x.ResourceGroup = symbolicObject(
			model.Member{Key: "id", Value: joinID(model.Span{}, "/subscriptions/", subID, "/resourceGroups/", name)},
			model.Member{Key: "name", Value: name},
			model.Member{Key: "location", Value: model.SymbolicString("{resourceGroup().location}", model.Span{})},
		)
	}
	if scope == model.ScopeManagementGroup {
		x.ManagementGroup = symbolicObject(
			model.Member{Key: "id", Value: model.SymbolicString("/providers/Microsoft.Management/managementGroups/{managementGroup().name}", model.Span{})},
			model.Member{Key: "name", Value: model.SymbolicString("{managementGroup().name}", model.Span{})},
		)
	}
	return x
}

func symbolicObject(members ...model.Member) model.Value {
	return model.ObjectValue(members, model.Span{})
}

// joinID concatenates literal text and string values into an ID, symbolic
// when any part is.
func joinID(span model.Span, parts ...any) model.Value {
	var b strings.Builder
	sym := false
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			b.WriteString(p)
		case model.Value:
			b.WriteString(p.Text())
			sym = sym || p.IsSymbolic()
		}
	}
	return model.StringValue(b.String(), span).WithSymbolic(sym)
}

func contextObject(name string, get func(*Context) model.Value) func(call) model.Value {
	return func(c call) model.Value {
		x := c.ev.env.Context()
		if len(c.args) > 0 {
			return c.unknownf("%s() of another scope is evaluated at deployment time", name)
		}
		if x == nil {
			return c.unknownf("%s() is not known here", name)
		}
		v := get(x)
		if v.IsMissing() {
			return c.unknownf("%s() is not available in a %s-scope template", name, x.Scope)
		}
		return v.WithSpan(c.span)
	}
}

// typeAndNames splits resourceId-style arguments: the resource type is the
// first argument that contains '/', the names follow it. A type written with
// a trailing slash, as real templates do, is tolerated as Azure tolerates it.
func typeAndNames(args []model.Value) (prefix []model.Value, typ string, names []model.Value, ok bool) {
	for i, a := range args {
		if a.Kind() != model.String {
			return nil, "", nil, false
		}
		if strings.Contains(a.Text(), "/") && !a.IsSymbolic() {
			typ = strings.Trim(a.Text(), "/")
			return args[:i], typ, args[i+1:], len(args[i+1:]) > 0
		}
	}
	return nil, "", nil, false
}

// providerPath returns "providers/T1/T2/n1/T3/n2…", interleaving the
// segments of the type after its namespace with the names.
func providerPath(typ string, names []model.Value) []any {
	segs := strings.Split(typ, "/")
	parts := []any{"/providers/", segs[0]}
	for i, n := range names {
		if i+1 < len(segs) {
			parts = append(parts, "/", segs[i+1])
		}
		parts = append(parts, "/", n)
	}
	return parts
}

func resourceID(c call) model.Value {
	prefix, typ, names, ok := typeAndNames(c.args)
	if !ok || len(prefix) > 2 {
		return c.unknownf("resourceId takes optional subscription and resource group, a type and names")
	}
	x := c.ev.env.Context()
	sub := x.Subscription.Get("subscriptionId")
	var rg model.Value
	switch len(prefix) {
	case 2:
		sub, rg = prefix[0], prefix[1]
	case 1:
		rg = prefix[0]
		if x.Scope == model.ScopeSubscription {
			sub, rg = prefix[0], model.Value{}
		}
	case 0:
		if x.Scope == model.ScopeResourceGroup {
			rg = x.ResourceGroup.Get("name")
		}
	}
	if len(prefix) == 0 {
		switch x.Scope {
		case model.ScopeTenant:
			return c.id(providerPath(typ, names))
		case model.ScopeManagementGroup:
			return c.id(append([]any{x.ManagementGroup.Get("id")}, providerPath(typ, names)...))
		}
	}
	parts := []any{"/subscriptions/", sub}
	if rg.Kind() == model.String {
		parts = append(parts, "/resourceGroups/", rg)
	}
	return c.id(append(parts, providerPath(typ, names)...))
}

func (c call) id(parts []any) model.Value {
	for _, p := range parts {
		if v, ok := p.(model.Value); ok && v.Kind() != model.String {
			return c.unknownf("a resource ID needs string segments")
		}
	}
	return joinID(c.span, parts...)
}

func subscriptionResourceID(c call) model.Value {
	prefix, typ, names, ok := typeAndNames(c.args)
	if !ok || len(prefix) > 1 {
		return c.unknownf("subscriptionResourceId takes an optional subscription, a type and names")
	}
	sub := c.ev.env.Context().Subscription.Get("subscriptionId")
	if len(prefix) == 1 {
		sub = prefix[0]
	}
	return c.id(append([]any{"/subscriptions/", sub}, providerPath(typ, names)...))
}

func tenantResourceID(c call) model.Value {
	prefix, typ, names, ok := typeAndNames(c.args)
	if !ok || len(prefix) > 0 {
		return c.unknownf("tenantResourceId takes a type and names")
	}
	return c.id(providerPath(typ, names))
}

func extensionResourceID(c call) model.Value {
	base := c.args[0]
	if base.Kind() != model.String {
		return c.unknownf("extensionResourceId takes a resource ID first")
	}
	_, typ, names, ok := typeAndNames(c.args[1:])
	if !ok {
		return c.unknownf("extensionResourceId takes a resource ID, a type and names")
	}
	return c.id(append([]any{base}, providerPath(typ, names)...))
}
