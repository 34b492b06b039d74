package expr

import (
	"fmt"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// Bounds on what evaluation builds, so hostile templates cannot exhaust memory.
const (
	maxStringLen = 1 << 20
	maxItems     = 100000
	maxEvalDepth = 512
)

// Eval evaluates n in env with Azure's semantics. It never fails: what
// cannot be known statically is an unknown value with the reason.
func Eval(env Env, n Node) model.Value {
	ev := &evaluator{env: env}
	return ev.eval(n)
}

type evaluator struct {
	env   Env
	depth int
}

func unknownf(span model.Span, format string, args ...any) model.Value {
	return model.UnknownValue(fmt.Sprintf(format, args...), span)
}

// eval evaluates n. A value that has no place of its own, such as a member
// of subscription(), is placed at the expression that produced it.
func (ev *evaluator) eval(n Node) model.Value {
	v := ev.evalNode(n)
	if !v.IsValid() {
		v = v.WithSpan(model.Span{StartPos: n.Pos(), EndPos: n.End()})
	}
	return v
}

func (ev *evaluator) evalNode(n Node) model.Value {
	ev.depth++
	defer func() { ev.depth-- }()
	if ev.depth > maxEvalDepth {
		return model.UnknownValue("the expression nests too deeply to evaluate", model.Span{StartPos: n.Pos(), EndPos: n.End()})
	}
	switch n := n.(type) {
	case *Lit:
		return n.Value
	case *Member:
		x := ev.eval(n.X)
		switch x.Kind() {
		case model.Unknown:
			return x
		case model.Object:
			if m, ok := x.Key(n.Name); ok {
				return m.Value
			}
			return unknownf(n.Span, "the object has no property %q", n.Name)
		}
		return unknownf(n.Span, "cannot read property %q of a %s", n.Name, x.Kind())
	case *Index:
		return ev.index(n)
	case *Call:
		return ev.call(n)
	}
	return model.UnknownValue("unsupported expression", model.Span{StartPos: n.Pos(), EndPos: n.End()})
}

func (ev *evaluator) index(n *Index) model.Value {
	x := ev.eval(n.X)
	i := ev.eval(n.Index)
	if x.IsUnknown() {
		return x
	}
	if i.IsUnknown() {
		return model.UnknownValue(i.Reason(), n.Span)
	}
	switch x.Kind() {
	case model.Array:
		k, ok := i.Int()
		if !ok {
			return unknownf(n.Span, "an array index must be an integer, got %s", i.Kind())
		}
		if v, ok := x.Index(int(k)); ok {
			return v
		}
		return unknownf(n.Span, "index %d is out of range: the array has %d items", k, x.Len())
	case model.Object:
		key, ok := i.Str()
		if !ok {
			return unknownf(n.Span, "an object index must be a string, got %s", i.Kind())
		}
		if m, ok := x.Key(key); ok {
			return m.Value
		}
		return unknownf(n.Span, "the object has no property %q", key)
	}
	return unknownf(n.Span, "cannot index a %s", x.Kind())
}

func (ev *evaluator) call(c *Call) model.Value {
	if c.Namespace != "" {
		return unknownf(c.Span, "user-defined function %q is not evaluated", c.Namespace+"."+c.Name)
	}
	name := strings.ToLower(c.Name)
	if v, ok := ev.lazyCall(name, c); ok {
		return v
	}
	if strings.HasPrefix(name, "list") {
		return unknownf(c.Span, "%s() is evaluated at deployment time", c.Name)
	}
	f, ok := functions[name]
	if !ok {
		return unknownf(c.Span, "unknown function %q", c.Name)
	}
	args := make([]model.Value, len(c.Args))
	for i, a := range c.Args {
		args[i] = ev.eval(a)
	}
	if f.min > len(args) || (f.max >= 0 && len(args) > f.max) {
		return unknownf(c.Span, "%s takes %s, got %d", c.Name, arity(f.min, f.max), len(args))
	}
	if !f.takesUnknown {
		for _, a := range args {
			if a.IsUnknown() {
				return model.UnknownValue(a.Reason(), c.Span)
			}
		}
	}
	return f.fn(call{ev: ev, c: c, span: c.Span, args: args})
}

func arity(min, max int) string {
	switch {
	case min == max && min == 1:
		return "1 argument"
	case min == max:
		return fmt.Sprintf("%d arguments", min)
	case max < 0:
		return fmt.Sprintf("at least %d arguments", min)
	}
	return fmt.Sprintf("%d to %d arguments", min, max)
}

// call is one evaluated function call.
type call struct {
	ev   *evaluator
	c    *Call
	span model.Span
	args []model.Value
}

func (c call) unknownf(format string, args ...any) model.Value {
	return unknownf(c.span, format, args...)
}

// sym reports whether any argument is a symbolic string.
func (c call) sym() bool {
	for _, a := range c.args {
		if symbolicIn(a) {
			return true
		}
	}
	return false
}

func symbolicIn(v model.Value) bool {
	switch v.Kind() {
	case model.String:
		return v.IsSymbolic()
	case model.Array:
		for _, it := range v.Items() {
			if symbolicIn(it) {
				return true
			}
		}
	case model.Object:
		for _, m := range v.Members() {
			if symbolicIn(m.Value) {
				return true
			}
		}
	}
	return false
}

func (c call) str(s string) model.Value {
	if len(s) > maxStringLen {
		return c.unknownf("value too large to evaluate")
	}
	return model.StringValue(s, c.span).WithSymbolic(c.sym())
}

func (c call) strArg(i int) (string, bool) {
	if c.args[i].Kind() != model.String {
		return "", false
	}
	return c.args[i].Text(), true
}

// strArgs returns every argument as a string, or a reason.
func (c call) strArgs() ([]string, model.Value, bool) {
	out := make([]string, len(c.args))
	for i := range c.args {
		s, ok := c.strArg(i)
		if !ok {
			return nil, c.unknownf("%s takes strings, got %s", c.c.Name, c.args[i].Kind()), false
		}
		out[i] = s
	}
	return out, model.Value{}, true
}

func (c call) array(items []model.Value) model.Value {
	if len(items) > maxItems {
		return c.unknownf("value too large to evaluate")
	}
	return model.ArrayValue(items, c.span)
}

type function struct {
	min, max     int // max < 0: any number
	takesUnknown bool
	fn           func(call) model.Value
}
