package expr

import (
	"strings"
	"testing"
	"time"

	"github.com/lhlint/lhlint/internal/model"
)

// TestSpansAndHops checks where values are placed: function results at
// their call, literals where they are written, values from parameters,
// variables and containers where they are written, with a hop at the
// parameters() or variables() call.
func TestSpansAndHops(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	tests := []struct {
		expr, span string
		hops       []string
	}{
		{`[parameters('offer')]`, "env:10-23", []string{"1-20"}},
		{`[variables('prefix')]`, "env:960-966", []string{"1-20"}},
		{`[parameters('authorizations')[0].roleDefinitionId]`, "env:300-338", []string{"1-29"}},
		{`[parameters('authorizations')[1]]`, "env:490-700", []string{"1-29"}},
		{`[first(parameters('rgs'))]`, "env:30-60", []string{"7-24"}},
		{`[coalesce(parameters('null'), parameters('offer'))]`, "env:10-23", []string{"30-49"}},
		{`[if(true(), parameters('offer'), 'b')]`, "env:10-23", []string{"12-31"}},
		{`[tryGet(parameters('tags'), 'team')]`, "env:130-135", []string{"8-26"}},
		{`[map(parameters('rgs'), lambda('r', lambdaVariables('r').rgName))[0]]`, "env:40-48", []string{"5-22"}},
		{`[parameters('nested').a.b]`, "env:930-940", []string{"1-21"}},
		{`[items(parameters('tags'))[0].value]`, "env:110-116", []string{"7-25"}},
		{`[union(parameters('tags'), createObject('x', 1)).team]`, "env:130-135", []string{"7-25"}},
		{`[shallowMerge(createArray(parameters('tags'))).env]`, "env:110-116", []string{"26-44"}},
		{`[mapValues(parameters('tags'), lambda('v', lambdaVariables('v'))).team]`, "env:130-135", []string{"11-29"}},
		{`[parameters('nothing')]`, "env:160-170", []string{"1-22"}},
		{`[concat('ab', 'cd')]`, "1-19", nil},
		{`[concat('x', parameters('nothing'))]`, "1-35", nil},
		{`[createArray('x', 'yz')[1]]`, "18-22", nil},
		{`[json('{"a": 1}').a]`, "1-17", nil},
		{`[subscription().tenantId]`, "1-24", nil},
		{`[subscription()]`, "1-15", nil},
		{`[resourceId('T/t', parameters('offer'))]`, "1-39", nil},
		{`['lit']`, "1-6", nil},
		{`[parameters('tags').missing]`, "1-27", []string{}},
		{`[reference('x').outputs]`, "1-15", nil},
	}
	for _, tt := range tests {
		v := eval(t, env, tt.expr)
		var hops []string
		for _, h := range v.Via() {
			hops = append(hops, spanOf(h.Span))
			if h.Note != flowsThrough {
				t.Errorf("%s: hop note %q", tt.expr, h.Note)
			}
		}
		if got := spanOf(v.Span); got != tt.span || strings.Join(hops, " ") != strings.Join(tt.hops, " ") {
			t.Errorf("%s = %s at %s via %v, want at %s via %v", tt.expr, describe(v), got, hops, tt.span, tt.hops)
		}
	}
	obj := eval(t, env, `[createObject('k', 1)]`)
	if m := obj.Members(); len(m) != 1 || spanOf(m[0].KeySpan) != "14-17" || spanOf(m[0].Value.Span) != "19-20" {
		t.Errorf("createObject('k', 1) members %+v, want the key and value spanned where they are written", m)
	}
}

func TestValueBounds(t *testing.T) {
	env := newTestEnv(model.ScopeSubscription)
	x := "'" + strings.Repeat("x", 100) + "'"
	grow := x
	for range 4 {
		grow = "replace(" + grow + ", 'x', " + x + ")"
	}
	deepJSON := strings.Repeat("[", 300) + strings.Repeat("]", 300)
	runEval(t, env, []evalCase{
		{"[" + grow + "]", "unknown: value too large to evaluate"},
		{"[length(string(range(0, 100000)))]", "588891"},
		{"[length(union(range(0, 100000), range(0, 100000)))]", "100000"},
		{"[concat(range(0, 60000), range(0, 60000))]", "unknown: value too large to evaluate"},
		{"[length(split(padLeft('', 1000000, ','), ','))]", "unknown: value too large to evaluate"},
		{"[json('" + deepJSON + "')]", `unknown: json cannot parse "` + strings.Repeat("[", 64) + `…": it nests too deeply`},
		{"[padLeft('', 1048577)]", "unknown: value too large to evaluate"},
		// Large objects and arrays are combined in linear time.
		{"[length(items(toObject(range(0, 50000), lambda('x', string(lambdaVariables('x'))))))]", "50000"},
		{"[equals(toObject(range(0, 50000), lambda('x', string(lambdaVariables('x')))), toObject(range(0, 50000), lambda('x', string(lambdaVariables('x')))))]", "true"},
		{"[length(union(toObject(range(0, 50000), lambda('x', string(lambdaVariables('x')))), toObject(range(0, 50000), lambda('x', string(lambdaVariables('x'))))))]", "50000"},
		{"[length(intersection(toObject(range(0, 50000), lambda('x', string(lambdaVariables('x')))), toObject(range(0, 50000), lambda('x', string(lambdaVariables('x'))))))]", "50000"},
		{"[length(intersection(range(0, 100000), range(50000, 100000)))]", "50000"},
		{"[length(distinct(concat(range(0, 50000), range(0, 50000))))]", "50000"},
		{"[indexOf(padLeft('b', 1000000, 'a'), padLeft('b', 500000, 'A'))]", "500000"},
		{"[length(split(padLeft('', 99999, ','), createArray(';', ',')))]", "100000"},
		{"[format('{0,1048577}', 1)]", "unknown: format item {0,1048577} is too wide to evaluate"},
	})
	start := time.Now()
	costly := eval(t, env, "[map(range(0, 100000), lambda('x', map(range(0, 100000), lambda('y', add(lambdaVariables('x'), lambdaVariables('y'))))))]")
	if u, ok := newEvaluator().findUnknown(costly); !ok || u.Reason() != tooCostly {
		t.Errorf("10^10 lambda calls = %.80s, want too costly", describe(costly))
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("10^10 lambda calls took %v before giving up", d)
	}
	// Nodes built by hand (as a front end lowering another syntax does) may
	// nest deeper than the parser allows.
	var n Node = &Lit{Value: model.IntValue(1, model.Span{})}
	for range 2000 {
		n = &Call{Name: "array", Args: []Node{n}}
	}
	if v := Eval(env, n); v.Reason() != "the expression nests too deeply to evaluate" {
		t.Errorf("2000 nested calls = %s, want the depth bound", describe(v))
	}
}
