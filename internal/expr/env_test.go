package expr

import (
	"fmt"
	"go/token"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// testEnv is a map-backed Env. Names are compared without regard to case,
// as the ARM loader compares them.
type testEnv struct {
	params map[string]model.Value
	vars   map[string]model.Value
	index  map[string]int
	ctx    *Context
	budget *Budget             // nil: each Eval has a budget of its own
	funcs  map[string]testFunc // by lower-case namespace.name
}

// testFunc is a user-defined function: its output is body, parsed at
// funcBase, evaluated with parameters() bound to the arguments.
type testFunc struct {
	params []string
	body   string
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

func (e *testEnv) Budget() *Budget { return e.budget }

func (e *testEnv) Function(namespace, name string, args []model.Value) (model.Value, bool) {
	f, ok := e.funcs[strings.ToLower(namespace+"."+name)]
	if !ok {
		return model.Value{}, false
	}
	if len(args) != len(f.params) {
		return model.UnknownValue("wrong number of arguments", model.Span{}), true
	}
	inner := &testEnv{params: map[string]model.Value{}, ctx: e.ctx, budget: e.budget, funcs: e.funcs}
	for i, p := range f.params {
		inner.params[strings.ToLower(p)] = args[i]
	}
	n, err := Parse(f.body, func(i int) token.Pos { return token.Pos(funcBase + i) })
	if err != nil {
		return model.UnknownValue(err.Msg, model.Span{}), true
	}
	return Eval(inner, n), true
}

// newEvaluator returns an evaluator with the budget of one Eval, for the
// functions of the evaluator that tests call directly.
func newEvaluator() *evaluator {
	ev := &evaluator{own: Budget{left: maxWork}}
	ev.left = &ev.own.left
	return ev
}

// base is the position of offset 0 of an expression in tests; spans are
// reported as offsets from it.
const base = 1000

// funcBase is the position of offset 0 of the body of a user-defined
// function of the test env.
const funcBase = 5000

func offsets(i int) token.Pos { return token.Pos(base + i) }

// at is a span of the pretend parameters file the values of the test env
// are written in; its positions are below base.
func at(start, end int) model.Span {
	return model.Span{StartPos: token.Pos(start), EndPos: token.Pos(end)}
}

func str(s string, start int) model.Value { return model.StringValue(s, at(start, start+len(s)+2)) }

func newTestEnv(scope model.ScopeKind) *testEnv {
	auth := func(principal, role string, start int) model.Value {
		return model.ObjectValue(model.Members{
			{Key: "principalId", Value: str(principal, start)},
			{Key: "roleDefinitionId", Value: str(role, start+100)},
		}, at(start-10, start+200))
	}
	return &testEnv{
		params: map[string]model.Value{
			"offer":   str("Contoso ops", 10),
			"rgs":     model.ArrayValue([]model.Value{model.ObjectValue(model.Members{{Key: "rgName", Value: str("rg-app", 40)}}, at(30, 60))}, at(20, 70)),
			"count":   model.IntValue(3, at(80, 81)),
			"flag":    model.BoolValue(true, at(90, 94)),
			"tags":    model.ObjectValue(model.Members{{Key: "Env", Value: str("prod", 110)}, {Key: "team", Value: str("ops", 130)}}, at(100, 150)),
			"nothing": model.UnknownValue(`parameter "nothing" has no value`, at(160, 170)),
			"authorizations": model.ArrayValue([]model.Value{
				auth("11111111-1111-1111-1111-111111111111", "acdd72a7-3385-48ef-bd42-f606fba81ae7", 200),
				auth("22222222-2222-2222-2222-222222222222", "b24988ac-6180-42a0-ab88-20f7382dd24c", 500),
			}, at(190, 800)),
			"empty":  model.ArrayValue(nil, at(900, 902)),
			"null":   model.NullValue(at(910, 914)),
			"nested": model.ObjectValue(model.Members{{Key: "a", Value: model.ObjectValue(model.Members{{Key: "b", Value: model.UnknownValue("reference() is evaluated at deployment time", at(930, 940))}}, at(925, 945))}}, at(920, 950)),
		},
		vars: map[string]model.Value{
			"prefix":              str("msp-", 960),
			"mspregistrationname": str("Contoso ops", 970),
		},
		index: map[string]int{"": 0, "loop": 2},
		ctx:   NewContext(scope, model.Value{}, model.Value{}),
	}
}

// eval parses and evaluates s, failing the test when s does not parse.
func eval(t testing.TB, env Env, s string) model.Value {
	t.Helper()
	n, err := Parse(s, offsets)
	if err != nil {
		t.Fatalf("Parse(%s): %s at %d-%d", s, err.Msg, int(err.Pos())-base, int(err.End())-base)
	}
	return Eval(env, n)
}

// describe writes a value compactly for comparison: strings as text,
// symbolic strings with a "symbolic " prefix, unknowns with their reason,
// containers as JSON with unknown members written ?(reason).
func describe(v model.Value) string {
	switch v.Kind() {
	case model.Unknown:
		return "unknown: " + v.Reason()
	case model.String:
		if v.IsSymbolic() {
			return "symbolic " + v.Text()
		}
		return v.Text()
	}
	var b strings.Builder
	describeJSON(&b, v)
	return b.String()
}

func describeJSON(b *strings.Builder, v model.Value) {
	switch v.Kind() {
	case model.Unknown:
		fmt.Fprintf(b, "?(%s)", v.Reason())
	case model.Missing:
		b.WriteString("missing")
	case model.String:
		if v.IsSymbolic() {
			b.WriteString("$")
		}
		b.WriteString(strconv.Quote(v.Text()))
	case model.Array:
		b.WriteByte('[')
		for i, it := range v.Items() {
			if i > 0 {
				b.WriteByte(',')
			}
			describeJSON(b, it)
		}
		b.WriteByte(']')
	case model.Object:
		b.WriteByte('{')
		for i, m := range v.Members() {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(b, "%q:", m.Key)
			describeJSON(b, m.Value)
		}
		b.WriteByte('}')
	default:
		writeScalarJSON(b, v)
	}
}

// spanOf writes a span as offsets from base, or as the raw positions of the
// test env's values, which are below base.
func spanOf(s model.Span) string {
	if s.Pos() >= funcBase {
		return fmt.Sprintf("fn:%d-%d", s.Pos()-funcBase, s.End()-funcBase)
	}
	if s.Pos() >= base {
		return fmt.Sprintf("%d-%d", s.Pos()-base, s.End()-base)
	}
	return fmt.Sprintf("env:%d-%d", s.Pos(), s.End())
}

// TestEvalLit holds EvalLit to Eval of the same literal, with every state
// of a deployment's budget.
func TestEvalLit(t *testing.T) {
	span := model.Span{StartPos: 10, EndPos: 14}
	values := []model.Value{
		model.StringValue("x", model.Span{StartPos: 10, EndPos: 13}),
		model.StringValue("placed", model.Span{}),
		model.Value{},
		model.UnknownValue("not known", span),
	}
	for _, left := range []int{-1, 0, 1, 2, maxWork - 1, maxWork, maxWork + 1} {
		for _, v := range values {
			evalBudget, litBudget := NewBudget(left), NewBudget(left)
			want := Eval(&testEnv{budget: evalBudget}, &Lit{Span: span, Value: v})
			got := EvalLit(&testEnv{budget: litBudget}, &Lit{Span: span, Value: v})
			if !reflect.DeepEqual(got, want) || *litBudget != *evalBudget {
				t.Errorf("budget %d, %v: EvalLit = %v (budget left %d), Eval = %v (%d)", left, v, got, litBudget.left, want, evalBudget.left)
			}
		}
	}
	for _, v := range values {
		if got, want := EvalLit(nil, &Lit{Span: span, Value: v}), Eval(nil, &Lit{Span: span, Value: v}); !reflect.DeepEqual(got, want) {
			t.Errorf("no env, %v: EvalLit = %v, Eval = %v", v, got, want)
		}
	}
}
