package bicep

import (
	"fmt"
	"strings"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
)

// A module from a registry (br:, br/public:) or a template spec (ts:) is
// never fetched: lhlint does not use the network. What it deploys is
// unknown, and the deployment says so (Deployment.Unread) for the
// unresolved_value rule. The one exception is the public registry's
// Azure Verified Module for Lighthouse, which onboards a customer from
// its parameters alone: it is understood as the registration definition
// and assignment it writes, so that a template that onboards through it
// is checked like one that declares the resources itself.

// avmRegistration is the path of that module in the public registry; any
// version of it is understood.
const avmRegistration = "avm/res/managed-services/registration-definition"

// The aliases of the public registry: br/public: is the compiler's name
// for br:mcr.microsoft.com/bicep/.
var publicRegistry = []string{"br/public:", "br:mcr.microsoft.com/bicep/"}

// isAVMRegistration reports whether a module path names the AVM
// registration-definition module at some version.
func isAVMRegistration(path string) bool {
	for _, prefix := range publicRegistry {
		if len(path) <= len(prefix) || !strings.EqualFold(path[:len(prefix)], prefix) {
			continue
		}
		name, version, ok := strings.Cut(path[len(prefix):], ":")
		return ok && version != "" && strings.EqualFold(name, avmRegistration)
	}
	return false
}

// unread records that module m, whose path rel names a registry or a
// template spec, deploys what lhlint cannot know.
func (l *loader) unread(m *Module, rel string) {
	from := "the registry module"
	if strings.HasPrefix(rel, "ts") {
		from = "the template spec"
	}
	reason := fmt.Sprintf("module %q deploys %s %s, which lhlint does not fetch", m.Name.Name, from, rel)
	l.d.Unread = append(l.d.Unread, model.UnknownValue(reason, m.Path.Span))
}

// avmParams are the parameters of the AVM module that make the
// definition's properties, with the property each becomes.
var avmParams = []struct{ param, property string }{
	{"name", "registrationDefinitionName"},
	{"registrationDescription", "description"},
	{"managedByTenantId", "managedByTenantId"},
	{"authorizations", "authorizations"},
}

// avm builds what one instance of the AVM registration-definition module
// deploys, as the module's own resources would be built: a registration
// definition at the subscription the module deploys to, and its
// assignment there or, when resourceGroupName is given, in that resource
// group through a nested deployment. Every value is the caller's, spanned
// where the caller writes it (its .bicep or .bicepparam file); what the
// module decides itself is spanned at the module's path.
func (u *unit) avm(m *Module, nd *model.NestedDeployment) {
	params := nd.Properties
	at := m.Path.Span
	get := func(name string) (model.Member, bool) {
		if params.IsUnknown() {
			// Every parameter is as unknown as the object that gives it.
			return model.Member{Key: name, KeySpan: params.Span, Value: params}, true
		}
		var found model.Member
		ok := false
		for _, p := range params.Members() {
			if strings.EqualFold(p.Key, name) {
				found, ok = p, true // the last one written wins
			}
		}
		return found, ok
	}
	var props model.Members
	for _, p := range avmParams {
		if v, ok := get(p.param); ok {
			props = append(props, model.Member{Key: p.property, KeySpan: v.KeySpan, Value: v.Value})
		}
	}
	propsSpan := params.Span
	if !propsSpan.IsValid() {
		propsSpan = m.Span
	}
	properties := model.ObjectValue(props, propsSpan)
	target := nd.Scope
	rg, _ := get("resourceGroupName")
	atGroup := false // the module's default for resourceGroupName is ''
	if !rg.Value.IsMissing() && rg.Value.Kind() != model.Null {
		s, known := rg.Value.Str()
		atGroup = !known || s != ""
	}

	// The module names the definition guid(managedByTenantId,
	// subscription().tenantId, subscription().subscriptionId[,
	// resourceGroupName]), evaluated at the subscription it deploys to,
	// and builds the assignment's registrationDefinitionId from it.
	saved := u.env.ctx
	u.env.ctx = expr.ContextOf(target)
	name := model.UnknownValue("the AVM module names the registration definition from its managedByTenantId, which is not given", at)
	if tenant, ok := get("managedByTenantId"); ok {
		sub := func(field string) expr.Node {
			return &expr.Member{Span: at, X: call(m.Path, "subscription"), Name: field, NameSpan: at}
		}
		args := []expr.Node{lit(tenant.Value.Span, tenant.Value), sub("tenantId"), sub("subscriptionId")}
		if atGroup {
			args = append(args, lit(rg.Value.Span, rg.Value))
		}
		name = expr.Eval(u.env, call(m.Path, "guid", args...))
	}
	defID := expr.Eval(u.env, call(m.Path, "subscriptionResourceId", str(m.Path, model.TypeDefinition), lit(name.Span, name)))
	u.env.ctx = saved

	// The module's source is not read, so the API version it deploys
	// with is not known.
	version := model.UnknownValue("the AVM module chooses the API version of its resources", at)
	def := model.DefinitionOf(properties)
	def.Resource = model.Resource{
		Span:       m.Span,
		Type:       model.StringValue(model.TypeDefinition, at),
		APIVersion: version,
		Name:       name,
		Symbol:     m.Name.Name,
		Scope:      target,
		Condition:  model.MissingAt(m.Span),
		Deployment: nd,
		Properties: properties,
	}
	def.Plan = model.MissingAt(m.Span)
	u.l.d.Definitions = append(u.l.d.Definitions, def)

	// The module's own resources are not in the caller's loop or under
	// its condition: those are the module's (nd). The module deploys the
	// assignment at the subscription or at the resource group by a
	// condition on resourceGroupName, decided here.
	chosen := model.BoolValue(true, at)

	// What is known of the module does not say how it names the assignment:
	// the name is unknown, and always the same unknown.
	assignment := &model.Assignment{
		Resource: model.Resource{
			Span:       m.Span,
			Type:       model.StringValue(model.TypeAssignment, at),
			APIVersion: version,
			Name:       model.UnknownValue("the AVM module names the registration assignment itself", at),
			Symbol:     m.Name.Name,
			Scope:      target,
			DependsOn:  []model.Value{model.StringValue(m.Name.Name, m.Name.Span)},
			Condition:  chosen,
			Deployment: nd,
			Properties: model.ObjectValue(model.Members{{Key: "registrationDefinitionId", KeySpan: at, Value: defID}}, at),
		},
		RegistrationDefinitionID: defID,
	}
	u.l.d.Deployments = append(u.l.d.Deployments, nd)
	if atGroup {
		scope := model.Scope{Kind: model.ScopeResourceGroup, Span: rg.Value.Span, Subscription: target.Subscription, ResourceGroup: rg.Value}
		inner := &model.NestedDeployment{Inner: true, Resource: model.Resource{
			Span:       m.Span,
			Type:       model.StringValue(model.TypeDeployment, at),
			APIVersion: version,
			Name:       model.UnknownValue("the AVM module names its nested deployment itself", at),
			Scope:      scope,
			DependsOn:  assignment.DependsOn,
			Condition:  chosen,
			Deployment: nd,
			Properties: model.MissingAt(m.Span),
		}}
		assignment.Scope, assignment.Deployment, assignment.DependsOn = scope, inner, nil
		u.l.d.Deployments = append(u.l.d.Deployments, inner)
	}
	u.l.d.Assignments = append(u.l.d.Assignments, assignment)
}
