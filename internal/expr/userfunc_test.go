package expr

import (
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// TestUserFunctions checks calls of user-defined functions, namespace.name
// (args): the value the function's output takes, spanned where it is
// written (in the function, or in the call's arguments when a parameter
// passes it on), with a hop at the call and at each parameters(), nearest
// first.
func TestUserFunctions(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	env.funcs = map[string]testFunc{
		"contoso.ownerrole": {body: `['8e3af657-a8ff-443c-a75c-2fe8c4bcb635']`},
		"contoso.pick":      {params: []string{"c", "x", "y"}, body: `[if(parameters('c'), parameters('x'), parameters('y'))]`},
		"contoso.roleid":    {params: []string{"guid"}, body: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', parameters('guid'))]`},
		"contoso.twice":     {params: []string{"s"}, body: `[concat(contoso.pick(true(), parameters('s'), 'no'), parameters('s'))]`},
		"__bicep.offer":     {body: `[variables('prefix')]`},
	}
	tests := []struct {
		expr, want, span string
		hops             []string
	}{
		{`[contoso.ownerRole()]`, "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "fn:1-39", []string{"1-20"}},
		{`[CONTOSO.OWNERROLE()]`, "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "fn:1-39", []string{"1-20"}},
		{`[contoso.pick(true(), 'Owner', 'Reader')]`, "Owner", "22-29", []string{"1-40", "fn:21-36"}},
		{`[contoso.pick(false(), parameters('nothing'), parameters('offer'))]`, "Contoso ops", "env:10-23", []string{"1-66", "fn:38-53", "46-65"}},
		{`[contoso.roleId('acdd72a7-3385-48ef-bd42-f606fba81ae7')]`, "symbolic /subscriptions/{subscription().subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7", "fn:1-86", []string{"1-55"}},
		{`[contoso.twice('ab')]`, "abab", "fn:1-69", []string{"1-20"}},
		{`[contoso.pick(true(), 'a')]`, "unknown: wrong number of arguments", "1-26", []string{"1-26"}},
		{`[contoso.missing()]`, `unknown: template declares no function "contoso.missing"`, "1-18", nil},
		{`[__bicep.offer()]`, `unknown: template declares no variable "prefix"`, "fn:1-20", []string{"1-16"}},
	}
	for _, tt := range tests {
		v := eval(t, env, tt.expr)
		var hops []string
		for _, h := range v.Via() {
			hops = append(hops, spanOf(h.Span))
		}
		span := "-"
		if v.IsValid() {
			span = spanOf(v.Span)
		}
		if got := describe(v); got != tt.want || span != tt.span || strings.Join(hops, " ") != strings.Join(tt.hops, " ") {
			t.Errorf("%s = %s at %s via %v, want %s at %s via %v", tt.expr, got, span, hops, tt.want, tt.span, tt.hops)
		}
	}
}
