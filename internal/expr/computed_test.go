package expr

import (
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// TestComputed checks which strings a function made: text that appears in
// no argument, ignoring case, and everything made from such text.
func TestComputed(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	for _, tc := range []struct {
		expr     string
		computed bool
	}{
		{`[parameters('offer')]`, false},
		{`[toLower(parameters('offer'))]`, false},
		{`[toUpper(variables('prefix'))]`, false},
		{`[trim(' Contoso ops ')]`, false},
		{`[trim(toUpper(' Contoso ops '))]`, false},
		{`[replace(parameters('offer'), 'ops', 'OPS')]`, false},
		{`[replace(parameters('offer'), 'ops', 'it')]`, true},
		{`[if(equals(parameters('offer'), 'x'), 'Fabrikam', 'Tailspin')]`, false},
		{`[format('{0}', parameters('offer'))]`, false},
		{`[concat(variables('prefix'), '')]`, false},
		{`[guid(parameters('offer'))]`, true},
		{`[toLower(guid(parameters('offer')))]`, true},
		{`[concat(variables('prefix'), 'ops')]`, true},
		{`[format('{0}-{1}', 'a', 'b')]`, true},
		{`[string(createArray('a'))]`, true},
	} {
		v := eval(t, env, tc.expr)
		if _, ok := v.Str(); !ok || v.IsComputed() != tc.computed {
			t.Errorf("%s = %s, computed %v; want a string, computed %v", tc.expr, describe(v), v.IsComputed(), tc.computed)
		}
	}
}
