package expr

import (
	"fmt"
	"sync"

	"github.com/lhlint/lhlint/internal/model"
)

// NewContext returns the deployment context of a template deployed at
// scope, as the ARM loader builds it for the top-level template and for each
// nested deployment. sub and rg are the subscription ID and resource group
// name when a nested deployment names them in its subscriptionId and
// resourceGroup properties: strings are used as they are (and keep their
// spans); unknown values make the IDs built from them unknown, since the
// deployment goes to a scope that must not compare equal to any other; and
// Missing values, for a deployment that names none, are the symbolic
// "{subscription().subscriptionId}" and "{resourceGroup().name}".
//
// The objects follow what Azure provides at each scope: subscription() at
// subscription and resource-group scope, resourceGroup() at resource-group
// scope only, managementGroup() at management-group scope; tenant(),
// deployment() and environment() everywhere. At ScopeUnknown every object is
// provided, so that a template whose scope is not known is not reported for
// using one.
//
// Every member that cannot be known before deployment is a symbolic string
// that names it: subscription().id is "/subscriptions/{subscription().subscriptionId}".
func NewContext(scope model.ScopeKind, sub, rg model.Value) *Context {
	return ContextOf(model.Scope{Kind: scope, Subscription: sub, ResourceGroup: rg})
}

// ContextOf is NewContext for a model.Scope; it also takes the management
// group name of a management-group-scope deployment.
func ContextOf(s model.Scope) *Context {
	x := &Context{Scope: s.Kind}
	subID := given(s.Subscription, "{subscription().subscriptionId}")
	everywhere := sameEverywhere()
	x.Tenant, x.Deployment, x.Environment = everywhere.Tenant, everywhere.Deployment, everywhere.Environment
	switch s.Kind {
	case model.ScopeSubscription, model.ScopeResourceGroup, model.ScopeUnknown:
		x.Subscription = object(
			"id", joinID("/subscriptions/", subID),
			"subscriptionId", subID,
			"tenantId", tenantID("{subscription().tenantId}"),
			"displayName", sym("{subscription().displayName}"),
		)
	}
	switch s.Kind {
	case model.ScopeResourceGroup, model.ScopeUnknown:
		name := given(s.ResourceGroup, "{resourceGroup().name}")
		x.ResourceGroup = object(
			"id", joinID("/subscriptions/", subID, "/resourceGroups/", name),
			"name", name,
			"type", model.StringValue("Microsoft.Resources/resourceGroups", model.Span{}),
			"location", sym("{resourceGroup().location}"),
		)
	}
	if s.Kind == model.ScopeManagementGroup {
		name := given(s.ManagementGroup, "{managementGroup().name}")
		x.ManagementGroup = object(
			"id", joinID(managementGroupPrefix, name),
			"name", name,
			"type", model.StringValue("Microsoft.Management/managementGroups", model.Span{}),
			"properties", object(
				"displayName", sym("{managementGroup().properties.displayName}"),
				"tenantId", tenantID("{tenant().tenantId}"),
			),
		)
	}
	return x
}

// sym and tenantID write the members of context objects known only at
// deployment time.
func sym(text string) model.Value { return model.SymbolicString(text, model.Span{}) }

func tenantID(text string) model.Value { return sym(text).WithSymbol(model.DeployingTenant) }

// sameEverywhere returns the objects that are the same in every
// deployment context: tenant(), deployment() and environment(). Every
// deployment and every nested one asks for a context, so they are built
// once and shared, read-only like every model.Value.
var sameEverywhere = sync.OnceValue(func() *Context {
	x := &Context{}
	x.Tenant = object(
		"tenantId", tenantID("{tenant().tenantId}"),
		"countryCode", sym("{tenant().countryCode}"),
		"displayName", sym("{tenant().displayName}"),
	)
	x.Deployment = object(
		"name", sym("{deployment().name}"),
		"location", sym("{deployment().location}"),
	)
	x.Environment = object(
		"name", sym("{environment().name}"),
		"portal", sym("{environment().portal}"),
		"resourceManager", sym("{environment().resourceManager}"),
		"graph", sym("{environment().graph}"),
		"gallery", sym("{environment().gallery}"),
		"authentication", object("loginEndpoint", sym("{environment().authentication.loginEndpoint}")),
		"suffixes", object(
			"storage", sym("{environment().suffixes.storage}"),
			"keyvaultDns", sym("{environment().suffixes.keyvaultDns}"),
			"sqlServerHostname", sym("{environment().suffixes.sqlServerHostname}"),
			"acrLoginServer", sym("{environment().suffixes.acrLoginServer}"),
		),
	)
	return x
})

// object builds a context object from keys and values.
func object(kv ...any) model.Value {
	members := make(model.Members, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		members = append(members, model.Member{Key: kv[i].(string), Value: kv[i+1].(model.Value)})
	}
	return model.ObjectValue(members, model.Span{})
}

// given returns the subscription, resource group or management group a
// deployment names: the value itself when it is a string, unknown when it is
// written but not known (the deployment goes to some other scope, which must
// not compare equal to this one), and the symbolic placeholder when it is
// not written.
func given(v model.Value, placeholder string) model.Value {
	switch v.Kind() {
	case model.String:
		return v
	case model.Missing:
		return model.SymbolicString(placeholder, model.Span{})
	case model.Unknown:
		return v
	}
	return model.UnknownValue(fmt.Sprintf("the deployment scope is %s, not a name", v.Kind().Article()), v.Span)
}

// joinID joins literal text and string values into an ID, symbolic when a
// value is and unknown when one is.
func joinID(parts ...any) model.Value {
	var id idBuilder
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			id.text(p)
		case model.Value:
			if p.Kind() != model.String {
				return p
			}
			id.value(p)
		}
	}
	return model.StringValue(id.b.String(), model.Span{}).WithSymbolic(id.sym)
}
