package expr

import (
	"go/token"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// testEnv is a map-backed Env; positions are byte offsets of the expression.
type testEnv struct {
	params map[string]model.Value
	vars   map[string]model.Value
	index  map[string]int
	ctx    *Context
}

func (e *testEnv) Parameter(name string) (model.Value, bool) {
	v, ok := e.params[strings.ToLower(name)]
	return v, ok
}

func (e *testEnv) Variable(name string) (model.Value, bool) {
	v, ok := e.vars[strings.ToLower(name)]
	return v, ok
}

func (e *testEnv) CopyIndex(loop string) (int, bool) {
	i, ok := e.index[strings.ToLower(loop)]
	return i, ok
}

func (e *testEnv) Context() *Context { return e.ctx }

const base = 1000 // the position of offset 0 in tests

func offsets(i int) token.Pos { return token.Pos(base + i) }

func newTestEnv(scope model.ScopeKind) *testEnv {
	at := model.Span{StartPos: 1, EndPos: 2}
	return &testEnv{
		params: map[string]model.Value{
			"offer":   model.StringValue("Contoso ops", at),
			"rgs":     model.ArrayValue([]model.Value{model.ObjectValue(model.Members{{Key: "rgName", Value: model.StringValue("rg-app", at)}}, at)}, at),
			"count":   model.IntValue(3, at),
			"nothing": model.UnknownValue(`parameter "nothing" has no value`, at),
		},
		vars:  map[string]model.Value{"prefix": model.StringValue("msp-", at)},
		index: map[string]int{"": 0, "loop": 2},
		ctx:   NewContext(scope, model.Value{}, model.Value{}),
	}
}

func eval(t *testing.T, env Env, s string) model.Value {
	t.Helper()
	n, err := Parse(s, offsets)
	if err != nil {
		t.Fatalf("Parse(%q): %s at %d", s, err.Msg, int(err.Pos())-base)
	}
	return Eval(env, n)
}

func describe(v model.Value) string {
	switch v.Kind() {
	case model.Unknown:
		return "unknown: " + v.Reason()
	case model.String:
		if v.IsSymbolic() {
			return "symbolic " + v.Text()
		}
		return v.Text()
	case model.Int:
		n, _ := v.Int()
		return strings.TrimSpace(strings.Repeat(" ", 0) + itoa(n))
	case model.Bool:
		b, _ := v.Bool()
		if b {
			return "true"
		}
		return "false"
	case model.Array, model.Object:
		return jsonText(v)
	}
	return v.Kind().String()
}

func itoa(n int64) string { return scalarText(model.IntValue(n, model.Span{})) }

func TestEval(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`[parameters('offer')]`, "Contoso ops"},
		{`[PARAMETERS('OFFER')]`, "Contoso ops"},
		{`[concat(variables('prefix'), parameters('offer'))]`, "msp-Contoso ops"},
		{`[concat(createArray(1, 2), createArray(3))]`, "[1,2,3]"},
		{`[format('{0}-{1}-{{x}}', 'a', 2)]`, "a-2-{x}"},
		{`[toLower('ABC')]`, "abc"},
		{`[toUpper('abc')]`, "ABC"},
		{`[replace('a-b-c', '-', '/')]`, "a/b/c"},
		{`[substring('abcdef', 1, 3)]`, "bcd"},
		{`[substring('abc', 2, 5)]`, "unknown: substring(2, 5) is out of range for a string of 3 characters"},
		{`[split('a,b;c', createArray(',', ';'))]`, `["a","b","c"]`},
		{`[join(createArray('a', 'b'), '+')]`, "a+b"},
		{`[length(parameters('rgs'))]`, "1"},
		{`[length('héllo')]`, "5"},
		{`[parameters('rgs')[0].rgName]`, "rg-app"},
		{`[parameters('rgs')[0]['RGNAME']]`, "rg-app"},
		{`[parameters('rgs')[copyIndex()].rgName]`, "rg-app"},
		{`[copyIndex('loop', 1)]`, "3"},
		{`[copyIndex('other')]`, "unknown: the copy index is not known: the loop's count is not known"},
		{`[parameters('rgs')[5]]`, "unknown: index 5 is out of range: the array has 1 items"},
		{`[if(equals(parameters('count'), 3), 'three', parameters('nothing'))]`, "three"},
		{`[if(true(), 'a', 'b')]`, "a"},
		{`[and(true(), not(false()), or(false(), true()))]`, "true"},
		{`[empty('')]`, "true"},
		{`[contains(createObject('Key', 1), 'key')]`, "true"},
		{`[contains('abc', 'B')]`, "false"},
		{`[first(createArray('x', 'y'))]`, "x"},
		{`[last('xyz')]`, "z"},
		{`[coalesce(null(), 'b')]`, "b"},
		{`[coalesce(parameters('nothing'), 'b')]`, `unknown: parameter "nothing" has no value`},
		{`[string(createObject('a', createArray(1, true())))]`, `{"a":[1,true]}`},
		{`[string(true())]`, "True"},
		{`[int('42')]`, "42"},
		{`[bool('true')]`, "true"},
		{`[json('{"b": 1, "a": [null]}').a]`, "[null]"},
		{`[union(createObject('a', 1), createObject('A', 2, 'b', 3))]`, `{"A":2,"b":3}`},
		{`[union(createArray(1, 2), createArray(2, 3))]`, "[1,2,3]"},
		{`[add(parameters('count'), 4)]`, "7"},
		{`[div(1, 0)]`, "unknown: div divides by zero"},
		{`[greater(2, 1)]`, "true"},
		{`[startsWith('Contoso', 'con')]`, "true"},
		{`[parameters('nothing')]`, `unknown: parameter "nothing" has no value`},
		{`[concat('x', parameters('nothing'))]`, `unknown: parameter "nothing" has no value`},
		{`[parameters('undeclared')]`, `unknown: template declares no parameter "undeclared"`},
		{`[variables('prefix').length]`, `unknown: cannot read property "length" of a string`},
		{`[reference('x').outputs.y.value]`, "unknown: reference() is evaluated at deployment time"},
		{`[listKeys('x', '2020-01-01').keys[0].value]`, "unknown: listKeys() is evaluated at deployment time"},
		{`[utcNow()]`, "unknown: utcNow() is evaluated at deployment time"},
		{`[ns.func('a')]`, `unknown: user-defined function "ns.func" is not evaluated`},
		{`[nosuch('a')]`, `unknown: unknown function "nosuch"`},
		{`[concat(createObject())]`, "unknown: concat takes strings or arrays, got object"},
		{`[toLower()]`, "unknown: toLower takes 1 argument, got 0"},
		{`[subscription().subscriptionId]`, "symbolic {subscription().subscriptionId}"},
		{`[subscription().tenantId]`, "symbolic {subscription().tenantId}"},
		{`[concat('/subscriptions/', subscription().subscriptionId)]`, "symbolic /subscriptions/{subscription().subscriptionId}"},
		{`[equals(subscription().tenantId, subscription().tenantId)]`, "true"},
		{`[equals(subscription().tenantId, 'x')]`, "unknown: comparing values known only at deployment time"},
		{`[resourceGroup().name]`, "unknown: resourceGroup() is not available in a subscription-scope template"},
		{`[resourceId('Microsoft.ManagedServices/registrationDefinitions/', 'abc')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/Microsoft.ManagedServices/registrationDefinitions/abc"},
		{`[resourceId('sub1', 'Microsoft.ManagedServices/registrationDefinitions', 'abc')]`,
			"/subscriptions/sub1/providers/Microsoft.ManagedServices/registrationDefinitions/abc"},
		{`[subscriptionResourceId('Microsoft.ManagedServices/registrationDefinitions', 'abc')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/Microsoft.ManagedServices/registrationDefinitions/abc"},
		{`[tenantResourceId('Microsoft.Management/managementGroups', 'mg1')]`, "/providers/Microsoft.Management/managementGroups/mg1"},
		{`[extensionResourceId('/subscriptions/s/resourceGroups/rg', 'Microsoft.ManagedServices/registrationAssignments', 'a')]`,
			"/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedServices/registrationAssignments/a"},
		{`[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'sn')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/sn"},
		{`[guid('a', 'b')]`, "symbolic " + describe(eval(t, newTestEnv(model.ScopeSubscription), `[guid(concat('a', '-', 'b'))]`))[len("symbolic "):]},
		{`[length(uniqueString('x'))]`, "unknown: the length of \"" + describe(eval(t, newTestEnv(model.ScopeSubscription), `[uniqueString('x')]`))[len("symbolic "):] + "\" is known only at deployment time"},
	}
	env := newTestEnv(model.ScopeSubscription)
	for _, tt := range tests {
		if got := describe(eval(t, env, tt.expr)); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.expr, got, tt.want)
		}
	}
}

func TestEvalResourceGroupScope(t *testing.T) {
	env := newTestEnv(model.ScopeResourceGroup)
	tests := []struct{ expr, want string }{
		{`[resourceGroup().name]`, "symbolic {resourceGroup().name}"},
		{`[resourceId('Microsoft.Storage/storageAccounts', 'st')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Storage/storageAccounts/st"},
		{`[resourceId('rg2', 'Microsoft.Storage/storageAccounts', 'st')]`,
			"symbolic /subscriptions/{subscription().subscriptionId}/resourceGroups/rg2/providers/Microsoft.Storage/storageAccounts/st"},
	}
	for _, tt := range tests {
		if got := describe(eval(t, env, tt.expr)); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.expr, got, tt.want)
		}
	}
}

func TestGuidIsDeterministicAndShaped(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	a := eval(t, env, `[guid(parameters('offer'))]`)
	b := eval(t, env, `[guid('Contoso ops')]`)
	c := eval(t, env, `[guid('Contoso ops', 'x')]`)
	if a.Text() != b.Text() || a.Text() == c.Text() {
		t.Errorf("guid: equal seeds %q %q, different seed %q", a.Text(), b.Text(), c.Text())
	}
	if len(a.Text()) != 36 || a.Text()[14] != '5' || !a.IsSymbolic() {
		t.Errorf("guid = %q (symbolic %v), want a symbolic version-5 GUID", a.Text(), a.IsSymbolic())
	}
}

// TestSpansAndHops checks that values keep where they are written and
// record the expression they flowed through.
func TestSpansAndHops(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	v := eval(t, env, `[parameters('offer')]`)
	if v.Pos() != 1 || len(v.Via()) != 1 || v.Via()[0].Pos() != base+1 || v.Via()[0].End() != base+20 {
		t.Errorf("parameters('offer') at %d with hops %+v, want the parameter's span and one hop over the call", v.Pos(), v.Via())
	}
	lit := eval(t, env, `[concat('ab', 'cd')]`)
	if lit.Pos() != base+1 || lit.End() != base+19 {
		t.Errorf("concat spans %d-%d, want %d-%d", lit.Pos(), lit.End(), base+1, base+19)
	}
	first := eval(t, env, `[createArray('x', 'yz')[1]]`)
	if first.Pos() != base+18 || first.End() != base+22 {
		t.Errorf("the literal 'yz' spans %d-%d, want %d-%d", first.Pos(), first.End(), base+18, base+22)
	}
	sub := eval(t, env, `[subscription().tenantId]`)
	if sub.Pos() != base+1 || sub.End() != base+24 {
		t.Errorf("subscription().tenantId spans %d-%d, want the expression", sub.Pos(), sub.End())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		expr       string
		start, end int
		msg        string
	}{
		{`[]`, 0, 2, "expression is empty"},
		{`[  ]`, 0, 4, "expression is empty"},
		{`[concat('a', 'b')) ]`, 17, 19, "text after the end of the expression"},
		{`[concat('a' 'b')]`, 12, 13, `expected ',' or ')' in the arguments of concat, found '\''`},
		{`[concat('a'`, 8, 10, "unterminated string"},
		{`[parameters]`, 1, 11, `expected '(' after "parameters": a name must be a function call`},
		{`[a(&)]`, 3, 4, `unexpected character '&'`},
		{`[a().]`, 5, 6, `expected a property name after '.', found the end of the expression`},
		{`[a()[1]`, 6, 7, `expected ']' to close the index, found the end of the expression`},
		{`[a(1,)]`, 5, 6, `unexpected character ')'`},
		{`[-]`, 1, 2, `invalid number "-"`},
		{`[99999999999999999999]`, 1, 21, `invalid number "99999999999999999999"`},
		{`[ns.('a')]`, 4, 5, `expected a function name after "ns."`},
	}
	for _, tt := range tests {
		_, err := Parse(tt.expr, offsets)
		if err == nil {
			t.Errorf("Parse(%s) succeeded, want %q", tt.expr, tt.msg)
			continue
		}
		if got := [2]int{int(err.Pos()) - base, int(err.End()) - base}; got != [2]int{tt.start, tt.end} || err.Msg != tt.msg {
			t.Errorf("Parse(%s) = %d-%d %q, want %d-%d %q", tt.expr, got[0], got[1], err.Msg, tt.start, tt.end, tt.msg)
		}
	}
}

func TestParseBounds(t *testing.T) {
	deep := "[" + strings.Repeat("a(", 1000) + strings.Repeat(")", 1000) + "]"
	if _, err := Parse(deep, offsets); err == nil || err.Msg != "expression nests too deeply" {
		t.Errorf("Parse(1000 nested calls) = %v, want the nesting bound", err)
	}
	long := "['" + strings.Repeat("x", MaxLength) + "']"
	if _, err := Parse(long, offsets); err == nil || !strings.HasPrefix(err.Msg, "expression is longer than Azure's limit") {
		t.Errorf("Parse(a %d-character expression) = %v, want the length limit", len(long), err)
	}
}

func TestStringLiteralsAndEscapes(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	if got := eval(t, env, `['it''s']`).Text(); got != "it's" {
		t.Errorf("['it''s'] = %q", got)
	}
	if !IsExpression("[x()]") || IsExpression("[[x()]") || IsExpression("[x] y") || IsExpression("[") {
		t.Error("IsExpression misclassifies")
	}
	if got := Unescape("[[x()]"); got != "[x()]" {
		t.Errorf("Unescape = %q", got)
	}
}

func TestValueBounds(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	big := eval(t, env, `[replace(replace(replace(replace(replace(replace(replace('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx')]`)
	if big.Reason() != "value too large to evaluate" {
		t.Errorf("a string growing past 1 MiB = %s, want the size bound", describe(big))
	}
}

func FuzzParseEval(f *testing.F) {
	for _, s := range []string{
		`[parameters('offer')]`, `[concat('a', parameters('rgs')[copyIndex()].rgName)]`, `[format('{0}', 1)]`,
		`[resourceId('Microsoft.ManagedServices/registrationDefinitions/', guid(parameters('offer')))]`,
		`[json('[1, {"a": 2}]')[1].a]`, `[if(equals(1, 1), createObject('a', 'b'), null())]`, `[split('a,b', ',')[5]]`,
		`[union(createArray(1), createArray(2))]`, `[substring('abc', -1)]`, `['it''s']`,
	} {
		f.Add(s)
	}
	env := newTestEnv(model.ScopeResourceGroup)
	f.Fuzz(func(t *testing.T, s string) {
		if !IsExpression(s) {
			return
		}
		if n, err := Parse(s, offsets); err == nil {
			Eval(env, n)
		}
	})
}

func BenchmarkParseEval(b *testing.B) {
	env := newTestEnv(model.ScopeSubscription)
	exprs := []string{
		`[parameters('offer')]`,
		`[guid(parameters('offer'))]`,
		`[resourceId('Microsoft.ManagedServices/registrationDefinitions/', variables('prefix'))]`,
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range exprs {
			n, _ := Parse(s, offsets)
			Eval(env, n)
		}
	}
}
