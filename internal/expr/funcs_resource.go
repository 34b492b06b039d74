package expr

import (
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// resourcePath is a resource type and names, as the resourceId family takes
// them: "Microsoft.Network/virtualNetworks/subnets", "vnet", "subnet".
type resourcePath struct {
	types []string // namespace, then one type segment per name
	names []model.Value
}

// splitResourceArgs splits the arguments of a resourceId-style function:
// the resource type is the first argument that contains '/', as Azure
// detects it, the arguments before it are scope (subscription, resource
// group), the ones after it are names. A type written with a trailing slash,
// as real templates write "Microsoft.ManagedServices/registrationDefinitions/",
// is taken as Azure takes it.
func (c call) splitResourceArgs(args []model.Value) ([]model.Value, resourcePath, model.Value, bool) {
	for _, a := range args {
		if a.Kind() != model.String {
			return nil, resourcePath{}, c.typeError("strings", a), false
		}
	}
	for i, a := range args {
		if !strings.Contains(a.Text(), "/") {
			continue
		}
		if a.IsSymbolic() {
			return nil, resourcePath{}, c.unknownf("the resource type %s is known only at deployment time", truncate(a.Text())), false
		}
		p := resourcePath{types: strings.Split(strings.Trim(a.Text(), "/"), "/")}
		for _, t := range p.types {
			if t == "" || len(p.types) < 2 {
				return nil, resourcePath{}, c.unknownf("%s takes a resource type such as Microsoft.Storage/storageAccounts, got %q", c.f.name, a.Text()), false
			}
		}
		p.names = make([]model.Value, 0, len(args)-i-1)
		for _, n := range args[i+1:] {
			p.names = appendName(p.names, n)
		}
		if len(p.names) != len(p.types)-1 {
			return nil, resourcePath{}, c.unknownf("%s of type %s takes %s, got %d", c.f.name, strings.Join(p.types, "/"), plural(len(p.types)-1, "name"), len(args)-i-1), false
		}
		return args[:i], p, model.Value{}, true
	}
	return nil, resourcePath{}, c.unknownf("%s takes a resource type such as Microsoft.Storage/storageAccounts and names", c.f.name), false
}

// appendName appends the segments of a name written "parent/child", so
// that both resourceId(t, 'a', 'b') and resourceId(t, 'a/b') give the ID.
func appendName(names []model.Value, n model.Value) []model.Value {
	if !strings.Contains(n.Text(), "/") {
		return append(names, n)
	}
	for _, s := range strings.Split(n.Text(), "/") {
		names = append(names, model.StringValue(s, n.Span).WithSymbolic(n.IsSymbolic()))
	}
	return names
}

// idBuilder writes a resource ID, symbolic when any part is.
type idBuilder struct {
	b   strings.Builder
	sym bool
}

func (x *idBuilder) text(s string) *idBuilder {
	x.b.WriteString(s)
	return x
}

func (x *idBuilder) value(v model.Value) *idBuilder {
	x.b.WriteString(v.Text())
	x.sym = x.sym || v.IsSymbolic()
	return x
}

// providers writes "/providers/{namespace}/{type}/{name}/{type}/{name}…".
func (x *idBuilder) providers(p resourcePath) *idBuilder {
	x.text("/providers/").text(p.types[0])
	for i, n := range p.names {
		x.text("/").text(p.types[i+1]).text("/").value(n)
	}
	return x
}

func (c call) id(x *idBuilder) model.Value { return c.str(x.b.String(), x.sym) }

// scopeValue returns a string of the deployment context, or the unknown
// result saying it is not available.
func (c call) scopeValue(v model.Value, what string) (model.Value, model.Value, bool) {
	if v.Kind() == model.String {
		return v, model.Value{}, true
	}
	if v.IsUnknown() {
		return v, model.UnknownValue(v.Reason(), c.span), false
	}
	x := c.ev.env.Context()
	return v, c.unknownf("%s needs %s, which a %s-scope template does not have", c.f.name, what, strings.ReplaceAll(x.Scope.String(), " ", "-")), false
}

func (c call) context() (*Context, model.Value, bool) {
	x := c.ev.env.Context()
	if x == nil {
		return nil, c.unknownf("%s needs the deployment scope, which is not known here", c.f.name), false
	}
	return x, model.Value{}, true
}

// looksLikeSubscription reports whether the one scope argument of
// resourceId names a subscription rather than a resource group.
func looksLikeSubscription(v model.Value, x *Context) bool {
	if v.IsSymbolic() {
		return v.Text() == x.Subscription.Get("subscriptionId").Text() || strings.Contains(strings.ToLower(v.Text()), "subscriptionid")
	}
	return isGUID(v.Text())
}

// isGUID reports whether s has the 8-4-4-4-12 hexadecimal form.
func isGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := range len(s) {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return false
			}
		default:
			if !isHex(s[i]) {
				return false
			}
		}
	}
	return true
}

// resourceID returns the ID resourceId() gives, which depends on the scope
// of the template: /subscriptions/{sub}/resourceGroups/{rg}/providers/… at
// resource-group scope, /subscriptions/{sub}/providers/… at subscription
// scope, /providers/… at management-group and tenant scope. Optional leading
// arguments name another subscription and resource group.
func resourceID(c call) model.Value {
	x, bad, ok := c.context()
	if !ok {
		return bad
	}
	prefix, p, bad, ok := c.splitResourceArgs(c.args)
	if !ok {
		return bad
	}
	var sub, rg model.Value
	switch len(prefix) {
	case 0:
		switch x.Scope {
		case model.ScopeTenant, model.ScopeManagementGroup:
			return c.id(new(idBuilder).providers(p))
		case model.ScopeUnknown:
			return c.unknownf("resourceId depends on the deployment scope, which is not known here")
		}
		if sub, bad, ok = c.scopeValue(x.Subscription.Get("subscriptionId"), "a subscription"); !ok {
			return bad
		}
		if x.Scope == model.ScopeResourceGroup {
			if rg, bad, ok = c.scopeValue(x.ResourceGroup.Get("name"), "a resource group"); !ok {
				return bad
			}
		}
	case 1:
		if x.Scope == model.ScopeUnknown {
			return c.unknownf("resourceId depends on the deployment scope, which is not known here")
		}
		if x.Scope != model.ScopeResourceGroup && looksLikeSubscription(prefix[0], x) {
			sub = prefix[0]
			break
		}
		rg = prefix[0]
		if sub, bad, ok = c.scopeValue(x.Subscription.Get("subscriptionId"), "a subscription"); !ok {
			return bad
		}
	case 2:
		sub, rg = prefix[0], prefix[1]
	default:
		return c.unknownf("resourceId takes at most a subscription ID and a resource group name before the resource type, got %s", plural(len(prefix), "argument"))
	}
	var b idBuilder
	b.text("/subscriptions/").value(sub)
	if rg.Kind() == model.String {
		b.text("/resourceGroups/").value(rg)
	}
	return c.id(b.providers(p))
}

// subscriptionResourceID returns /subscriptions/{sub}/providers/…, in the
// current subscription unless one is given first.
func subscriptionResourceID(c call) model.Value {
	return c.scopedResourceID("/subscriptions/", "a subscription", "a subscription ID",
		func(x *Context) model.Value { return x.Subscription.Get("subscriptionId") })
}

// tenantResourceID returns /providers/….
func tenantResourceID(c call) model.Value {
	prefix, p, bad, ok := c.splitResourceArgs(c.args)
	if !ok {
		return bad
	}
	if len(prefix) > 0 {
		return c.unknownf("tenantResourceId takes the resource type first")
	}
	return c.id(new(idBuilder).providers(p))
}

// extensionResourceID returns {resourceId}/providers/…: an extension
// resource such as a role assignment on the resource resourceId.
func extensionResourceID(c call) model.Value {
	base := c.args[0]
	if base.Kind() != model.String {
		return c.typeError("a resource ID first", base)
	}
	prefix, p, bad, ok := c.splitResourceArgs(c.args[1:])
	if !ok {
		return bad
	}
	if len(prefix) > 0 {
		return c.unknownf("extensionResourceId takes a resource ID, then the resource type")
	}
	b := new(idBuilder).value(model.StringValue(strings.TrimRight(base.Text(), "/"), base.Span).WithSymbolic(base.IsSymbolic()))
	return c.id(b.providers(p))
}

// managementGroupResourceID returns
// /providers/Microsoft.Management/managementGroups/{mg}/providers/…, in the
// current management group unless one is named first.
func managementGroupResourceID(c call) model.Value {
	return c.scopedResourceID(managementGroupPrefix, "a management group", "a management group name",
		func(x *Context) model.Value { return x.ManagementGroup.Get("name") })
}

// scopedResourceID returns prefix{scope}/providers/…, where scope is the
// argument before the resource type or, without one, the current scope's.
func (c call) scopedResourceID(prefix, what, argument string, current func(*Context) model.Value) model.Value {
	x, bad, ok := c.context()
	if !ok {
		return bad
	}
	before, p, bad, ok := c.splitResourceArgs(c.args)
	if !ok {
		return bad
	}
	var scope model.Value
	switch len(before) {
	case 0:
		if scope, bad, ok = c.scopeValue(current(x), what); !ok {
			return bad
		}
	case 1:
		scope = before[0]
	default:
		return c.unknownf("%s takes at most %s before the resource type, got %s", c.f.name, argument, plural(len(before), "argument"))
	}
	return c.id(new(idBuilder).text(prefix).value(scope).providers(p))
}

const managementGroupPrefix = "/providers/Microsoft.Management/managementGroups/"
