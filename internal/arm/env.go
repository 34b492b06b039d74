package arm

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
)

// maxNesting bounds nested deployments inside one another, so that a
// hostile template costs bounded time; the other bounds are model.MaxCopies
// and expr's deployment bounds.
const maxNesting = 32

// env is the evaluation environment of one template body: its parameters
// and variables, the deployment context and the copy loops being expanded.
// It implements expr.Env.
type env struct {
	l      *loader
	file   exprSource // where the template body is written, for expression positions
	params map[string]*param
	order  []*param
	vars   map[string]*variable
	funcs  map[string]*userFunc
	inFunc *userFunc // the user-defined function whose output this env evaluates
	ctx    *expr.Context
	loops  []loop // copy loops being expanded, innermost last
	// top is true for the template's own body, whose parameters a
	// parameters file may set.
	top bool
	// unset, when not nil, makes the parameters no parameters file sets
	// unknown, and collects their names (see unlessDefaults).
	unset *[]string
}

type param struct {
	decl  *model.Parameter
	value model.Value
	state evalState
}

type variable struct {
	name  string
	lit   model.Value // as written; for a variable copy loop, the loop object
	copy  bool
	value model.Value
	state evalState
}

type evalState uint8

const (
	pending evalState = iota
	busy
	done
)

type loop struct {
	name  string
	index int
	known bool
}

// given is a value a parameters file (or a nested deployment) sets.
type given struct {
	value model.Value
	key   model.Span
}

// parameterKinds maps ARM parameter types, lower-case, to the kind of
// value they take.
var parameterKinds = map[string]model.Kind{
	"string": model.String, "securestring": model.String,
	"int":    model.Int,
	"bool":   model.Bool,
	"object": model.Object, "secureobject": model.Object,
	"array": model.Array,
}

// typeKind returns the kind of value a parameter's declared type takes,
// Missing for a type lhlint does not know.
func typeKind(typ model.Value) model.Kind {
	s, _ := typ.Str()
	return parameterKinds[strings.ToLower(s)]
}

// newEnv builds the environment of a template body whose parameters take
// the given values.
func (l *loader) newEnv(file exprSource, body model.Value, values map[string]given, ctx *expr.Context) *env {
	e := &env{l: l, file: file, params: map[string]*param{}, vars: map[string]*variable{}, funcs: userFuncs(body), ctx: ctx}
	for _, m := range body.Get("parameters").Members() {
		decl := &model.Parameter{
			Name:    m.Key,
			Span:    m.KeySpan,
			Decl:    m.Value,
			Type:    m.Value.Get("type"),
			Default: m.Value.Get("defaultValue"),
			Allowed: m.Value.Get("allowedValues"),
			Given:   model.MissingAt(m.KeySpan),
		}
		decl.TypeKind = typeKind(decl.Type)
		key := strings.ToLower(m.Key)
		if g, ok := values[key]; ok {
			decl.Given, decl.GivenAt = g.value, g.key
		}
		p := &param{decl: decl}
		e.params[key] = p
		e.order = append(e.order, p)
	}
	for _, m := range body.Get("variables").Members() {
		if strings.EqualFold(m.Key, "copy") {
			for _, c := range m.Value.Items() {
				name := c.Get("name").Text()
				e.vars[strings.ToLower(name)] = &variable{name: name, lit: c, copy: true}
			}
			continue
		}
		e.vars[strings.ToLower(m.Key)] = &variable{name: m.Key, lit: m.Value}
	}
	return e
}

// getFold returns m[strings.ToLower(key)]. It lower-cases an ASCII key
// of up to 64 bytes on the stack: expressions name parameters and
// variables in camel case, and lower-casing each name into a new string
// cost an allocation per reference of every deployment.
func getFold[V any](m map[string]V, key string) (V, bool) {
	var buf [64]byte
	if len(key) > len(buf) {
		v, ok := m[strings.ToLower(key)]
		return v, ok
	}
	b := buf[:len(key)]
	for i := range len(key) {
		c := key[i]
		if c >= utf8.RuneSelf {
			v, ok := m[strings.ToLower(key)]
			return v, ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	v, ok := m[string(b)] // no allocation: the compiler looks the bytes up as they are
	return v, ok
}

// Parameter returns the value the deployment gives parameter name: the
// parameters file's, else the default evaluated here.
func (e *env) Parameter(name string) (model.Value, bool) {
	p, ok := getFold(e.params, name)
	if !ok {
		return model.Value{}, false
	}
	switch p.state {
	case busy:
		return model.UnknownValue(fmt.Sprintf("parameter %q refers to itself", p.decl.Name), p.decl.Span), true
	case pending:
		p.state = busy
		p.value = e.parameterValue(p.decl)
		p.state = done
	}
	if e.unset != nil && p.decl.Given.IsMissing() && model.IsOff(p.value) {
		*e.unset = append(*e.unset, p.decl.Name)
		return model.UnknownValue("set by the deployer", p.decl.Span), true
	}
	return p.value, true
}

func (e *env) parameterValue(decl *model.Parameter) model.Value {
	if !decl.Given.IsMissing() {
		return decl.Given // values from a parameters file are never expressions
	}
	if !decl.Default.IsMissing() {
		return e.eval(decl.Default)
	}
	return model.UnknownValue(fmt.Sprintf("parameter %q has no value: it has no default and no parameters file sets it", decl.Name), decl.Span)
}

// unlessDefaults returns cond, the false value of the condition written
// as v, or an unknown value when it is false only because parameters that
// no parameters file sets keep empty defaults: the deployer usually sets
// them (docs/architecture.md, "Conditions"). v is evaluated again with
// those parameters unknown and fresh variables.
func (e *env) unlessDefaults(cond, v model.Value) model.Value {
	if !e.top {
		return cond
	}
	var names []string
	vars := e.vars
	e.vars = make(map[string]*variable, len(vars))
	for k, x := range vars {
		e.vars[k] = &variable{name: x.name, lit: x.lit, copy: x.copy}
	}
	e.unset = &names
	again := e.eval(v)
	e.vars, e.unset = vars, nil
	if b, ok := again.Bool(); len(names) == 0 || ok && !b {
		return cond
	}
	return model.UnknownValue(model.DefaultCondition(names[0]), cond.Span)
}

// Variable returns the value of variable name, evaluated on first use.
func (e *env) Variable(name string) (model.Value, bool) {
	if e.inFunc != nil {
		return model.UnknownValue(fmt.Sprintf("function %q reads variable %q: a user-defined function can read only its parameters", e.inFunc.name, name), e.inFunc.output.Span), true
	}
	v, ok := getFold(e.vars, name)
	if !ok {
		return model.Value{}, false
	}
	switch v.state {
	case busy:
		return model.UnknownValue(fmt.Sprintf("variable %q refers to itself", v.name), v.lit.Span), true
	case pending:
		v.state = busy
		if v.copy {
			v.value = e.copyArray(v.lit, v.name)
		} else {
			v.value = e.eval(v.lit)
		}
		v.state = done
	}
	return v.value, true
}

// CopyIndex returns the index of the copy loop named name, or of the
// innermost loop when name is "".
func (e *env) CopyIndex(name string) (int, bool) {
	for i := len(e.loops) - 1; i >= 0; i-- {
		if name == "" || strings.EqualFold(e.loops[i].name, name) {
			return e.loops[i].index, e.loops[i].known
		}
	}
	return 0, false
}

// Context returns the deployment context expressions see.
func (e *env) Context() *expr.Context { return e.ctx }

// Budget returns the work left to the expressions of the deployment.
func (e *env) Budget() *expr.Budget { return e.l.budget }

// parameters returns the declared parameters with the values they take.
func (e *env) parameters() []*model.Parameter {
	out := make([]*model.Parameter, len(e.order))
	for i, p := range e.order {
		if p.decl.Given.IsMissing() && !p.decl.Default.IsMissing() {
			// The default as the deployment uses it: ARM checks its type
			// and allowedValues once it is evaluated.
			p.decl.Default, _ = e.Parameter(p.decl.Name)
		}
		out[i] = p.decl
	}
	return out
}

// eval evaluates a value as written in the template: expression strings are
// evaluated, [[-escaped strings unescaped, containers evaluated member by
// member, and copy blocks inside them expanded. Only strings written in the
// file are expressions: a value computed before is returned as it is.
func (e *env) eval(v model.Value) model.Value {
	if !e.l.step() {
		return model.UnknownValue("the template is too large for lhlint to evaluate", v.Span)
	}
	switch v.Kind() {
	case model.String:
		s := v.Text()
		if !v.IsLiteral() {
			return v
		}
		if expr.IsExpression(s) {
			p := e.file.expression(v)
			if p.err != nil {
				e.l.problem(p.err.Span, p.err.Msg)
				return model.UnknownValue("the expression does not parse", v.Span)
			}
			return expr.Eval(e, p.node)
		}
		if strings.HasPrefix(s, "[[") {
			return model.StringValue(expr.Unescape(s), v.Span)
		}
		return v
	case model.Array:
		items := make([]model.Value, 0, v.Len())
		for _, it := range v.Items() {
			items = append(items, e.eval(it))
		}
		return model.ArrayValue(items, v.Span)
	case model.Object:
		var members model.Members
		for _, m := range v.Members() {
			if strings.EqualFold(m.Key, "copy") && m.Value.Kind() == model.Array {
				for _, c := range m.Value.Items() {
					name := c.Get("name")
					members = append(members, model.Member{Key: name.Text(), KeySpan: name.Span, Value: e.copyArray(c, name.Text())})
				}
				continue
			}
			key, keySpan := m.Key, m.KeySpan
			if expr.IsExpression(key) {
				k := e.eval(model.LiteralString(key, m.KeySpan))
				key = k.Text()
			}
			members = append(members, model.Member{Key: key, KeySpan: keySpan, Value: e.eval(m.Value)})
		}
		return model.ObjectValue(members, v.Span)
	}
	return v
}

// copyArray expands a property or variable copy block, {name, count, input},
// into the array it stands for.
func (e *env) copyArray(block model.Value, name string) model.Value {
	count := e.eval(block.Get("count"))
	n, ok := count.Int()
	if !ok {
		if count.IsUnknown() {
			return model.UnknownValue(count.Reason(), count.Span)
		}
		return model.UnknownValue(fmt.Sprintf("copy %q has no whole-number count", name), block.Span)
	}
	if n > model.MaxCopies {
		return model.UnknownValue(fmt.Sprintf("copy %q counts %d, more than Azure's limit of %d", name, n, model.MaxCopies), count.Span)
	}
	input := block.Get("input")
	items := make([]model.Value, 0, max(n, 0))
	for i := range int(max(n, 0)) {
		e.loops = append(e.loops, loop{name: name, index: i, known: true})
		items = append(items, e.eval(input))
		e.loops = e.loops[:len(e.loops)-1]
	}
	return model.ArrayValue(items, block.Span)
}
