package expr

import (
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// TestGuidMatchesAzure pins guid() to a value Azure's own implementation
// computed: the AzExpression PowerShell module calls the guid function of
// Azure.Deployments.Expression, and its documentation
// (github.com/SimonWahlin/AzExpression, docs/en-US/New-AzGuid.md) gives
// New-AzGuid -InputStrings 'test','value' as 95b33d6a-06a0-5961-9b94-a0f6c648352b.
func TestGuidMatchesAzure(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	v := eval(t, env, `[guid('test', 'value')]`)
	if v.Text() != "95b33d6a-06a0-5961-9b94-a0f6c648352b" || v.IsSymbolic() {
		t.Errorf("guid('test', 'value') = %s, want 95b33d6a-06a0-5961-9b94-a0f6c648352b", describe(v))
	}
	// The arguments are joined with '-' before hashing.
	if w := eval(t, env, `[guid('test-value')]`); w.Text() != v.Text() {
		t.Errorf("guid('test-value') = %s, want the GUID of guid('test', 'value')", describe(w))
	}
	if w := eval(t, env, `[guid('testvalue')]`); w.Text() == v.Text() {
		t.Errorf("guid('testvalue') = guid('test', 'value')")
	}
}

func TestGuid(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	a := eval(t, env, `[guid(parameters('offer'))]`)
	b := eval(t, env, `[GUID('Contoso ops')]`)
	c := eval(t, env, `[guid('Contoso ops', 'x')]`)
	if a.Text() != b.Text() || a.Text() == c.Text() || !isGUID(a.Text()) || a.Text()[14] != '5' || a.IsSymbolic() {
		t.Errorf("guid: equal seeds %s %s, different seed %s; want equal, version-5 GUIDs", describe(a), describe(b), describe(c))
	}
	s := eval(t, env, `[guid(subscription().subscriptionId, 'x')]`)
	s2 := eval(t, env, `[guid(subscription().subscriptionId, 'x')]`)
	if !s.IsSymbolic() || !isGUID(s.Text()) || s.Text() != s2.Text() {
		t.Errorf("guid of a symbolic string = %s, want a symbolic GUID, the same each time", describe(s))
	}
	runEval(t, env, []evalCase{
		{`[guid(1)]`, "unknown: guid takes strings, got an int"},
		{`[guid()]`, "unknown: guid takes at least 1 argument, got 0"},
		{`[guid(parameters('nothing'))]`, `unknown: parameter "nothing" has no value`},
		{`[length(guid('a'))]`, "36"},
	})
	u := eval(t, env, `[uniqueString('x', 'y')]`)
	if !u.IsSymbolic() || len(u.Text()) != 13 || strings.Trim(u.Text(), "abcdefghijklmnopqrstuvwxyz234567") != "" {
		t.Errorf("uniqueString = %s, want 13 symbolic base-32 characters", describe(u))
	}
	if eval(t, env, `[uniqueString('x', 'y')]`).Text() != u.Text() || eval(t, env, `[uniqueString('x', 'z')]`).Text() == u.Text() {
		t.Error("uniqueString is not deterministic, or gives equal strings for different seeds")
	}
}

func TestSymbolicPropagation(t *testing.T) {
	runEval(t, newTestEnv(model.ScopeSubscription), []evalCase{
		{`[concat('/subscriptions/', subscription().subscriptionId)]`, "symbolic /subscriptions/{subscription().subscriptionId}"},
		{`[format('{0}/x', subscription().subscriptionId)]`, "symbolic {subscription().subscriptionId}/x"},
		{`[toLower(subscription().displayName)]`, "symbolic {subscription().displayname}"},
		{`[toUpper(concat('a', tenant().tenantId))]`, "symbolic A{TENANT().TENANTID}"},
		{`[string(createArray(subscription().subscriptionId))]`, `symbolic ["{subscription().subscriptionId}"]`},
		{`[join(createArray('a', subscription().subscriptionId), '/')]`, "symbolic a/{subscription().subscriptionId}"},
		{`[replace(subscription().displayName, ' ', '-')]`, "symbolic {replace({subscription().displayName}, ' ', '-')}"},
		{`[substring(subscription().subscriptionId, 0, 8)]`, "symbolic {substring({subscription().subscriptionId}, 0, 8)}"},
		{`[trim(subscription().displayName)]`, "symbolic {trim({subscription().displayName})}"},
		{`[base64(subscription().displayName)]`, "symbolic {base64({subscription().displayName})}"},
		{`[skip(subscription().displayName, 2)]`, "symbolic {skip({subscription().displayName}, 2)}"},
		{`[length(subscription().subscriptionId)]`, "unknown: length of {subscription().subscriptionId} is known only at deployment time"},
		{`[empty(subscription().displayName)]`, "unknown: empty of {subscription().displayName} is known only at deployment time"},
		{`[split(subscription().id, '/')]`, "unknown: split of /subscriptions/{subscription().subscriptionId} is known only at deployment time"},
		{`[json(subscription().displayName)]`, "unknown: json of {subscription().displayName} is known only at deployment time"},
		{`[equals(subscription().tenantId, subscription().tenantId)]`, "true"},
		{`[equals(subscription().tenantId, 'x')]`, "unknown: comparing values known only at deployment time"},
		{`[equals(subscription().tenantId, tenant().tenantId)]`, "unknown: comparing values known only at deployment time"},
		{`[equals(subscription().tenantId, 1)]`, "false"},
		{`[equals(createArray(subscription().tenantId, 1), createArray(subscription().tenantId, 2))]`, "false"},
		{`[equals(toLower(subscription().subscriptionId), subscription().subscriptionId)]`, "unknown: comparing values known only at deployment time"},
		{`[contains(createArray(subscription().tenantId), subscription().tenantId)]`, "true"},
		{`[contains(createArray('a'), subscription().tenantId)]`, "unknown: comparing values known only at deployment time"},
		{`[contains(subscription().id, 'x')]`, "unknown: comparing values known only at deployment time"},
		{`[startsWith(subscription().id, '/subscriptions/')]`, "unknown: comparing values known only at deployment time"},
		{`[union(createArray(subscription().tenantId), createArray(subscription().tenantId))]`, `[$"{subscription().tenantId}"]`},
		{`[union(createArray(subscription().tenantId), createArray('x'))]`, "unknown: union of values known only at deployment time"},
		{`[union(createArray(parameters('nested')), createArray(1))]`, "unknown: reference() is evaluated at deployment time"},
		{`[distinct(createArray(subscription().tenantId, subscription().displayName))]`, "unknown: distinct of values known only at deployment time"},
		{`[intersection(createArray(subscription().tenantId), createArray('x'))]`, "unknown: intersection of values known only at deployment time"},
		{`[createObject(subscription().tenantId, 1)]`, "unknown: the property name {subscription().tenantId} is known only at deployment time"},
		{`[parameters('tags')[subscription().tenantId]]`, "unknown: the property name {subscription().tenantId} is known only at deployment time"},
		{`[if(equals(subscription().tenantId, subscription().tenantId), 'same', 'other')]`, "same"},
	})
}

func TestResourceIDs(t *testing.T) {
	const def = "Microsoft.ManagedServices/registrationDefinitions"
	sub := newTestEnv(model.ScopeSubscription)
	runEval(t, sub, []evalCase{
		{`[resourceId('Microsoft.ManagedServices/registrationDefinitions/', 'abc')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/" + def + "/abc"},
		{`[resourceId('Microsoft.ManagedServices/registrationDefinitions/', guid('test', 'value'))]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/" + def + "/95b33d6a-06a0-5961-9b94-a0f6c648352b"},
		{`[resourceId('/Microsoft.ManagedServices/registrationDefinitions', 'abc')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/" + def + "/abc"},
		{`[resourceId('00000000-0000-0000-0000-000000000001', '` + def + `', 'abc')]`,
			"/subscriptions/00000000-0000-0000-0000-000000000001/providers/" + def + "/abc"},
		{`[resourceId(subscription().subscriptionId, '` + def + `', 'abc')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/" + def + "/abc"},
		{`[resourceId('rg-other', 'Microsoft.Storage/storageAccounts', 'st')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/resourceGroups/rg-other/providers/Microsoft.Storage/storageAccounts/st"},
		{`[resourceId('00000000-0000-0000-0000-000000000001', 'rg', 'Microsoft.Storage/storageAccounts', 'st')]`,
			"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st"},
		{`[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'sn')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/sn"},
		{`[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet/sn')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/sn"},
		{`[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')]`,
			"unknown: resourceId of type Microsoft.Network/virtualNetworks/subnets takes 2 names, got 1"},
		{`[resourceId('a', 'b', 'c', 'T/t', 'n')]`,
			"unknown: resourceId takes at most a subscription ID and a resource group name before the resource type, got 3 arguments"},
		{`[resourceId('plain', 'name')]`, "unknown: resourceId takes a resource type such as Microsoft.Storage/storageAccounts and names"},
		{`[resourceId('Microsoft.Storage//x', 'name')]`, `unknown: resourceId takes a resource type such as Microsoft.Storage/storageAccounts, got "Microsoft.Storage//x"`},
		{`[resourceId('Microsoft.Storage/', 'name')]`, `unknown: resourceId takes a resource type such as Microsoft.Storage/storageAccounts, got "Microsoft.Storage/"`},
		{`[resourceId('T/t', 1)]`, "unknown: resourceId takes strings, got an int"},
		{`[resourceId('T/t', parameters('nothing'))]`, `unknown: parameter "nothing" has no value`},
		{`[resourceId(concat(subscription().id, '/x'), 'n')]`, "unknown: the resource type /subscriptions/{subscription().subscriptionId}/x is known only at deployment time"},
		{`[subscriptionResourceId('` + def + `', 'abc')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/" + def + "/abc"},
		{`[subscriptionResourceId('s1', '` + def + `', 'abc')]`, "/subscriptions/s1/providers/" + def + "/abc"},
		{`[subscriptionResourceId('s1', 'rg', '` + def + `', 'abc')]`,
			"unknown: subscriptionResourceId takes at most a subscription ID before the resource type, got 2 arguments"},
		{`[tenantResourceId('Microsoft.Management/managementGroups', 'mg1')]`, "/providers/Microsoft.Management/managementGroups/mg1"},
		{`[tenantResourceId('x', 'Microsoft.Management/managementGroups', 'mg1')]`, "unknown: tenantResourceId takes the resource type first"},
		{`[extensionResourceId('/subscriptions/s/resourceGroups/rg/', 'Microsoft.ManagedServices/registrationAssignments', 'a')]`,
			"/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedServices/registrationAssignments/a"},
		{`[extensionResourceId(subscription().id, 'Microsoft.Authorization/roleAssignments', 'a')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/Microsoft.Authorization/roleAssignments/a"},
		{`[extensionResourceId(1, 'T/t', 'a')]`, "unknown: extensionResourceId takes a resource ID first, got an int"},
		{`[managementGroupResourceId('mg1', 'Microsoft.Authorization/policyDefinitions', 'p')]`,
			"/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p"},
		{`[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'p')]`,
			"unknown: managementGroupResourceId needs a management group, which a subscription-scope template does not have"},
	})
	runEval(t, newTestEnv(model.ScopeResourceGroup), []evalCase{
		{`[resourceId('Microsoft.Storage/storageAccounts', 'st')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Storage/storageAccounts/st"},
		{`[resourceId('rg2', 'Microsoft.Storage/storageAccounts', 'st')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/resourceGroups/rg2/providers/Microsoft.Storage/storageAccounts/st"},
		{`[resourceId('00000000-0000-0000-0000-000000000001', 'Microsoft.Storage/storageAccounts', 'st')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/resourceGroups/00000000-0000-0000-0000-000000000001/providers/Microsoft.Storage/storageAccounts/st"},
		{`[subscriptionResourceId('` + def + `', 'abc')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/" + def + "/abc"},
	})
	runEval(t, newTestEnv(model.ScopeManagementGroup), []evalCase{
		{`[resourceId('Microsoft.Authorization/policyDefinitions', 'p')]`, "/providers/Microsoft.Authorization/policyDefinitions/p"},
		{`[resourceId('00000000-0000-0000-0000-000000000001', '` + def + `', 'abc')]`,
			"/subscriptions/00000000-0000-0000-0000-000000000001/providers/" + def + "/abc"},
		{`[subscriptionResourceId('` + def + `', 'abc')]`,
			"unknown: subscriptionResourceId needs a subscription, which a management-group-scope template does not have"},
		{`[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'p')]`,
			"symbolic /providers/Microsoft.Management/managementGroups/{managementGroup().name}/providers/Microsoft.Authorization/policyDefinitions/p"},
	})
	runEval(t, newTestEnv(model.ScopeTenant), []evalCase{
		{`[resourceId('Microsoft.Management/managementGroups', 'mg')]`, "/providers/Microsoft.Management/managementGroups/mg"},
	})
	runEval(t, newTestEnv(model.ScopeUnknown), []evalCase{
		{`[resourceId('Microsoft.Storage/storageAccounts', 'st')]`, "unknown: resourceId depends on the deployment scope, which is not known here"},
		{`[subscriptionResourceId('` + def + `', 'abc')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/" + def + "/abc"},
	})
}

// TestDeployingTenant checks that the deploying tenant's ID is recognised by
// its symbol, however the template wrote or passed it on.
func TestDeployingTenant(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	for _, src := range []string{
		`[subscription().tenantId]`,
		`[tenant().tenantId]`,
		`[toLower(subscription().tenantId)]`,
		`[concat('', tenant().tenantId)]`,
		`[if(true(), subscription().tenantId, 'x')]`,
	} {
		if v := eval(t, env, src); v.Symbol() != model.DeployingTenant {
			t.Errorf("%s = %s, want the deploying tenant", src, describe(v))
		}
	}
	for _, src := range []string{
		`[subscription().subscriptionId]`,
		`[concat('x', tenant().tenantId)]`,
		`[guid(tenant().tenantId)]`,
		`['{subscription().tenantId}']`,
	} {
		if v := eval(t, env, src); v.Symbol() != model.NoSymbol {
			t.Errorf("%s = %s, want no symbol", src, describe(v))
		}
	}
}
