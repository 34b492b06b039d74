package expr

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// lambda is a lambda('a', ['b', …] body) argument of filter, map and the
// other lambda functions. Inside the body, lambdaVariables('a') is the value
// bound to a.
type lambda struct {
	params []string
	body   Node
}

// lambdaArg reads argument n of the lambda function f as a lambda with lo
// to hi parameters.
func (ev *evaluator) lambdaArg(f *function, c *Call, n, lo, hi int) (lambda, model.Value, bool) {
	l, ok := c.Args[n].(*Call)
	if !ok || l == nil || l.Namespace != "" || !equalFoldASCII(l.Name, "lambda") {
		return lambda{}, unknownf(c.Span, "%s takes a lambda as argument %d", f.name, n+1), false
	}
	if len(l.Args) < 2 {
		return lambda{}, unknownf(l.Span, "lambda takes parameter names and a body"), false
	}
	var lam lambda
	for _, a := range l.Args[:len(l.Args)-1] {
		v := ev.eval(a)
		name, ok := v.Str()
		if !ok {
			return lambda{}, unknownf(l.Span, "lambda takes string parameter names, got %s", v.Kind().Article()), false
		}
		lam.params = append(lam.params, name)
	}
	if len(lam.params) < lo || len(lam.params) > hi {
		want := plural(lo, "parameter")
		if hi > lo {
			want = fmt.Sprintf("%d to %d parameters", lo, hi)
		}
		return lambda{}, unknownf(l.Span, "the lambda of %s takes %s, got %d", f.name, want, len(lam.params)), false
	}
	lam.body = l.Args[len(l.Args)-1]
	return lam, model.Value{}, true
}

// apply evaluates the body of l with its parameters bound to args; a
// parameter without an argument is not bound, and extra arguments (such as
// the index map passes) are not used.
func (ev *evaluator) apply(l lambda, args ...model.Value) model.Value {
	base := len(ev.lambdas)
	for i, p := range l.params {
		if i < len(args) {
			ev.lambdas = append(ev.lambdas, lambdaVar{name: p, value: args[i]})
		}
	}
	v := ev.eval(l.body)
	clear(ev.lambdas[base:])
	ev.lambdas = ev.lambdas[:base]
	return v
}

// operand evaluates argument n of a lambda function, which must be of kind k.
func (ev *evaluator) operand(f *function, c *Call, n int, k model.Kind) (model.Value, bool) {
	v := ev.eval(c.Args[n])
	if v.IsUnknown() {
		return model.UnknownValue(v.Reason(), c.Span), false
	}
	if v.Kind() != k {
		return unknownf(c.Span, "%s takes %s, got %s", f.name, k.Article(), v.Kind().Article()), false
	}
	return v, true
}

const tooCostly = "the expression is too costly to evaluate"

// evalLambdaCall evaluates filter, map, reduce, sort, toObject, groupBy and
// mapValues.
func (ev *evaluator) evalLambdaCall(f *function, c *Call) model.Value {
	first := model.Array
	if f.name == "mapValues" {
		first = model.Object
	}
	in, ok := ev.operand(f, c, 0, first)
	if !ok {
		return in
	}
	items := in.Items()
	if !ev.charge(len(items)) {
		return unknownf(c.Span, tooCostly)
	}
	index := func(i int) model.Value { return model.IntValue(int64(i), c.Span) }
	switch f.name {
	case "map":
		lam, bad, ok := ev.lambdaArg(f, c, 1, 1, 2)
		if !ok {
			return bad
		}
		out := make([]model.Value, len(items))
		for i, it := range items {
			out[i] = ev.apply(lam, it, index(i))
		}
		return model.ArrayValue(out, c.Span)
	case "filter":
		lam, bad, ok := ev.lambdaArg(f, c, 1, 1, 2)
		if !ok {
			return bad
		}
		var out []model.Value
		for i, it := range items {
			keep, bad, ok := ev.predicate(f, c, ev.apply(lam, it, index(i)))
			if !ok {
				return bad
			}
			if keep {
				out = append(out, it)
			}
		}
		return model.ArrayValue(out, c.Span)
	case "reduce":
		lam, bad, ok := ev.lambdaArg(f, c, 2, 2, 3)
		if !ok {
			return bad
		}
		acc := ev.eval(c.Args[1])
		for i, it := range items {
			if acc.IsUnknown() {
				break
			}
			acc = ev.apply(lam, acc, it, index(i))
		}
		if acc.IsUnknown() {
			return model.UnknownValue(acc.Reason(), c.Span)
		}
		return acc
	case "sort":
		lam, bad, ok := ev.lambdaArg(f, c, 1, 2, 2)
		if !ok {
			return bad
		}
		out := slices.Clone(items)
		var failed model.Value
		slices.SortStableFunc(out, func(a, b model.Value) int {
			if failed.IsUnknown() {
				return 0
			}
			less, bad, ok := ev.predicate(f, c, ev.apply(lam, a, b))
			switch {
			case !ok:
				failed = bad
			case less:
				return -1
			}
			return 0
		})
		if failed.IsUnknown() {
			return failed
		}
		return model.ArrayValue(out, c.Span)
	case "toObject", "groupBy":
		keyOf, bad, ok := ev.lambdaArg(f, c, 1, 1, 1)
		if !ok {
			return bad
		}
		var valueOf *lambda
		if len(c.Args) == 3 {
			l, bad, ok := ev.lambdaArg(f, c, 2, 1, 1)
			if !ok {
				return bad
			}
			valueOf = &l
		}
		var members model.Members
		at := map[string]int{}
		for _, it := range items {
			k := ev.apply(keyOf, it)
			key, ok := k.Str()
			if !ok {
				if k.IsUnknown() {
					return model.UnknownValue(k.Reason(), c.Span)
				}
				return unknownf(c.Span, "the key lambda of %s must return a string known before deployment, got %s", f.name, k.Kind().Article())
			}
			v := it
			if valueOf != nil {
				v = ev.apply(*valueOf, it)
			}
			i, seen := at[strings.ToLower(key)]
			switch {
			case f.name == "groupBy" && seen:
				group := members[i].Value
				members[i].Value = model.ArrayValue(append(group.Items(), v), c.Span)
			case f.name == "groupBy":
				at[strings.ToLower(key)] = len(members)
				members = append(members, model.Member{Key: key, KeySpan: k.Span, Value: model.ArrayValue([]model.Value{v}, c.Span)})
			case seen:
				members[i] = model.Member{Key: key, KeySpan: k.Span, Value: v}
			default:
				at[strings.ToLower(key)] = len(members)
				members = append(members, model.Member{Key: key, KeySpan: k.Span, Value: v})
			}
		}
		return model.ObjectValue(members, c.Span)
	case "mapValues":
		lam, bad, ok := ev.lambdaArg(f, c, 1, 1, 1)
		if !ok {
			return bad
		}
		if !ev.charge(in.Len()) {
			return unknownf(c.Span, tooCostly)
		}
		members := make(model.Members, 0, in.Len())
		vals := in.Values()
		for i, m := range in.Members() {
			members = append(members, model.Member{Key: m.Key, KeySpan: m.KeySpan, Value: ev.apply(lam, vals[i])})
		}
		return model.ObjectValue(members, c.Span)
	}
	return unknownf(c.Span, "lhlint does not evaluate %s()", f.name)
}

// predicate reads the bool a filter or sort lambda returns.
func (ev *evaluator) predicate(f *function, c *Call, v model.Value) (bool, model.Value, bool) {
	b, ok := v.Bool()
	if ok {
		return b, model.Value{}, true
	}
	if v.IsUnknown() {
		return false, model.UnknownValue(v.Reason(), c.Span), false
	}
	return false, unknownf(c.Span, "the lambda of %s must return a bool, got %s", f.name, v.Kind().Article()), false
}
