package expr

import (
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// flowsThrough is the note of the hop parameters() and variables() add: a
// finding about the value lands where it is written, often a parameters
// file, with the expression as a related location.
const flowsThrough = "value flows through this expression"

func parameters(c call) model.Value {
	return c.declared("parameter", c.ev.env.Parameter)
}

func variables(c call) model.Value {
	return c.declared("variable", c.ev.env.Variable)
}

// declared looks up a parameter or variable by name.
func (c call) declared(what string, get func(string) (model.Value, bool)) model.Value {
	a := c.args[0]
	name, ok := a.Str()
	if !ok {
		if a.IsSymbolic() {
			return c.unknownf("the %s name %s is known only at deployment time", what, truncate(a.Text()))
		}
		return c.typeError("a "+what+" name", a)
	}
	v, ok := get(name)
	if !ok {
		return c.unknownf("template declares no %s %q", what, name)
	}
	return v.WithHop(c.span, flowsThrough)
}

// userCall evaluates a call of a user-defined function, namespace.name(args).
// Its arguments are passed to the function even when they are unknown, as
// the result may not depend on them. The result keeps the span where the
// function writes it, with a hop at the call, as a variable's does.
func (ev *evaluator) userCall(c *Call) model.Value {
	base := len(ev.stack)
	for _, a := range c.Args {
		ev.stack = append(ev.stack, ev.eval(a))
	}
	v, ok := ev.env.Function(c.Namespace, c.Name, ev.stack[base:])
	clear(ev.stack[base:])
	ev.stack = ev.stack[:base]
	if !ok {
		return unknownf(c.Span, "template declares no function %q", c.Namespace+"."+c.Name)
	}
	return v.WithHop(c.Span, flowsThrough)
}

// copyIndex returns the index of the current copy loop: copyIndex(),
// copyIndex(offset), copyIndex('loop') or copyIndex('loop', offset).
func copyIndex(c call) model.Value {
	loop, offset := "", int64(0)
	for i, a := range c.args {
		switch {
		case i == 0 && a.Kind() == model.String && !a.IsSymbolic():
			loop = a.Text()
		case a.Kind() == model.Int && (i == 1 || len(c.args) == 1):
			offset, _ = a.Int()
		default:
			return c.unknownf("copyIndex takes a loop name, an integer offset, or both")
		}
	}
	i, ok := c.ev.env.CopyIndex(loop)
	if !ok {
		return c.unknownf("the copy index is not known: the loop's count is not known")
	}
	r, problem := addInt(int64(i), offset)
	if problem != "" {
		return c.unknownf("copyIndex %s", problem)
	}
	return c.integer(r)
}

// contextObject builds subscription(), resourceGroup() and the other
// deployment-context functions from the Context of the environment.
func contextObject(name string, get func(*Context) model.Value) func(call) model.Value {
	return func(c call) model.Value {
		x := c.ev.env.Context()
		if x == nil {
			return c.unknownf("%s() is not known here: the deployment context is not known", name)
		}
		v := get(x)
		if v.IsMissing() {
			if x.Scope == model.ScopeUnknown {
				return c.unknownf("%s() is not available at this scope", name)
			}
			return c.unknownf("%s() is not available in a %s-scope template", name, strings.ReplaceAll(x.Scope.String(), " ", "-"))
		}
		return v.WithSpan(c.span)
	}
}

// lambdaVariables returns a variable of the lambdas being evaluated.
func lambdaVariables(c call) model.Value {
	a := c.args[0]
	name, ok := a.Str()
	if !ok {
		return c.typeError("a lambda variable name", a)
	}
	for i := len(c.ev.lambdas) - 1; i >= 0; i-- {
		if strings.EqualFold(c.ev.lambdas[i].name, name) {
			return c.ev.lambdas[i].value
		}
	}
	return c.unknownf("lambda variable %q is not defined here", name)
}
