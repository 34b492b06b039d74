package bicep

import (
	"fmt"
	"strings"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
)

// maxCallDepth bounds user-defined functions evaluated inside one
// another; the other bounds are model.MaxCopies and expr's deployment
// bounds, the same as the ARM loader's.
const maxCallDepth = 32

// Options are what a deployment gives a Bicep file besides its text.
type Options struct {
	// Params are the values a parameters file (.bicepparam or JSON) sets,
	// by parameter name. They are values, never expressions.
	Params map[string]model.Value
	// Resolve gives the references the lowering does not evaluate itself
	// (resources, modules, imports); nil leaves them unknown.
	Resolve Resolver
	// ReadFile reads a file that loadTextContent(), loadJsonContent() or
	// loadFileAsBase64() names, by its path as written (relative to the
	// template); nil leaves what they load unknown.
	ReadFile func(path string) ([]byte, error)
}

// Env is the evaluation environment of one .bicep file deployed with some
// parameter values: it lowers the file's expressions into internal/expr
// and implements expr.Env for them, so that Bicep and ARM are evaluated by
// the same functions with the same unknowns. Parameters take the given
// value or their default, variables are evaluated on first use, functions
// declared with func are evaluated with their arguments, and the deployment
// context follows targetScope.
type Env struct {
	file   *File
	syms   *declSymbols
	given  map[string]model.Value
	params map[string]slot // made by the first parameter read
	vars   map[string]slot // made by the first variable read
	ctx    *expr.Context   // nil until Context builds it
	scope  model.Scope
	low    *lowering
	own    lowering // what low points to
	shared *deployment
	fn     *Func         // the function whose body this Env evaluates
	args   []model.Value // its arguments
	// unset, when not nil, makes the parameters no parameters file sets
	// unknown, and collects their names (see unlessDefaults).
	unset *[]string
	// lit is the node of the literal being evaluated (see evalLit).
	lit expr.Lit
}

// deployment is what the Envs of one deployment share: the work left.
type deployment struct {
	budget *expr.Budget
	steps  int // values evaluated
	lower  int // nodes that may still be lowered
	calls  int // user-defined functions being evaluated, one inside another
	funcs  map[*Func]bool
}

// newDeployment returns what the Envs of a new deployment share.
func newDeployment() *deployment {
	return &deployment{budget: expr.NewBudget(expr.MaxDeploymentWork), lower: maxLowerSteps}
}

// slot is a parameter or variable, evaluated once: a value, so that
// reading a parameter allocates nothing but its map's room.
type slot struct {
	value model.Value
	state evalState
}

type evalState uint8

const (
	pending evalState = iota
	busy
	done
)

// NewEnv returns the environment of f deployed with opts.
func NewEnv(f *File, opts Options) *Env { return newEnv(f, opts, nil) }

// newEnv is NewEnv sharing the work left with other files of the same
// deployment (its modules), or with none when shared is nil.
func newEnv(f *File, opts Options, shared *deployment) *Env {
	return newEnvAt(f, opts, shared, targetScope(f))
}

// newEnvAt is newEnv for a file deployed at scope: a module's scope comes
// from the module declaration too, not only from its targetScope.
func newEnvAt(f *File, opts Options, shared *deployment, scope model.Scope) *Env {
	if shared == nil {
		shared = newDeployment()
	}
	e := &Env{file: f, syms: declared(f), given: opts.Params, shared: shared, scope: scope}
	e.own = lowering{syms: e.syms, resolve: opts.Resolve, steps: &e.shared.lower, read: opts.ReadFile}
	e.low = &e.own
	return e
}

// targetScope reads the file's targetScope; a file without one deploys to
// a resource group.
func targetScope(f *File) model.Scope {
	for _, st := range f.Stmts {
		t, ok := st.(*TargetScope)
		if !ok {
			continue
		}
		s := model.Scope{Kind: model.ScopeUnknown, Span: t.Span}
		if v, ok := t.Value.(*StringLit); ok && v != nil {
			switch text, _ := v.Text(); text {
			case "resourceGroup":
				s.Kind = model.ScopeResourceGroup
			case "subscription":
				s.Kind = model.ScopeSubscription
			case "managementGroup":
				s.Kind = model.ScopeManagementGroup
			case "tenant":
				s.Kind = model.ScopeTenant
			}
		}
		return s
	}
	return model.Scope{Kind: model.ScopeResourceGroup}
}

// Scope returns where the file deploys, from its targetScope.
func (e *Env) Scope() model.Scope { return e.scope }

// Lower translates x, an expression of the file, into the nodes of
// internal/expr (see lowering).
func (e *Env) Lower(x Expr) expr.Node { return e.low.lower(x) }

// Eval evaluates x, an expression of the file written as a value (of a
// parameter default, a variable, an output, a property): objects and
// arrays are evaluated member by member and for-expressions item by item,
// as ARM evaluates the JSON the compiler writes for them, so one unknown
// member leaves the others known; everything else is lowered and evaluated
// by internal/expr.
func (e *Env) Eval(x Expr) model.Value {
	if e.shared.steps++; e.shared.steps > expr.MaxDeploymentSteps {
		if nilExpr(x) {
			return model.UnknownValue("the template is too large for lhlint to evaluate", model.Span{})
		}
		return model.UnknownValue("the template is too large for lhlint to evaluate", spanOf(x))
	}
	switch x := x.(type) {
	case *Paren:
		if x != nil {
			return e.Eval(x.X)
		}
	case *NonNull:
		if x != nil {
			return e.Eval(x.X)
		}
	case *ObjectLit:
		if x != nil && !hasSpread(x) {
			return e.object(x)
		}
	case *ArrayLit:
		if x != nil && !hasSpread(x) {
			items := make([]model.Value, 0, len(x.Items))
			for _, it := range x.Items {
				items = append(items, e.Eval(it))
			}
			return model.ArrayValue(items, x.Span)
		}
	case *ForExpr:
		if x != nil {
			return e.loop(x)
		}
	case *StringLit:
		if x != nil && len(x.Holes) == 0 && len(x.Parts) == 1 && *e.low.steps > 0 {
			// As lowered: one step, a literal at the quotes.
			*e.low.steps--
			return e.evalLit(model.LiteralString(x.Parts[0], x.Span))
		}
	}
	return expr.Eval(e, e.low.lower(x))
}

// evalLit evaluates the literal v from e.lit instead of a node of its
// own: plain strings and property names are most of the nodes the values
// of a parameters file lower to, and evaluating a literal keeps no
// pointer to its node.
func (e *Env) evalLit(v model.Value) model.Value {
	e.lit = expr.Lit{Span: v.Span, Value: v}
	return expr.EvalLit(e, &e.lit)
}

func hasSpread(x Node) bool {
	switch x := x.(type) {
	case *ObjectLit:
		for _, m := range x.Members {
			if _, ok := m.(*Spread); ok {
				return true
			}
		}
	case *ArrayLit:
		for _, it := range x.Items {
			if _, ok := it.(*Spread); ok {
				return true
			}
		}
	}
	return false
}

func (e *Env) object(o *ObjectLit) model.Value {
	members := make(model.Members, 0, len(o.Members))
	for _, m := range o.Members {
		p, ok := m.(*Property)
		if !ok || p == nil {
			continue // a nested resource is a declaration of its own
		}
		k := e.evalKey(p.Key)
		key, ok := k.Str()
		if !ok {
			reason := k.Reason()
			if reason == "" {
				reason = "the property name is known only at deployment time"
			}
			return model.UnknownValue(reason, o.Span)
		}
		members = append(members, model.Member{Key: key, KeySpan: k.Span, Value: e.Eval(p.Value)})
	}
	if len(members) == 0 {
		members = nil // as an object without properties always was
	}
	return model.ObjectValue(members, o.Span)
}

// evalKey evaluates a property name: one written as a name or a plain
// string is a literal.
func (e *Env) evalKey(k Expr) model.Value {
	if v, ok := plainKey(k); ok {
		return e.evalLit(v)
	}
	return expr.Eval(e, e.low.key(k))
}

// loop evaluates a for-expression item by item, as ARM expands the copy
// loop the compiler writes for it: the item and index variables stand for
// this iteration's values.
func (e *Env) loop(f *ForExpr) model.Value {
	if f.Item == nil {
		return model.UnknownValue("the loop has no item variable", f.Span)
	}
	if _, ok := f.Body.(*IfBody); ok {
		return model.UnknownValue("a loop with a condition is allowed only for resources and modules", f.Span)
	}
	in := expr.Eval(e, e.low.lower(f.Iterable))
	switch {
	case in.IsUnknown():
		return model.UnknownValue(in.Reason(), f.Span)
	case in.Kind() != model.Array:
		return model.UnknownValue(fmt.Sprintf("a loop runs over an array, got %s", in.Kind().Article()), f.Span)
	case in.Len() > model.MaxCopies:
		return model.UnknownValue(fmt.Sprintf("the loop has %d items, more than Azure's limit of %d", in.Len(), model.MaxCopies), f.Span)
	}
	items := make([]model.Value, 0, in.Len())
	for i, it := range in.Items() {
		items = append(items, e.evalIn(iteration(f, it, i), f.Body))
	}
	return model.ArrayValue(items, f.Span)
}

// loopVars are the item and index variables of one iteration of a loop.
type loopVars struct {
	n    int
	vars [2]local
}

// iteration returns the variables of the iteration of loop f whose item
// is item and whose index is i (negative for an iteration that stands for
// all of them). A resource or module loop evaluates each property of an
// instance's body with its iteration's variables, built once.
func iteration(f *ForExpr, item model.Value, i int) loopVars {
	it := loopVars{n: 1}
	it.vars[0] = local{name: f.Item.Name, node: lit(f.Item.Span, item)}
	if f.Index != nil {
		index := model.IntValue(int64(i), f.Index.Span)
		if i < 0 {
			// One iteration stands for all of a loop whose items are unknown.
			index = model.UnknownValue("the loop's index is known only at deployment time", f.Index.Span)
		}
		it.vars[1] = local{name: f.Index.Name, node: lit(f.Index.Span, index)}
		it.n = 2
	}
	return it
}

// evalIn evaluates x, the body of a loop or a part of it, in the iteration
// whose variables are it.
func (e *Env) evalIn(it loopVars, x Expr) model.Value {
	base := len(e.low.locals)
	e.low.locals = append(e.low.locals, it.vars[:it.n]...)
	v := e.Eval(x)
	clear(e.low.locals[base:])
	e.low.locals = e.low.locals[:base]
	return v
}

// Parameter returns the value the deployment gives parameter name: the one
// given in Options, else the default evaluated here. Inside a function, the
// parameters are the function's.
func (e *Env) Parameter(name string) (model.Value, bool) {
	if e.fn != nil {
		for i, p := range e.fn.Params {
			if p != nil && p.Name != nil && p.Name.Name == name && i < len(e.args) {
				return e.args[i], true
			}
		}
		return model.Value{}, false
	}
	decl, ok := e.syms.params[name]
	if !ok {
		return model.Value{}, false
	}
	s := e.params[name]
	switch s.state {
	case busy:
		return model.UnknownValue(fmt.Sprintf("parameter %q refers to itself", name), decl.Name.Span), true
	case pending:
		put(&e.params, name, slot{state: busy})
		s = slot{value: e.parameterValue(decl), state: done}
		e.params[name] = s
	}
	if v, ok := e.given[name]; e.unset != nil && (!ok || v.IsMissing()) && model.IsOff(s.value) {
		*e.unset = append(*e.unset, name)
		return model.UnknownValue("set by the deployer", decl.Name.Span), true
	}
	return s.value, true
}

func (e *Env) parameterValue(decl *Param) model.Value {
	if v, ok := e.given[decl.Name.Name]; ok && !v.IsMissing() {
		return v
	}
	if decl.Value != nil {
		return e.Eval(decl.Value)
	}
	return model.UnknownValue(fmt.Sprintf("parameter %q has no value: it has no default and no parameters file sets it", decl.Name.Name), decl.Name.Span)
}

// unlessDefaults returns cond, a condition's false value, or an unknown
// value when it is false only because parameters that no parameters file
// sets keep empty defaults: the deployer usually sets them
// (docs/architecture.md, "Conditions"). again evaluates the condition
// once more, here with those parameters unknown and fresh variables.
func (e *Env) unlessDefaults(cond model.Value, again func() model.Value) model.Value {
	var names []string
	vars := e.vars
	e.vars, e.unset = nil, &names
	v := again()
	e.vars, e.unset = vars, nil
	if b, ok := v.Bool(); len(names) == 0 || ok && !b {
		return cond
	}
	return model.UnknownValue(model.DefaultCondition(names[0]), cond.Span)
}

// Variable returns the value of variable name, evaluated on first use.
func (e *Env) Variable(name string) (model.Value, bool) {
	if e.fn != nil {
		return model.UnknownValue(fmt.Sprintf("function %q reads variable %q: a user-defined function can use only its parameters", e.fn.Name.Name, name), e.fn.Span), true
	}
	decl, ok := e.syms.vars[name]
	if !ok {
		return model.Value{}, false
	}
	s := e.vars[name]
	switch s.state {
	case busy:
		return model.UnknownValue(fmt.Sprintf("variable %q refers to itself", name), decl.Name.Span), true
	case pending:
		put(&e.vars, name, slot{state: busy})
		// A variable is evaluated where it is declared, outside the loops
		// and lambdas of the expression that reads it.
		saved := e.low.locals
		e.low.locals = nil
		s = slot{value: e.Eval(decl.Value), state: done}
		e.low.locals = saved
		e.vars[name] = s
	}
	return s.value, true
}

// CopyIndex returns false: Bicep has no copyIndex(); its loops bind their
// variables instead.
func (e *Env) CopyIndex(string) (int, bool) { return 0, false }

// Context returns the deployment context of the file's targetScope.
func (e *Env) Context() *expr.Context {
	if e.ctx == nil {
		// Built when an expression first reads it: the Envs of a
		// parameters file's values and of most modules never do.
		e.ctx = expr.ContextOf(e.scope)
	}
	return e.ctx
}

// Budget returns the work left to the expressions of the deployment.
func (e *Env) Budget() *expr.Budget { return e.shared.budget }

// Function evaluates the function name that the file declares with func,
// called with args, in an environment where only its parameters are
// declared, as Azure evaluates the compiled function.
func (e *Env) Function(namespace, name string, args []model.Value) (model.Value, bool) {
	if !strings.EqualFold(namespace, funcNamespace) {
		return model.Value{}, false
	}
	f, ok := e.syms.funcs[name]
	if !ok {
		return model.Value{}, false
	}
	switch {
	case e.shared.funcs[f]:
		return model.UnknownValue(fmt.Sprintf("function %q calls itself", name), f.Name.Span), true
	case len(args) != len(f.Params):
		return model.UnknownValue(fmt.Sprintf("function %q takes %d arguments, got %d", name, len(f.Params), len(args)), f.Name.Span), true
	case e.shared.calls >= maxCallDepth:
		return model.UnknownValue("user-defined functions call one another too deeply to evaluate", f.Name.Span), true
	}
	fe := &Env{file: e.file, syms: e.syms, ctx: e.ctx, scope: e.scope, shared: e.shared, fn: f, args: append([]model.Value(nil), args...)}
	fe.own = lowering{syms: e.syms, resolve: e.low.resolve, inFunc: f, steps: &e.shared.lower, read: e.low.read}
	fe.low = &fe.own
	put(&e.shared.funcs, f, true)
	e.shared.calls++
	v := fe.Eval(f.Body)
	e.shared.calls--
	delete(e.shared.funcs, f)
	return v, true
}
