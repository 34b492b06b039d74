package expr

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// doublingDepth is how many times the hostile variables double: a59 is a
// tree of 2^60 nodes held in a few kilobytes, as sixty variables of a 4 KB
// template build it.
const doublingDepth = 59

// doublingEnv returns the test env with, for each i up to doublingDepth,
// variables that double the one before: ai = createArray(a(i-1), a(i-1)),
// and bi the same tree built separately, so that comparing ai with bi
// cannot stop at a shared part; oi = {x: o(i-1), y: o(i-1)}. Each variable
// carries the hop variables() adds, as the ARM loader's values do.
func doublingEnv(scope model.ScopeKind) *testEnv {
	env := newTestEnv(scope)
	one := model.IntValue(1, at(1, 2))
	a, b := model.ArrayValue([]model.Value{one}, at(0, 3)), model.ArrayValue([]model.Value{one}, at(0, 3))
	o := model.ObjectValue(model.Members{{Key: "k", Value: one}}, at(0, 3))
	for i := range doublingDepth + 1 {
		if i > 0 {
			a = model.ArrayValue([]model.Value{a, a}, at(i, i+1))
			b = model.ArrayValue([]model.Value{b, b}, at(i, i+1))
			o = model.ObjectValue(model.Members{{Key: "x", Value: o}, {Key: "y", Value: o}}, at(i, i+1))
		}
		hop := at(2000+i, 2001+i)
		env.vars[fmt.Sprintf("a%d", i)] = a.WithHop(hop, flowsThrough)
		env.vars[fmt.Sprintf("b%d", i)] = b.WithHop(hop, flowsThrough)
		env.vars[fmt.Sprintf("o%d", i)] = o.WithHop(hop, flowsThrough)
	}
	return env
}

// TestDoublingValues evaluates every function that descends into a value on
// trees of 2^60 nodes that share their parts. Each must stop when the
// evaluation budget is spent and give an unknown with the reason; a walk
// that is not charged to the budget never ends, and the test times out.
// The results are checked by reason only: describing them would walk them.
func TestDoublingValues(t *testing.T) {
	env := doublingEnv(model.ScopeSubscription)
	const (
		costly = "unknown: " + tooCostly
		large  = "unknown: " + tooLarge
	)
	tests := []struct{ expr, want string }{
		// Serialisation.
		{`[string(variables('a59'))]`, large},
		{`[string(variables('o59'))]`, large},
		{`[json(string(variables('a59')))]`, large},
		{`[base64(string(variables('o59')))]`, large},
		{`[dataUri(string(variables('a59')))]`, large},
		{`[guid(string(variables('a59')))]`, large},
		{`[format('{0}', variables('a59'))]`, "unknown: format item {0} formats a value too large to evaluate"},
		{`[format('{0}', variables('o59'))]`, "unknown: format item {0} formats a value too large to evaluate"},
		// Deep equality.
		{`[equals(variables('a59'), variables('b59'))]`, costly},
		{`[equals(variables('a59'), variables('a59'))]`, costly},
		{`[equals(variables('o59'), variables('o59'))]`, costly},
		{`[not(equals(variables('a59'), variables('b59')))]`, costly},
		{`[contains(variables('a59'), variables('b58'))]`, costly},
		{`[contains(createArray(variables('a59')), variables('b59'))]`, costly},
		{`[indexOf(variables('a59'), variables('b58'))]`, costly},
		{`[lastIndexOf(variables('a59'), variables('b58'))]`, costly},
		{`[filter(variables('a59'), lambda('x', equals(lambdaVariables('x'), variables('b58'))))]`, costly},
		// Deduplication and merging.
		{`[union(variables('a59'), variables('b59'))]`, large},
		{`[union(variables('o59'), variables('o59'))]`, costly},
		{`[distinct(variables('a59'))]`, large},
		{`[intersection(variables('a59'), variables('b59'))]`, costly},
		{`[intersection(variables('o59'), variables('o59'))]`, costly},
		// Lambdas that serialise each item.
		{`[map(variables('a59'), lambda('x', string(lambdaVariables('x'))))]`, "[?(" + tooLarge + "),?(" + tooLarge + ")]"},
		{`[toObject(variables('a59'), lambda('x', string(lambdaVariables('x'))))]`, large},
		{`[groupBy(variables('a59'), lambda('x', string(lambdaVariables('x'))))]`, large},
		{`[mapValues(variables('o59'), lambda('v', length(string(lambdaVariables('v')))))]`, `{"x":` + "?(" + tooLarge + `),"y":?(` + tooLarge + ")}"},
		{`[reduce(variables('a59'), '', lambda('s', 'x', concat(lambdaVariables('s'), string(lambdaVariables('x')))))]`, large},
		{`[sort(variables('a59'), lambda('p', 'q', less(length(string(lambdaVariables('p'))), 0)))]`, large},
		// One expression can build such a tree too.
		{`[string(reduce(range(0, 59), createArray(1), lambda('a', 'i', createArray(lambdaVariables('a'), lambdaVariables('a')))))]`, large},
		{`[equals(reduce(range(0, 59), createObject('k', 1), lambda('o', 'i', createObject('x', lambdaVariables('o'), 'y', lambdaVariables('o')))), variables('o59'))]`, costly},
	}
	for _, tt := range tests {
		if got := describeShallow(eval(t, env, tt.expr)); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.expr, got, tt.want)
		}
	}
}

// TestDoublingValuesKept checks the functions that take a tree that shares
// its parts without descending into it: they are as quick as on any value.
func TestDoublingValuesKept(t *testing.T) {
	env := doublingEnv(model.ScopeSubscription)
	tests := []struct{ expr, want string }{
		{`[length(variables('a59'))]`, "2"},
		{`[empty(variables('o59'))]`, "false"},
		{`[length(coalesce(null(), variables('a59')))]`, "2"},
		{`[length(first(variables('a59')))]`, "2"},
		{`[length(last(variables('a59')))]`, "2"},
		{`[length(concat(variables('a59'), variables('a59')))]`, "4"},
		{`[length(createObject('k', variables('a59')))]`, "1"},
		{`[length(items(variables('o59')))]`, "2"},
		{`[objectKeys(variables('o59'))]`, `["x","y"]`},
		{`[length(shallowMerge(createArray(variables('o59'), variables('o59'))))]`, "2"},
		{`[length(tryGet(variables('o59'), 'x', 'y'))]`, "2"},
		{`[join(variables('a59'), ',')]`, "unknown: join takes an array of strings, got an array in it"},
		{`[length(map(variables('a59'), lambda('x', lambdaVariables('x'))))]`, "2"},
	}
	for _, tt := range tests {
		if got := describeShallow(eval(t, env, tt.expr)); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.expr, got, tt.want)
		}
	}
}

// describeShallow describes a value whose items and members are unknown or
// scalars, and names any deeper one by its size only.
func describeShallow(v model.Value) string {
	for _, it := range append(v.Items(), v.Values()...) {
		if it.Kind() == model.Array || it.Kind() == model.Object {
			return fmt.Sprintf("%s of %d", v.Kind(), v.Len())
		}
	}
	return describe(v)
}

// TestLinearScans evaluates, many times over, functions that read a whole
// argument however small the expression: a string of a megabyte, an array
// or an object of 100,000 items. Each reading is charged to the budget, so
// the evaluation stops instead of reading 100,000 megabytes.
func TestLinearScans(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	s := model.StringValue(strings.Repeat("x", maxStringLen), at(1, 2))
	empties, ints := make([]model.Value, maxItems), make([]model.Value, maxItems)
	members := make(model.Members, maxItems)
	for i := range maxItems {
		empties[i] = model.StringValue("", at(3, 4))
		ints[i] = model.IntValue(int64(i), at(5, 6))
		members[i] = model.Member{Key: fmt.Sprintf("k%d", i), Value: ints[i]}
	}
	env.vars["s"] = s
	env.vars["empties"] = model.ArrayValue(empties, at(3, 4))
	env.vars["ints"] = model.ArrayValue(ints, at(5, 6))
	env.vars["big"] = model.ObjectValue(members, at(7, 8))
	const costly = "unknown: " + tooCostly
	for _, body := range []string{
		`length(variables('s'))`,
		`first(variables('s'))`,
		`indexOf(variables('s'), 'y')`,
		`contains(variables('s'), 'y')`,
		`endsWith(variables('s'), 'y')`,
		`less(variables('s'), variables('s'))`,
		`guid(variables('s'))`,
		`split(variables('s'), 'y')`,
		`replace(variables('s'), 'y', 'z')`,
		`join(variables('empties'), '')`,
		`max(variables('ints'))`,
		`variables('big').k0`,
		`variables('big')['k0']`,
		`contains(variables('big'), 'k0')`,
		`tryGet(variables('big'), 'k0')`,
	} {
		expr := "[string(map(range(0, 100000), lambda('i', " + body + ")))]"
		if got := describe(eval(t, env, expr)); got != costly {
			t.Errorf("%s = %.80s, want %s", expr, got, costly)
		}
	}
}
