package expr

import (
	"fmt"
	"sync"

	"github.com/lhlint/lhlint/internal/model"
)

// Bounds on what one evaluation may build or do, so that a hostile template
// cannot exhaust memory or time. Azure's own limits are lower for most of
// them; a value beyond a bound is unknown, never an error.
const (
	maxStringLen = 1 << 20 // bytes in a string value
	maxItems     = 100000  // items in an array, members in an object
	maxEvalDepth = 512     // nodes evaluated inside one another
	maxJSONDepth = 256     // nesting of a json() argument
	maxWork      = 2000000 // work units of one Eval (see Budget)
)

const tooLarge = "value too large to evaluate"

// Eval evaluates n in env with Azure's semantics. It never fails and never
// panics: what cannot be known statically is an unknown value with the
// reason, spanned at the expression that could not be evaluated.
//
// Function results are spanned at their call, literals where they are
// written, and values taken from parameters, variables and containers keep
// the span where they are written; parameters() and variables() add a hop at
// the call.
//
// Its work is charged to env's Budget, and one Eval spends at most
// 2,000,000 units of it.
func Eval(env Env, n Node) model.Value {
	if env == nil {
		env = noEnv{}
	}
	ev := evaluators.Get().(*evaluator)
	ev.env, ev.depth = env, 0
	ev.left, ev.floor = &ev.own.left, 0
	ev.own.left = maxWork
	if b := env.Budget(); b != nil {
		ev.left, ev.floor = &b.left, max(b.left-maxWork, 0)
	}
	v := ev.eval(n)
	ev.env, ev.left = nil, nil
	evaluators.Put(ev)
	return v
}

// EvalLit is Eval of a literal, lit, without an evaluator: a front-end
// evaluates every plain string and key of a file, and each is a unit of
// the deployment's work, as in Eval.
func EvalLit(env Env, lit *Lit) model.Value {
	if env != nil {
		if b := env.Budget(); b != nil {
			// Eval's floor is max(left-maxWork, 0): with one unit to
			// spend, only an empty budget is spent.
			if b.left--; b.left < 0 {
				return model.UnknownValue("the expression is too costly to evaluate", nodeSpan(lit))
			}
		}
	}
	switch v := lit.Value; {
	case v.IsMissing():
		return model.UnknownValue("the value is missing", nodeSpan(lit))
	case !v.IsValid():
		return v.WithSpan(nodeSpan(lit))
	default:
		return v
	}
}

// Budget is the work that the evaluations of one deployment may do
// together, so that writing a costly expression many times, or in a copy
// loop, does not multiply what one evaluation may cost. A unit of work is
// a node evaluated, a node of a value visited (serialised, compared,
// searched), a member compared in a lookup, an item or member built, or 64
// bytes of a string read or built. When it is spent, what is left to
// evaluate is unknown.
type Budget struct{ left int }

// NewBudget returns a budget of units of work.
// The bounds of the evaluation of one deployment, which its front-end
// enforces over all the expressions it evaluates, so that a hostile file
// costs bounded time and memory in every language.
const (
	// MaxDeploymentWork is the work of all expressions of one deployment:
	// twice what one Eval may do, so that a costly expression leaves the
	// others their due, and small enough that what they build stays in a
	// few hundred megabytes.
	MaxDeploymentWork = 2 * maxWork
	// MaxDeploymentSteps is the number of values a front-end evaluates for
	// one deployment.
	MaxDeploymentSteps = 500000
)

func NewBudget(units int) *Budget { return &Budget{left: units} }

// evaluators are reused: an evaluator is large, and Eval runs for every
// expression of every template. One that is put back holds no values: call
// and apply clear what they push.
var evaluators = sync.Pool{New: func() any {
	ev := &evaluator{}
	ev.stack = ev.stackBuf[:0]
	return ev
}}

type evaluator struct {
	env      Env
	depth    int
	left     *int          // work units left in the budget
	floor    int           // what this evaluation must leave of the budget
	own      Budget        // the budget of an evaluation whose Env has none
	stack    []model.Value // evaluated arguments of the calls in progress
	stackBuf [8]model.Value
	lambdas  []lambdaVar // lambda variables in scope, innermost last
}

type lambdaVar struct {
	name  string
	value model.Value
}

// noEnv is the environment of an Eval given none: it declares nothing.
type noEnv struct{}

func (noEnv) Parameter(string) (model.Value, bool) { return model.Value{}, false }
func (noEnv) Variable(string) (model.Value, bool)  { return model.Value{}, false }
func (noEnv) CopyIndex(string) (int, bool)         { return 0, false }
func (noEnv) Context() *Context                    { return nil }
func (noEnv) Budget() *Budget                      { return nil }

func (noEnv) Function(string, string, []model.Value) (model.Value, bool) {
	return model.Value{}, false
}

func unknownf(span model.Span, format string, args ...any) model.Value {
	return model.UnknownValue(fmt.Sprintf(format, args...), span)
}

func nodeSpan(n Node) model.Span { return model.Span{StartPos: n.Pos(), EndPos: n.End()} }

// charge spends n work units and reports whether any were left.
func (ev *evaluator) charge(n int) bool {
	*ev.left -= n
	return !ev.spent()
}

// spent reports whether the evaluation has done all the work it may.
func (ev *evaluator) spent() bool { return *ev.left < ev.floor }

// textCost is what reading or building a text costs: a unit per 64 bytes.
// A function may read its string arguments whole (to search, hash or count
// them), however few nodes the expression has.
func textCost(s string) int { return len(s) >> 6 }

// lookupCharge charges looking a key up in object x: the keys are
// compared one by one.
func (ev *evaluator) lookupCharge(x model.Value) bool { return ev.charge(x.Len()) }

// eval evaluates n. A value that has no place of its own, such as a member
// of subscription(), is placed at the expression that produced it.
func (ev *evaluator) eval(n Node) model.Value {
	if isNilNode(n) {
		return model.UnknownValue("the expression is empty", model.Span{})
	}
	if ev.depth >= maxEvalDepth {
		return model.UnknownValue("the expression nests too deeply to evaluate", nodeSpan(n))
	}
	if !ev.charge(1) {
		return model.UnknownValue("the expression is too costly to evaluate", nodeSpan(n))
	}
	ev.depth++
	v := ev.evalNode(n)
	ev.depth--
	switch {
	case v.IsMissing():
		v = model.UnknownValue("the value is missing", nodeSpan(n))
	case !v.IsValid():
		v = v.WithSpan(nodeSpan(n))
	}
	return v
}

// isNilNode reports a nil node, or a nil pointer in a Node, which a front
// end lowering into these nodes could pass by mistake.
func isNilNode(n Node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *Lit:
		return n == nil
	case *Call:
		return n == nil
	case *Member:
		return n == nil || isNilNode(n.X)
	case *Index:
		return n == nil || isNilNode(n.X) || isNilNode(n.Index)
	}
	return false
}

func (ev *evaluator) evalNode(n Node) model.Value {
	switch n := n.(type) {
	case *Lit:
		return n.Value
	case *Member:
		return ev.member(n)
	case *Index:
		return ev.index(n)
	case *Call:
		return ev.call(n)
	}
	return model.UnknownValue("the expression is not one lhlint evaluates", nodeSpan(n))
}

// member evaluates X.Name. ARM compares property names without regard to case.
func (ev *evaluator) member(n *Member) model.Value {
	x := ev.eval(n.X)
	switch x.Kind() {
	case model.Unknown:
		return x
	case model.Object:
		if !ev.lookupCharge(x) {
			return unknownf(n.Span, tooCostly)
		}
		if m, ok := x.Key(n.Name); ok {
			return m.Value
		}
		return unknownf(n.Span, "the object has no property %q", n.Name)
	case model.Null:
		return unknownf(n.Span, "cannot read property %q of null", n.Name)
	}
	return unknownf(n.Span, "cannot read property %q of %s", n.Name, x.Kind().Article())
}

// index evaluates X[Index]: an array by integer, an object by key.
func (ev *evaluator) index(n *Index) model.Value {
	x := ev.eval(n.X)
	if x.IsUnknown() {
		return x
	}
	i := ev.eval(n.Index)
	if i.IsUnknown() {
		return model.UnknownValue(i.Reason(), n.Span)
	}
	switch x.Kind() {
	case model.Array:
		k, ok := i.Int()
		if !ok {
			return unknownf(n.Span, "an array index must be an integer, got %s", i.Kind().Article())
		}
		if v, ok := x.Index(int(min(max(k, -1), int64(maxItems)))); ok {
			return v
		}
		return unknownf(n.Span, "index %d is out of range: the array has %s", k, plural(x.Len(), "item"))
	case model.Object:
		key, ok := i.Str()
		if !ok {
			if i.IsSymbolic() {
				return unknownf(n.Span, "the property name %s is known only at deployment time", i.Text())
			}
			return unknownf(n.Span, "an object index must be a string, got %s", i.Kind().Article())
		}
		if !ev.lookupCharge(x) {
			return unknownf(n.Span, tooCostly)
		}
		if m, ok := x.Key(key); ok {
			return m.Value
		}
		return unknownf(n.Span, "the object has no property %q", key)
	case model.Null:
		return unknownf(n.Span, "cannot index null")
	}
	return unknownf(n.Span, "cannot index %s", x.Kind().Article())
}

// call evaluates a function call. Built-in names compare case-insensitively.
func (ev *evaluator) call(c *Call) model.Value {
	if c.Namespace != "" {
		return ev.userCall(c)
	}
	f := lookup(c.Name)
	if f == nil {
		if len(c.Name) > 4 && equalFoldASCII(c.Name[:4], "list") {
			return unknownf(c.Span, "%s() is evaluated at deployment time", c.Name)
		}
		return unknownf(c.Span, "unknown function %q", c.Name)
	}
	if len(c.Args) < f.min || f.max >= 0 && len(c.Args) > f.max {
		return unknownf(c.Span, "%s takes %s, got %d", f.name, arity(f.min, f.max), len(c.Args))
	}
	if f.special != eager {
		return ev.special(f, c)
	}
	base := len(ev.stack)
	for _, a := range c.Args {
		v := ev.eval(a)
		if !v.IsUnknown() && !ev.charge(textCost(v.Text())) {
			v = unknownf(c.Span, tooCostly)
		}
		if v.IsUnknown() {
			clear(ev.stack[base:])
			ev.stack = ev.stack[:base]
			return model.UnknownValue(v.Reason(), c.Span)
		}
		ev.stack = append(ev.stack, v)
	}
	end := len(ev.stack)
	v := f.fn(call{ev: ev, f: f, span: c.Span, args: ev.stack[base:end:end]})
	clear(ev.stack[base:])
	ev.stack = ev.stack[:base]
	return v
}

// special evaluates the functions that decide themselves which arguments to
// evaluate, and when.
func (ev *evaluator) special(f *function, c *Call) model.Value {
	switch f.special {
	case deployTime:
		return unknownf(c.Span, "%s() is evaluated at deployment time", f.name)
	case notEvaluated:
		return unknownf(c.Span, "lhlint does not evaluate %s()", f.name)
	case lazyIf:
		return ev.evalIf(c)
	case lazyAnd:
		return ev.evalAndOr(c, true)
	case lazyOr:
		return ev.evalAndOr(c, false)
	case lazyCoalesce:
		return ev.evalCoalesce(c)
	case lambdaCall:
		return ev.evalLambdaCall(f, c)
	case lambdaAlone:
		return unknownf(c.Span, "lambda() is allowed only as an argument of filter, groupBy, map, mapValues, reduce, sort or toObject")
	}
	return unknownf(c.Span, "lhlint does not evaluate %s()", f.name)
}

// lookup returns the built-in function name, ignoring case, or nil.
func lookup(name string) *function {
	if f, ok := functions[name]; ok {
		return f
	}
	var buf [32]byte
	if len(name) > len(buf) {
		return nil
	}
	b := buf[:len(name)]
	for i := range len(name) {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return functions[string(b)]
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

func arity(lo, hi int) string {
	switch {
	case lo == hi:
		return plural(lo, "argument")
	case hi < 0:
		return "at least " + plural(lo, "argument")
	case lo == 0:
		return "at most " + plural(hi, "argument")
	}
	return fmt.Sprintf("%d to %d arguments", lo, hi)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
