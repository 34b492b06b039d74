package bicep

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
)

// funcNamespace is the namespace of the functions a file declares with
// func. The compiler writes them into the template's functions section
// under it, and calls them as __bicep.name(...).
const funcNamespace = "__bicep"

// Resolver gives the node that stands for a reference the lowering does
// not evaluate itself: a resource or module symbol (an *Ident), a nested
// resource (a *ResourceAccess), a call on a resource or an imported
// namespace (a *Call with X set), an imported symbol. It returns false when
// it does not know the reference either; the reference is then an unknown
// value with the reason. The loader of resources and modules plugs in here.
type Resolver func(x Expr) (expr.Node, bool)

// declSymbols are the names a file declares at its top level, by kind.
// They are shared by every Env of the file and never changed.
type declSymbols struct {
	params map[string]*Param
	vars   map[string]*Var
	funcs  map[string]*Func
	other  map[string]string // resources, modules, imports, extensions: what they are
}

// declared returns the names f declares, worked out once for the file.
func declared(f *File) *declSymbols {
	f.symsOnce.Do(func() { f.syms = declare(f) })
	return f.syms
}

// declare works out the names f declares. A kind of which f declares
// none keeps a nil map: a parameters file declares no variables,
// functions or resources, and few templates declare functions.
func declare(f *File) *declSymbols {
	s := &declSymbols{}
	for _, st := range f.Stmts {
		switch d := st.(type) {
		case *Param:
			if d.Name != nil {
				put(&s.params, d.Name.Name, d)
			}
		case *Var:
			if d.Name != nil {
				put(&s.vars, d.Name.Name, d)
			}
		case *Func:
			if d.Name != nil {
				put(&s.funcs, d.Name.Name, d)
			}
		case *Resource:
			if d.Name != nil {
				put(&s.other, d.Name.Name, "resource")
			}
		case *Module:
			if d.Name != nil {
				put(&s.other, d.Name.Name, "module")
			}
		case *Import:
			if d.Wildcard != nil {
				put(&s.other, d.Wildcard.Name, "imported namespace")
			}
			for _, it := range d.Items {
				switch {
				case it.Alias != nil:
					put(&s.other, it.Alias.Name, "imported symbol")
				case it.Name != nil:
					if id, ok := it.Name.(*Ident); ok {
						put(&s.other, id.Name, "imported symbol")
					}
				}
			}
		case *Extension:
			if d.Alias != nil {
				put(&s.other, d.Alias.Name, "extension")
			} else if id, ok := d.Spec.(*Ident); ok {
				put(&s.other, id.Name, "extension")
			}
		}
	}
	return s
}

// put sets m[key], making the map first when m is nil: the maps of a
// file's names and of a deployment's loader are made when first needed.
func put[K comparable, V any](m *map[K]V, key K, v V) {
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[key] = v
}

// local is a name bound inside an expression: a lambda parameter (node nil,
// read with lambdaVariables()) or the item or index of a loop being
// expanded (node set, the value of this iteration).
type local struct {
	name string
	node expr.Node
}

// lowering translates Bicep expressions into the nodes of internal/expr, as
// the Bicep compiler translates them into ARM expressions: operators become
// the functions they compile to, interpolation format(), references
// parameters() and variables(). Every node keeps the span of the Bicep
// text it comes from, so a value evaluated from a literal is spanned at
// the literal.
type lowering struct {
	syms    *declSymbols
	resolve Resolver
	inFunc  *Func // the function whose body is lowered: only its parameters are in scope
	locals  []local
	steps   *int                              // nodes the deployment may still lower, shared
	read    func(path string) ([]byte, error) // reads a file a load function names; nil reads none
}

// maxLowerSteps bounds the nodes lowered for one file, loops expanded, so
// that a loop over a large body nested in another costs bounded time.
const maxLowerSteps = 2000000

func spanOf(n Node) model.Span { return model.Span{StartPos: n.Pos(), EndPos: n.End()} }

// unknown is a node that evaluates to an unknown value with the reason.
func unknown(n Node, format string, args ...any) expr.Node {
	sp := spanOf(n)
	return &expr.Lit{Span: sp, Value: model.UnknownValue(fmt.Sprintf(format, args...), sp)}
}

func lit(sp model.Span, v model.Value) *expr.Lit { return &expr.Lit{Span: sp, Value: v} }

func str(n Node, s string) *expr.Lit { return lit(spanOf(n), model.StringValue(s, spanOf(n))) }

// call builds name(args) spanned at n.
func call(n Node, name string, args ...expr.Node) *expr.Call {
	sp := spanOf(n)
	return &expr.Call{Span: sp, Name: name, NameSpan: sp, Args: args}
}

// declaredRef is the node of parameters('name') or variables('name'), its
// argument and the literal of the name, allocated together: a reference
// to a parameter or variable is the node the lowering builds most.
type declaredRef struct {
	call expr.Call
	args [1]expr.Node
	name expr.Lit
}

// refOf builds fn('name') for the reference id, fn being parameters or
// variables, spanned at id as call(id, fn, str(id, id.Name)) is.
func refOf(id *Ident, fn string) *expr.Call {
	sp := spanOf(id)
	r := &declaredRef{name: expr.Lit{Span: sp, Value: model.StringValue(id.Name, sp)}}
	r.args[0] = &r.name
	r.call = expr.Call{Span: sp, Name: fn, NameSpan: sp, Args: r.args[:]}
	return &r.call
}

// lower translates x. It never fails: what cannot be translated is a node
// whose value is unknown, with the reason.
func (l *lowering) lower(x Expr) expr.Node {
	if nilExpr(x) {
		return &expr.Lit{Value: model.UnknownValue("the expression is empty", model.Span{})}
	}
	if *l.steps <= 0 {
		return unknown(x, "the template is too large for lhlint to evaluate")
	}
	*l.steps--
	switch x := x.(type) {
	case *IntLit:
		if x.Value > math.MaxInt64 {
			return unknown(x, "integer %s is too large", x.Text)
		}
		return lit(x.Span, model.IntValue(int64(x.Value), x.Span))
	case *BoolLit:
		return lit(x.Span, model.BoolValue(x.Value, x.Span))
	case *NullLit:
		return lit(x.Span, model.NullValue(x.Span))
	case *StringLit:
		return l.str(x)
	case *ObjectLit:
		return l.object(x)
	case *ArrayLit:
		return l.array(x)
	case *Paren:
		return l.lower(x.X)
	case *NonNull:
		return l.lower(x.X)
	case *Unary:
		return l.unary(x)
	case *Binary:
		return l.binary(x)
	case *Ternary:
		return call(x, "if", l.lower(x.Cond), l.lower(x.Then), l.lower(x.Else))
	case *Ident:
		return l.ident(x)
	case *Call:
		return l.call(x)
	case *Member, *Index:
		n, _ := l.access(x)
		return n
	case *Lambda:
		return l.lambda(x, x.Params, x.Body)
	case *ForExpr:
		return l.forExpr(x)
	case *ResourceAccess:
		if n, ok := l.resolved(x); ok {
			return n
		}
		return unknown(x, "lhlint does not evaluate references to nested resources")
	case *Spread:
		return unknown(x, "a spread is allowed only inside an object or an array")
	case *IfBody:
		return unknown(x, "an if body is the condition of a resource or module, not a value")
	case *BadExpr:
		return unknown(x, "the expression does not parse")
	}
	return unknown(x, "lhlint does not evaluate this expression")
}

func (l *lowering) resolved(x Expr) (expr.Node, bool) {
	if l.resolve == nil {
		return nil, false
	}
	n, ok := l.resolve(x)
	return n, ok && n != nil
}

// str lowers a string: a literal stays a literal at its quotes, and
// interpolation becomes format(), whose braces in the text are doubled.
func (l *lowering) str(s *StringLit) expr.Node {
	if len(s.Holes) == 0 {
		text := ""
		if len(s.Parts) > 0 {
			text = s.Parts[0]
		}
		return lit(s.Span, model.LiteralString(text, s.Span))
	}
	var b strings.Builder
	args := []expr.Node{nil}
	for i, part := range s.Parts {
		part = strings.ReplaceAll(part, "{", "{{")
		b.WriteString(strings.ReplaceAll(part, "}", "}}"))
		if i < len(s.Holes) {
			fmt.Fprintf(&b, "{%d}", i)
			args = append(args, l.lower(s.Holes[i]))
		}
	}
	args[0] = str(s, b.String())
	return call(s, "format", args...)
}

// object lowers an object literal: a constant one to the value it is, its
// members at their own spans; another to createObject(); one with spreads
// to shallowMerge() of its parts.
func (l *lowering) object(o *ObjectLit) expr.Node {
	var chunks, args []expr.Node
	spread := false
	done := func() {
		if len(args) > 0 {
			chunks = append(chunks, l.fold(o, call(o, "createObject", args...)))
			args = nil
		}
	}
	for _, m := range o.Members {
		switch m := m.(type) {
		case *Property:
			args = append(args, l.key(m.Key), l.lower(m.Value))
		case *Spread:
			done()
			spread = true
			chunks = append(chunks, l.lower(m.X))
		case *Resource:
			// A nested resource is a declaration, not a member of the value.
		default:
			return unknown(m, "lhlint does not evaluate this object member")
		}
	}
	done()
	switch {
	case len(chunks) == 0:
		return lit(o.Span, model.ObjectValue(nil, o.Span))
	case len(chunks) == 1 && !spread:
		return chunks[0]
	}
	return call(o, "shallowMerge", call(o, "createArray", chunks...))
}

// key lowers an object key: a name or a string, possibly interpolated.
func (l *lowering) key(k Expr) expr.Node {
	if v, ok := plainKey(k); ok {
		return lit(v.Span, v)
	}
	return l.lower(k)
}

// plainKey returns the value of an object key written as a name or a
// string without interpolation.
func plainKey(k Expr) (model.Value, bool) {
	if id, ok := k.(*Ident); ok {
		return model.StringValue(id.Name, id.Span), true
	}
	if s, ok := k.(*StringLit); ok && len(s.Holes) == 0 {
		text := ""
		if len(s.Parts) > 0 {
			text = s.Parts[0]
		}
		return model.StringValue(text, s.Span), true
	}
	return model.Value{}, false
}

// array lowers an array literal as object does, with createArray() and,
// for spreads, flatten().
func (l *lowering) array(a *ArrayLit) expr.Node {
	var chunks, items []expr.Node
	spread := false
	done := func() {
		if len(items) > 0 {
			chunks = append(chunks, l.fold(a, call(a, "createArray", items...)))
			items = nil
		}
	}
	for _, it := range a.Items {
		if s, ok := it.(*Spread); ok {
			done()
			spread = true
			chunks = append(chunks, l.lower(s.X))
			continue
		}
		items = append(items, l.lower(it))
	}
	done()
	switch {
	case len(chunks) == 0:
		return lit(a.Span, model.ArrayValue(nil, a.Span))
	case len(chunks) == 1 && !spread:
		return chunks[0]
	}
	return call(a, "flatten", call(a, "createArray", chunks...))
}

// fold returns the value of createArray() or createObject() c when all its
// arguments are known literals, so a constant is a literal whose parts keep
// their spans; c otherwise.
func (l *lowering) fold(n Node, c *expr.Call) expr.Node {
	vals := make([]model.Value, len(c.Args))
	for i, a := range c.Args {
		x, ok := a.(*expr.Lit)
		if !ok || !x.Value.IsKnown() {
			return c
		}
		vals[i] = x.Value
	}
	sp := spanOf(n)
	if c.Name == "createArray" {
		return lit(sp, model.ArrayValue(vals, sp))
	}
	members := make(model.Members, 0, len(vals)/2)
	for i := 0; i+1 < len(vals); i += 2 {
		k, ok := vals[i].Str()
		if !ok {
			return c
		}
		if _, dup := members.Lookup(k); dup {
			return c // createObject decides which of the two wins
		}
		members = append(members, model.Member{Key: k, KeySpan: vals[i].Span, Value: vals[i+1]})
	}
	return lit(sp, model.ObjectValue(members, sp))
}

func (l *lowering) unary(u *Unary) expr.Node {
	switch u.Op {
	case Exclamation:
		return call(u, "not", l.lower(u.X))
	case Minus:
		if n, ok := u.X.(*IntLit); ok && n.Value <= 1<<63 {
			return lit(u.Span, model.IntValue(int64(-n.Value), u.Span)) // -(1<<63) wraps to itself, math.MinInt64
		}
		zero := model.Span{StartPos: u.Pos(), EndPos: u.Pos() + 1}
		return call(u, "sub", lit(zero, model.IntValue(0, zero)), l.lower(u.X))
	}
	return unknown(u, "lhlint does not evaluate the operator %s", u.Op)
}

// binaryFuncs are the functions the binary operators compile to.
var binaryFuncs = map[Kind]string{
	LogicalOr: "or", LogicalAnd: "and", DoubleQuestion: "coalesce",
	Equals: "equals", LeftChevron: "less", LessThanOrEqual: "lessOrEquals",
	RightChevron: "greater", GreaterThanOrEqual: "greaterOrEquals",
	Plus: "add", Minus: "sub", Asterisk: "mul", Slash: "div", Modulo: "mod",
}

func (l *lowering) binary(b *Binary) expr.Node {
	x, y := l.lower(b.X), l.lower(b.Y)
	switch b.Op {
	case NotEquals:
		return call(b, "not", call(b, "equals", x, y))
	case EqualsInsensitive:
		return call(b, "equals", call(b.X, "toLower", x), call(b.Y, "toLower", y))
	case NotEqualsInsensitive:
		return call(b, "not", call(b, "equals", call(b.X, "toLower", x), call(b.Y, "toLower", y)))
	}
	if name, ok := binaryFuncs[b.Op]; ok {
		return call(b, name, x, y)
	}
	return unknown(b, "lhlint does not evaluate the operator %s", b.Op)
}

// ident lowers a reference to a name: a local, a parameter, a variable, or
// whatever the resolver knows.
func (l *lowering) ident(id *Ident) expr.Node {
	for i := len(l.locals) - 1; i >= 0; i-- {
		if loc := l.locals[i]; loc.name == id.Name {
			if loc.node != nil {
				return loc.node
			}
			return call(id, "lambdaVariables", str(id, id.Name))
		}
	}
	if l.inFunc != nil {
		for _, p := range l.inFunc.Params {
			if p != nil && p.Name != nil && p.Name.Name == id.Name {
				return refOf(id, "parameters")
			}
		}
		if _, ok := l.syms.funcs[id.Name]; !ok {
			return unknown(id, "function %q reads %q: a user-defined function can use only its parameters", l.inFunc.Name.Name, id.Name)
		}
	}
	if _, ok := l.syms.params[id.Name]; ok {
		return refOf(id, "parameters")
	}
	if _, ok := l.syms.vars[id.Name]; ok {
		return refOf(id, "variables")
	}
	if n, ok := l.resolved(id); ok {
		return n
	}
	if what, ok := l.syms.other[id.Name]; ok {
		return unknown(id, "lhlint does not evaluate references to %s %q", what, id.Name)
	}
	if _, ok := l.syms.funcs[id.Name]; ok {
		return unknown(id, "function %q is a function, not a value", id.Name)
	}
	return unknown(id, "%q is not declared", id.Name)
}

// builtinNamespaces are the namespaces of the built-in functions; the
// compiler drops them: sys.concat() is concat().
var builtinNamespaces = map[string]bool{"sys": true, "az": true}

// compileTime are functions the compiler evaluates itself, reading files
// next to the template.
var compileTime = map[string]bool{
	"loadTextContent": true, "loadJsonContent": true, "loadYamlContent": true,
	"loadFileAsBase64": true, "loadDirectoryFileInfo": true,
}

// call lowers a function call: a function the file declares, a built-in
// (with or without its namespace), or a call on something else, which the
// resolver may know.
func (l *lowering) call(c *Call) expr.Node {
	if c.Name == nil {
		return unknown(c, "the call has no function name")
	}
	name := c.Name.Name
	if c.X != nil {
		ns, ok := c.X.(*Ident)
		if !ok || !builtinNamespaces[ns.Name] || l.shadowed(ns.Name) {
			if n, ok := l.resolved(c); ok {
				return n
			}
			if strings.HasPrefix(strings.ToLower(name), "list") || name == "getSecret" {
				return unknown(c, "%s() is evaluated at deployment time", name)
			}
			return unknown(c, "lhlint does not evaluate calls of %s()", name)
		}
	} else if f, ok := l.syms.funcs[name]; ok {
		return &expr.Call{Span: c.Span, Namespace: funcNamespace, Name: f.Name.Name, NameSpan: c.Name.Span, Args: l.args(c.Args)}
	} else if what, ok := l.syms.other[name]; ok {
		if n, ok := l.resolved(c); ok {
			return n
		}
		return unknown(c, "lhlint does not evaluate calls of %s %q", what, name)
	}
	switch {
	case name == "any" && len(c.Args) == 1:
		return l.lower(c.Args[0]) // any() only changes the type the compiler checks
	case name == "nameof" && len(c.Args) == 1:
		return l.nameof(c)
	case (name == "subscription" || name == "resourceGroup" || name == "managementGroup") && len(c.Args) > 0:
		// A scope in another subscription, group or management group has
		// no ARM value: the compiler writes it as an empty object.
		return lit(c.Span, model.ObjectValue(nil, c.Span))
	case compileTime[name]:
		return l.load(c, name)
	case name == "getSecret":
		return unknown(c, "getSecret() reads a Key Vault secret when the deployment runs")
	case name == "readEnvironmentVariable" || name == "readCliArg" || name == "externalInput":
		return unknown(c, "%s() is known only when the deployment runs", name)
	}
	return &expr.Call{Span: c.Span, Name: name, NameSpan: c.Name.Span, Args: l.args(c.Args)}
}

// shadowed reports whether a namespace name is declared by the file, which
// then means the symbol.
func (l *lowering) shadowed(name string) bool {
	_, p := l.syms.params[name]
	_, v := l.syms.vars[name]
	_, o := l.syms.other[name]
	return p || v || o
}

func (l *lowering) args(xs []Expr) []expr.Node {
	out := make([]expr.Node, len(xs))
	for i, a := range xs {
		out[i] = l.lower(a)
	}
	return out
}

// access lowers X.Name and X[Index] and their safe and from-the-end forms,
// as the compiler does: a.?b is tryGet(a, 'b'), and an access chained after
// a safe one joins its tryGet, so that a.?b.c is null when a has no b. It
// reports whether the node is such a tryGet.
func (l *lowering) access(x Expr) (expr.Node, bool) {
	var base Expr
	var key expr.Node
	var safe, fromEnd bool
	var name *Ident
	switch x := x.(type) {
	case *Member:
		base, safe, name = x.X, x.Safe, x.Name
		if name == nil {
			return unknown(x, "the property access has no name"), false
		}
	case *Index:
		base, safe, fromEnd = x.X, x.Safe, x.FromEnd
		key = l.lower(x.Index)
	default:
		return l.lower(x), false
	}
	var b expr.Node
	chained := false
	for {
		// A non-null assertion only changes the type: a.?b!.c is chained
		// as a.?b.c is.
		nn, ok := base.(*NonNull)
		if !ok || nn == nil {
			break
		}
		base = nn.X
	}
	switch base.(type) {
	case *Member, *Index:
		if !nilExpr(base) {
			b, chained = l.access(base)
			*l.steps--
			break
		}
		b = l.lower(base)
	default:
		b = l.lower(base)
	}
	if name != nil && (safe || chained) {
		key = str(name, name.Name) // a plain x.name is a Member node
	}
	switch {
	case safe && fromEnd:
		return call(x, "tryIndexFromEnd", b, key), true
	case safe:
		return call(x, "tryGet", b, key), true
	case chained:
		c, ok := b.(*expr.Call)
		if !ok {
			return unknown(x, "lhlint does not evaluate this access"), false
		}
		if fromEnd {
			key = call(x, "createObject", str(x, "value"), key, str(x, "fromEnd"), call(x, "true"))
		}
		return &expr.Call{Span: spanOf(x), Name: c.Name, NameSpan: c.NameSpan, Args: append(c.Args[:len(c.Args):len(c.Args)], key)}, true
	case fromEnd:
		return call(x, "indexFromEnd", b, key), false
	case name != nil:
		return &expr.Member{Span: spanOf(x), X: b, Name: name.Name, NameSpan: name.Span}, false
	}
	return &expr.Index{Span: spanOf(x), X: b, Index: key}, false
}

// lambda lowers params => body to lambda('p', …, body), where the body
// reads a parameter with lambdaVariables('p').
func (l *lowering) lambda(n Node, params []*Ident, body Expr) expr.Node {
	args := make([]expr.Node, 0, len(params)+1)
	base := len(l.locals)
	for _, p := range params {
		if p == nil {
			continue
		}
		args = append(args, str(p, p.Name))
		l.locals = append(l.locals, local{name: p.Name})
	}
	args = append(args, l.lower(body))
	l.locals = l.locals[:base]
	return call(n, "lambda", args...)
}

// forExpr lowers a for-expression met inside an expression to map() over
// its items, the loop variables being the parameters of the lambda. Where
// a for-expression is a value of its own (a variable, an output, a
// property), Env evaluates it as a copy loop instead, item by item.
func (l *lowering) forExpr(f *ForExpr) expr.Node {
	if f.Item == nil {
		return unknown(f, "the loop has no item variable")
	}
	if _, ok := f.Body.(*IfBody); ok {
		return unknown(f, "a loop with a condition is allowed only for resources and modules")
	}
	params := []*Ident{f.Item}
	if f.Index != nil {
		params = append(params, f.Index)
	}
	return call(f, "map", l.lower(f.Iterable), l.lambda(f, params, f.Body))
}

// nilExpr reports a missing expression: nil, or a nil pointer in an Expr.
func nilExpr(x Expr) bool {
	if x == nil {
		return true
	}
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// nameof is the name of a symbol or the last property of an access, as
// the compiler writes it.
func (l *lowering) nameof(c *Call) expr.Node {
	switch x := c.Args[0].(type) {
	case *Ident:
		return str(c, x.Name)
	case *Member:
		if x.Name != nil {
			return str(c, x.Name.Name)
		}
	case *ResourceAccess:
		if x.Name != nil {
			return str(c, x.Name.Name)
		}
	case *Index:
		if s, ok := x.Index.(*StringLit); ok && s != nil {
			if text, ok := s.Text(); ok {
				return str(c, text)
			}
		}
	}
	return unknown(c, "nameof takes a symbol or a property access")
}

// maxLoadSize bounds a file that a load function reads. The compiler's own
// limits are lower (131,072 characters of text, 96 KB of binary).
const maxLoadSize = 1 << 20

// load evaluates a function that reads a file next to the template when
// the file is compiled: its content becomes a literal of the template.
func (l *lowering) load(c *Call, name string) expr.Node {
	if l.read == nil {
		return unknown(c, "lhlint does not read the file that %s() loads", name)
	}
	if len(c.Args) == 0 {
		return unknown(c, "%s takes the path of a file", name)
	}
	p, ok := c.Args[0].(*StringLit)
	if !ok || p == nil {
		return unknown(c, "%s takes the path of a file as a string literal", name)
	}
	path, ok := p.Text()
	if !ok {
		return unknown(c, "%s takes the path of a file as a string literal", name)
	}
	encoding, jsonPath := "", ""
	switch name {
	case "loadTextContent":
		if len(c.Args) > 1 {
			encoding = literalText(c.Args[1])
		}
	case "loadJsonContent":
		if len(c.Args) > 1 {
			jsonPath = literalText(c.Args[1])
		}
	case "loadFileAsBase64":
	default:
		return unknown(c, "lhlint does not read the file that %s() loads", name)
	}
	content, err := l.read(path)
	switch {
	case err != nil:
		return unknown(c, "%s cannot read %q: %v", name, path, err)
	case len(content) > maxLoadSize:
		return unknown(c, "the file %q that %s loads is too large to evaluate", path, name)
	}
	sp := spanOf(c)
	switch name {
	case "loadFileAsBase64":
		return lit(sp, model.StringValue(base64.StdEncoding.EncodeToString(content), sp))
	case "loadJsonContent":
		return l.jsonPath(c, call(c, "json", lit(sp, model.StringValue(stripComments(stripBOM(content)), sp))), jsonPath)
	}
	text, ok := decodeText(content, encoding)
	if !ok {
		return unknown(c, "lhlint does not decode the encoding %q", encoding)
	}
	return lit(sp, model.StringValue(text, sp))
}

func literalText(x Expr) string {
	if s, ok := x.(*StringLit); ok && s != nil {
		t, _ := s.Text()
		return t
	}
	return "?"
}

func stripBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}

// decodeText decodes a file that loadTextContent reads in encoding, as .NET
// does: a byte order mark, when there is one, decides.
func decodeText(b []byte, encoding string) (string, bool) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return string(b[3:]), true
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return utf16Text(b[2:], binary.LittleEndian), true
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return utf16Text(b[2:], binary.BigEndian), true
	}
	switch strings.ToLower(encoding) {
	case "", "utf-8":
		return strings.ToValidUTF8(string(b), "\uFFFD"), true
	case "utf-16":
		return utf16Text(b, binary.LittleEndian), true
	case "utf-16be":
		return utf16Text(b, binary.BigEndian), true
	case "us-ascii":
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c
			if c > 0x7f {
				out[i] = '?'
			}
		}
		return string(out), true
	case "iso-8859-1":
		out := make([]rune, len(b))
		for i, c := range b {
			out[i] = rune(c)
		}
		return string(out), true
	}
	return "", false
}

func utf16Text(b []byte, order binary.ByteOrder) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = order.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// jsonPath selects the part of a loaded JSON value that a path such as
// '$.a.b[0]' or '.a' names; filters and wildcards are not evaluated.
func (l *lowering) jsonPath(c *Call, n expr.Node, path string) expr.Node {
	rest := strings.TrimPrefix(path, "$")
	sp := spanOf(c)
	for rest != "" && rest != "." {
		switch {
		case rest[0] == '.':
			end := 1
			for end < len(rest) && rest[end] != '.' && rest[end] != '[' {
				end++
			}
			name := rest[1:end]
			if name == "" || name == "*" {
				return unknown(c, "lhlint does not evaluate the JSON path %q", path)
			}
			n = &expr.Member{Span: sp, X: n, Name: name, NameSpan: sp}
			rest = rest[end:]
		case rest[0] == '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return unknown(c, "lhlint does not evaluate the JSON path %q", path)
			}
			inner := rest[1:end]
			var key model.Value
			if k, err := strconv.Atoi(inner); err == nil {
				key = model.IntValue(int64(k), sp)
			} else if len(inner) >= 2 && inner[0] == '\'' && inner[len(inner)-1] == '\'' {
				key = model.StringValue(inner[1:len(inner)-1], sp)
			} else {
				return unknown(c, "lhlint does not evaluate the JSON path %q", path)
			}
			n = &expr.Index{Span: sp, X: n, Index: lit(sp, key)}
			rest = rest[end+1:]
		default:
			return unknown(c, "lhlint does not evaluate the JSON path %q", path)
		}
	}
	return n
}

// stripComments blanks the // and /* */ comments of JSON text, which the
// compiler accepts in a file that loadJsonContent reads.
func stripComments(b []byte) string {
	out := []byte(string(b))
	inString := false
	for i := 0; i < len(out); i++ {
		c := out[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			end := bytes.Index(out[i+2:], []byte("*/"))
			stop := len(out)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if out[i] != '\n' {
					out[i] = ' '
				}
			}
			i--
		}
	}
	return string(out)
}
