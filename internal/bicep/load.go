package bicep

import (
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/model"
)

// The resource type of a resource group, which the loader reads as a scope,
// and the API version of the deployment the compiler writes for a module.
const (
	typeResourceGroup = "Microsoft.Resources/resourceGroups"
	// moduleAPIVersion is the API version of the nested deployment the
	// compiler writes for a module.
	moduleAPIVersion = "2025-04-01"
)

// Bounds on modules, on top of the evaluation bounds expr sets: the ARM
// loader's bound on nested deployments, and a bound on the module
// instances of one deployment so that loops of modules that loop over
// modules cost bounded time.
const (
	maxNesting  = 32
	maxModules  = 2000
	maxFileSize = 8 << 20 // bytes read of a module or of a file a load function names
)

// loader builds one deployment: its template and every module it loads.
type loader struct {
	d        *model.Deployment
	template *File
	read     func(path string) ([]byte, error)
	shared   *deployment
	files    map[string]*File // modules and imported files parsed, by path
	loading  []string         // modules being loaded, outermost first
	imports  map[string]*Env  // the files symbols are imported from, by path
	reading  []string         // imported files being evaluated, outermost first
	modules  int
	problems map[model.Span]bool
	// frontEnd returns the front-end of a module that is not a .bicep
	// file; nil when there is none.
	frontEnd func(path string) frontend.FrontEnd
	cache    *frontend.Cache          // the run's, for the .bicep files it reads; nil when none
	foreign  map[string]frontend.File // modules of other languages parsed, by path
	syntaxes []moduleSyntax
}

// problem records a problem once, however many instances meet it.
func (l *loader) problem(span model.Span, msg string) {
	if l.problems[span] {
		return
	}
	put(&l.problems, span, true)
	l.d.Problems = append(l.d.Problems, model.Problem{Span: span, Message: msg})
}

// Load builds the deployment of template deployed with what params gives,
// nil for its defaults. Local modules are read from the file system,
// relative to the file that names them; a module that is not a .bicep
// file is only checked to exist (FrontEnd.Load reads it with its own
// front-end).
func Load(template *File, params *frontend.Given) *model.Deployment {
	return load(template, params, readLocal, FrontEnd{})
}

// readLocal reads a regular file of at most maxFileSize bytes: a module or
// a file a load function names is never a device or a pipe.
func readLocal(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxFileSize {
		return nil, fmt.Errorf("larger than %d MB", maxFileSize>>20)
	}
	return b, nil
}

func load(template *File, params *frontend.Given, read func(string) ([]byte, error), fe FrontEnd) *model.Deployment {
	d := &model.Deployment{}
	if params != nil {
		params.AddTo(d)
	}
	if template == nil {
		d.Syntax = syntax{}
		return d
	}
	d.Template = template.Name
	d.Problems = append(d.Problems, problemsOf(template)...)
	d.Duplicates = append(d.Duplicates, duplicatesOf(template)...)
	d.Suppressions = append(d.Suppressions, suppressionsOf(template)...)
	l := &loader{d: d, template: template, read: read, shared: newDeployment(), frontEnd: fe.Modules, cache: fe.Cache}
	// Without targetScope the deployment goes to a resource group, and
	// the scope has no span: a finding about it lands on the resource.
	scope := targetScope(template)
	if scope.Kind == model.ScopeSubscription || scope.Kind == model.ScopeResourceGroup {
		// The subscription being deployed to, so that scopes in it compare.
		scope.Subscription = model.SymbolicString("{subscription().subscriptionId}", scope.Span)
	}
	d.TargetScope = scope
	var values []model.ParameterValue
	if params != nil {
		d.ParameterValues = params.Values
		values = params.Values
	}
	u := l.newUnit(template, values, scope, nil, 0)
	d.Parameters = u.parameters(values)
	u.declarations()
	written := []*File{template}
	for _, f := range l.files {
		if f != nil {
			written = append(written, f)
		}
	}
	d.Syntax = syntax{bicep: written, modules: l.syntaxes}
	return d
}

// problemsOf returns the syntax errors of f as problems.
func problemsOf(f *File) []model.Problem {
	out := make([]model.Problem, 0, len(f.Errors))
	for _, e := range f.Errors {
		out = append(out, model.Problem{Span: e.Span, Message: e.Msg})
	}
	return out
}

// duplicatesOf returns the properties written twice in one object of f,
// worked out once for the file; the caller copies them. The compiler
// rejects them; names compare ignoring case, as ARM compares the
// properties of the JSON it would write, and the evaluated object reads
// the last one.
func duplicatesOf(f *File) []model.Duplicate {
	f.dupsOnce.Do(func() { f.dups = findDuplicates(f) })
	return f.dups
}

func findDuplicates(f *File) []model.Duplicate {
	var out []model.Duplicate
	for _, st := range f.Stmts {
		Inspect(st, func(n Node) bool {
			o, ok := n.(*ObjectLit)
			if !ok || o == nil || len(o.Members) < 2 {
				return true // one member cannot be a duplicate
			}
			if len(o.Members) > maxScanned {
				out = mappedDuplicates(out, o)
				return true
			}
			for j, m := range o.Members {
				name, ok := memberName(m)
				if !ok {
					continue
				}
				// The first property before it of the same name.
				for _, prev := range o.Members[:j] {
					if prevName, ok := memberName(prev); ok && sameLower(prevName, name) {
						out = append(out, model.Duplicate{Span: spanOf(m.(*Property).Key), Key: name, First: spanOf(prev.(*Property).Key), FirstKey: prevName})
						break
					}
				}
			}
			return true
		})
	}
	return out
}

// maxScanned is the most members of an object whose duplicates
// findDuplicates finds by comparing each member with those before it,
// which allocates nothing; a larger object's are found with a map.
const maxScanned = 16

// mappedDuplicates appends the duplicate properties of o to out.
func mappedDuplicates(out []model.Duplicate, o *ObjectLit) []model.Duplicate {
	first := make(map[string]*Property, len(o.Members))
	for _, m := range o.Members {
		name, ok := memberName(m)
		if !ok {
			continue
		}
		p := m.(*Property)
		folded := strings.ToLower(name)
		prev, seen := first[folded]
		if !seen {
			first[folded] = p
			continue
		}
		prevName, _ := propertyName(prev.Key)
		out = append(out, model.Duplicate{Span: spanOf(p.Key), Key: name, First: spanOf(prev.Key), FirstKey: prevName})
	}
	return out
}

// memberName returns the name of a member of an object that is a property
// whose key is written as a name or a plain string.
func memberName(m Node) (string, bool) {
	p, ok := m.(*Property)
	if !ok || p == nil {
		return "", false
	}
	return propertyName(p.Key)
}

// sameLower reports whether a and b lower-case to the same name, as the
// map of mappedDuplicates compares them, without lower-casing names that
// are all ASCII, as names nearly always are. Other names are not
// compared with strings.EqualFold, which folds more pairs ("ſ" and "s").
func sameLower(a, b string) bool {
	if isASCII(a) && isASCII(b) {
		// ASCII letters lower-case only to each other.
		return len(a) == len(b) && strings.EqualFold(a, b)
	}
	la, lb := strings.ToLower(a), strings.ToLower(b)
	return la == lb
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// propertyName returns the name of a property key that is written as a
// name or a plain string.
func propertyName(k Expr) (string, bool) {
	switch k := k.(type) {
	case *Ident:
		if k != nil {
			return k.Name, true
		}
	case *StringLit:
		if k != nil {
			return k.Text()
		}
	}
	return "", false
}

// unit is one file being deployed: the template, or one instance of a
// module, with the scope it deploys to.
type unit struct {
	l      *loader
	file   *File
	env    *Env
	scope  model.Scope
	nested *model.NestedDeployment // the module instance, nil for the template
	depth  int
	decls  map[string]*decl
}

// decl is a resource or module the file declares, as references see it.
type decl struct {
	res   *Resource
	mod   *Module
	state evalState
	ref   model.Value // what a reference to the symbol evaluates to, once state is done
	// at and node are the last reference built, at the name it was built
	// for: a loop of modules evaluates the same reference once per
	// instance, and the node is the same each time.
	at   *Ident
	node expr.Node
}

// newUnit prepares f deployed at scope with the given parameter values.
func (l *loader) newUnit(f *File, values []model.ParameterValue, scope model.Scope, nested *model.NestedDeployment, depth int) *unit {
	u := &unit{l: l, file: f, scope: scope, nested: nested, depth: depth, decls: map[string]*decl{}}
	for _, st := range f.Stmts {
		switch st := st.(type) {
		case *Resource:
			if st.Name != nil {
				u.decls[st.Name.Name] = &decl{res: st}
			}
		case *Module:
			if st.Name != nil {
				u.decls[st.Name.Name] = &decl{mod: st}
			}
		}
	}
	dir := filepath.Dir(f.Name)
	opts := Options{
		Params:   givenByDeclared(f, values),
		Resolve:  u.resolve,
		ReadFile: func(path string) ([]byte, error) { return l.read(filepath.Join(dir, path)) },
	}
	u.env = newEnvAt(f, opts, l.shared, scope)
	return u
}

// givenByDeclared keys the given values by the names f declares. Bicep
// names are case-sensitive, but Azure matches a parameters file's names
// to the compiled template's ignoring case.
func givenByDeclared(f *File, values []model.ParameterValue) map[string]model.Value {
	out := map[string]model.Value{}
	for _, st := range f.Stmts {
		p, ok := st.(*Param)
		if !ok || p.Name == nil {
			continue
		}
		for _, v := range values {
			if strings.EqualFold(v.Name, p.Name.Name) {
				out[p.Name.Name] = v.Value // the last one written wins
			}
		}
	}
	return out
}

// declarations builds the registration resources of the unit, then
// follows its modules, in the order the compiler writes them.
func (u *unit) declarations() {
	for _, st := range u.file.Stmts {
		if r, ok := st.(*Resource); ok {
			u.resource(r)
		}
	}
	for _, st := range u.file.Stmts {
		if m, ok := st.(*Module); ok {
			u.module(m)
		}
	}
}

// instance is one instance of a resource or module declaration: its body
// and how to evaluate an expression of it.
type instance struct {
	body *ObjectLit
	cond model.Value
	copy *model.Copy
	eval func(Expr) model.Value
}

// get evaluates the body's property name, Missing at the body when it has
// none.
func (in instance) get(name string) model.Value {
	if x := property(in.body, name); x != nil {
		return in.eval(x)
	}
	return model.MissingAt(in.body.Span)
}

// property returns the value of the property name of o, nil when o has
// none. Of a property written twice, the last one counts, as in the
// evaluated object.
func property(o *ObjectLit, name string) Expr {
	if o == nil {
		return nil
	}
	for i := len(o.Members) - 1; i >= 0; i-- {
		p, ok := o.Members[i].(*Property)
		if !ok || p == nil {
			continue
		}
		if key, ok := propertyName(p.Key); ok && strings.EqualFold(key, name) {
			return p.Value
		}
	}
	return nil
}

// each calls do for every instance the declaration's value makes: one, none
// when its condition is false (unless all is set), or one per item of its
// loop. A loop over values not known before deployment makes one instance
// that stands for all, whose item is unknown.
func (u *unit) each(symbol string, value Expr, all bool, do func(instance)) {
	e := u.env
	one := func(body Expr, c *model.Copy, eval func(Expr) model.Value) {
		in := instance{copy: c, eval: eval, cond: model.Value{}}
		if ib, ok := body.(*IfBody); ok && ib != nil {
			in.cond = eval(ib.Cond)
			if b, ok := in.cond.Bool(); ok && !b && u.nested == nil {
				// The template's own parameters are the deployer's to set.
				in.cond = e.unlessDefaults(in.cond, func() model.Value { return eval(ib.Cond) })
			}
			if b, ok := in.cond.Bool(); ok && !b && !all {
				return // not deployed
			}
			body = ib.Body
		} else {
			in.cond = model.MissingAt(spanOf(body))
		}
		o, ok := body.(*ObjectLit)
		if !ok || o == nil {
			return
		}
		in.body = o
		do(in)
	}
	f, ok := value.(*ForExpr)
	if !ok || f == nil {
		if !nilExpr(value) {
			one(value, nil, e.Eval)
		}
		return
	}
	if f.Item == nil || nilExpr(f.Body) {
		return
	}
	items := e.Eval(f.Iterable)
	if items.Kind() != model.Array {
		reason := items.Reason()
		if !items.IsUnknown() {
			reason = fmt.Sprintf("a loop runs over an array, got %s", items.Kind().Article())
		}
		item := model.UnknownValue(reason, spanOf(f.Iterable))
		count := model.UnknownValue(reason, spanOf(f.Iterable))
		c := &model.Copy{Name: symbol, Span: f.Span, Count: count, Index: -1}
		it := iteration(f, item, -1)
		one(f.Body, c, func(x Expr) model.Value { return e.evalIn(it, x) })
		return
	}
	// As for an ARM copy loop, the count is known however large, and the
	// first model.MaxCopies instances stand for the rest.
	count := model.IntValue(int64(items.Len()), spanOf(f.Iterable))
	for i, item := range items.Items() {
		if i == model.MaxCopies {
			break
		}
		c := &model.Copy{Name: symbol, Span: f.Span, Count: count, Index: i}
		it := iteration(f, item, i)
		one(f.Body, c, func(x Expr) model.Value { return e.evalIn(it, x) })
	}
}

// resourceType splits 'Type@version' into the type and the API version,
// each spanned at its own text inside the quotes when the literal has no
// escapes. The version is then a literal: a fix may replace its text, which
// syntax.Literal writes without quotes.
func resourceType(t *StringLit) (typ, version model.Value) {
	text, ok := t.Text()
	if !ok {
		return model.UnknownValue("the resource type is not a plain string", t.Span), model.MissingAt(t.Span)
	}
	name, ver, _ := strings.Cut(text, "@")
	typSpan, verSpan := t.Span, t.Span
	if int(t.End()-t.Pos()) == len(text)+2 && !t.Multi {
		start := t.Pos() + 1
		typSpan = model.Span{StartPos: start, EndPos: start + token.Pos(len(name))}
		verSpan = model.Span{StartPos: typSpan.EndPos + 1, EndPos: t.End() - 1}
	}
	typ = model.StringValue(name, typSpan)
	version = model.StringValue(ver, verSpan)
	if verSpan != t.Span {
		version = model.LiteralString(ver, verSpan)
	}
	if !strings.Contains(text, "@") {
		version = model.MissingAt(t.Span)
	}
	return typ, version
}

// resource builds each instance of a registration resource the unit
// declares.
func (u *unit) resource(r *Resource) {
	if r.Existing || r.Type == nil || r.Name == nil {
		return
	}
	typ, version := resourceType(r.Type)
	isDef := strings.EqualFold(typ.Text(), model.TypeDefinition)
	isPolicy := strings.EqualFold(typ.Text(), typePolicyDefinition)
	if !isDef && !isPolicy && !strings.EqualFold(typ.Text(), model.TypeAssignment) {
		return
	}
	deps := u.dependsOn(r.Value)
	u.each(r.Name.Name, r.Value, false, func(in instance) {
		res := model.Resource{
			Span:       r.Span,
			Type:       typ,
			APIVersion: version,
			Name:       in.get("name"),
			Symbol:     r.Name.Name,
			Scope:      u.scopeOf(in, property(in.body, "scope"), u.scope),
			DependsOn:  deps,
			Condition:  in.cond,
			Copy:       in.copy,
			Deployment: u.nested,
			Properties: in.get("properties"),
		}
		if isPolicy {
			u.policy(res)
			return
		}
		if isDef {
			def := model.DefinitionOf(res.Properties)
			def.Resource = res
			def.Plan = in.get("plan")
			u.l.d.Definitions = append(u.l.d.Definitions, def)
			return
		}
		u.l.d.Assignments = append(u.l.d.Assignments, &model.Assignment{
			Resource:                 res,
			RegistrationDefinitionID: res.Properties.Get("registrationDefinitionId"),
		})
	})
}

// scopeOf returns where a module or an extension resource deploys: the
// scope its scope property names (resourceGroup(…), subscription(…),
// managementGroup(…), tenant(), or a resource group the file declares), or
// outer when it names none, as the compiled nested deployment's
// resourceGroup, subscriptionId and scope properties say.
func (u *unit) scopeOf(in instance, x Expr, outer model.Scope) model.Scope {
	if nilExpr(x) {
		return outer
	}
	sp := spanOf(x)
	c, ok := x.(*Call)
	if !ok || c.X != nil || c.Name == nil {
		// A resource group the file declares: its name.
		if d := u.decls[rootName(x)]; d != nil && d.res != nil && d.res.Type != nil {
			if t, _ := resourceType(d.res.Type); strings.EqualFold(t.Text(), typeResourceGroup) {
				name := in.eval(&Member{Span: sp, X: x, Name: &Ident{Span: sp, Name: "name"}})
				return model.Scope{Kind: model.ScopeResourceGroup, Span: sp, Subscription: outer.Subscription, ResourceGroup: name}
			}
		}
		return model.Scope{Kind: model.ScopeUnknown, Span: sp, Subscription: outer.Subscription}
	}
	args := make([]model.Value, len(c.Args))
	for i, a := range c.Args {
		args[i] = in.eval(a)
	}
	switch c.Name.Name {
	case "resourceGroup":
		s := model.Scope{Kind: model.ScopeResourceGroup, Span: sp, Subscription: outer.Subscription, ResourceGroup: outer.ResourceGroup}
		switch len(args) {
		case 1:
			s.ResourceGroup = args[0]
		case 2:
			s.Subscription, s.ResourceGroup = args[0], args[1]
		}
		return s
	case "subscription":
		s := model.Scope{Kind: model.ScopeSubscription, Span: sp, Subscription: outer.Subscription}
		if len(args) == 1 {
			s.Subscription = args[0]
		}
		return s
	case "managementGroup":
		s := model.Scope{Kind: model.ScopeManagementGroup, Span: sp, ManagementGroup: outer.ManagementGroup}
		if len(args) == 1 {
			s.ManagementGroup = args[0]
		}
		return s
	case "tenant":
		return model.Scope{Kind: model.ScopeTenant, Span: sp}
	}
	return model.Scope{Kind: model.ScopeUnknown, Span: sp, Subscription: outer.Subscription}
}

// rootName returns the symbol an access chain starts from: rgs for
// rgs[i], "" for anything else.
func rootName(x Expr) string {
	for {
		switch v := x.(type) {
		case *Ident:
			if v == nil {
				return ""
			}
			return v.Name
		case *Index:
			if v == nil {
				return ""
			}
			x = v.X
		case *Paren:
			if v == nil {
				return ""
			}
			x = v.X
		default:
			return ""
		}
	}
}

// dependsOn returns the resources and modules a declaration depends on:
// those its body refers to, directly or through variables, and those its
// dependsOn lists, as the compiler infers them. Each is the symbol name,
// as the compiler writes it in symbolic-name mode, at the reference.
func (u *unit) dependsOn(value Expr) []model.Value {
	var deps []model.Value
	seen := map[string]bool{}
	visited := map[*Var]bool{}
	var walk func(n Node)
	walk = func(n Node) {
		Inspect(n, func(n Node) bool {
			switch n := n.(type) {
			case *Property:
				if n != nil && n.Value != nil {
					walk(n.Value)
				}
				return false
			case *Member:
				if n != nil && n.X != nil {
					walk(n.X)
				}
				return false
			case *Call:
				if n != nil {
					if n.X != nil {
						walk(n.X)
					}
					for _, a := range n.Args {
						if a != nil {
							walk(a)
						}
					}
				}
				return false
			case *Resource:
				return false // a nested resource is a declaration of its own
			case *Ident:
				if n == nil {
					return false
				}
				if v, ok := u.env.syms.vars[n.Name]; ok && !visited[v] && v.Value != nil {
					visited[v] = true
					walk(v.Value)
				}
				d := u.decls[n.Name]
				if d == nil || seen[n.Name] || (d.res != nil && d.res.Existing) {
					return false
				}
				seen[n.Name] = true
				deps = append(deps, model.StringValue(n.Name, n.Span))
			}
			return true
		})
	}
	if value != nil {
		walk(value)
	}
	return deps
}

// resolve gives the value of a reference to a resource or module the file
// declares: an object with the id, name, type and apiVersion of a
// resource, and the name of a module; an array of them for a loop.
func (u *unit) resolve(x Expr) (expr.Node, bool) {
	id, ok := x.(*Ident)
	if !ok || id == nil {
		return nil, false
	}
	d := u.decls[id.Name]
	if d == nil {
		return u.l.imported(u.file, id)
	}
	switch d.state {
	case busy:
		return unknown(id, "%q refers to itself", id.Name), true
	case pending:
		d.state = busy
		// The declaration is evaluated where it is written, outside the
		// loops and lambdas of the expression that refers to it.
		saved := u.env.low.locals
		u.env.low.locals = nil
		d.ref = u.reference(d)
		u.env.low.locals = saved
		d.state = done
	}
	if d.at != id {
		d.at, d.node = id, u.refNode(id, d)
	}
	return d.node, true
}

// reference evaluates the names of the declaration's instances, in an
// array for a loop.
func (u *unit) reference(d *decl) model.Value {
	value, name := Expr(nil), ""
	if d.res != nil {
		value, name = d.res.Value, d.res.Name.Name
	} else {
		value, name = d.mod.Value, d.mod.Name.Name
	}
	if nilExpr(value) || (d.res != nil && d.res.Type == nil) {
		var span model.Span
		if d.res != nil {
			span = d.res.Span
		} else {
			span = d.mod.Span
		}
		return model.UnknownValue(fmt.Sprintf("the declaration of %q is incomplete", name), span)
	}
	var names []model.Value
	// A reference to a resource that is not deployed still compiles to
	// its ID, which the compiler builds from the name.
	u.each(name, value, true, func(in instance) {
		n := in.get("name")
		if n.IsMissing() && d.mod != nil {
			n = model.SymbolicString(fmt.Sprintf("%s-{uniqueString('%s', deployment().name)}", name, name), d.mod.Name.Span)
		}
		names = append(names, n)
	})
	if f, ok := value.(*ForExpr); ok && f != nil {
		return model.ArrayValue(names, f.Span)
	}
	if len(names) == 0 {
		return model.UnknownValue(fmt.Sprintf("the body of %q is not an object", name), spanOf(value))
	}
	return names[0]
}

// refNode builds the value of the reference id to d from the names of its
// instances.
func (u *unit) refNode(id *Ident, d *decl) expr.Node {
	member := func(key string, v model.Value) model.Member {
		return model.Member{Key: key, KeySpan: id.Span, Value: v}
	}
	// Built as values, not as createObject(), so that what is unknown of
	// the resource (its properties, a module's outputs) leaves the rest
	// known.
	one := func(name model.Value) model.Value {
		if d.mod != nil {
			return model.ObjectValue(model.Members{
				member("name", name),
				member("outputs", model.UnknownValue(fmt.Sprintf("lhlint does not evaluate the outputs of module %q", id.Name), id.Span)),
			}, id.Span)
		}
		typ, version := resourceType(d.res.Type)
		return model.ObjectValue(model.Members{
			member("id", expr.Eval(u.env, u.resourceID(id, d.res, typ.Text(), lit(name.Span, name)))),
			member("name", name),
			member("type", model.StringValue(typ.Text(), id.Span)),
			member("apiVersion", model.StringValue(version.Text(), id.Span)),
			member("properties", model.UnknownValue(fmt.Sprintf("the properties of %q are read when the deployment runs", id.Name), id.Span)),
		}, id.Span)
	}
	if d.ref.Kind() != model.Array {
		if d.ref.IsUnknown() {
			return lit(id.Span, d.ref.WithSpan(id.Span))
		}
		return lit(id.Span, one(d.ref))
	}
	items := make([]model.Value, 0, d.ref.Len())
	for _, n := range d.ref.Items() {
		items = append(items, one(n))
	}
	return lit(id.Span, model.ArrayValue(items, id.Span))
}

// resourceID builds the ID of resource r named name, with the function the
// compiler uses for the scope r deploys to.
func (u *unit) resourceID(id *Ident, r *Resource, typ string, name expr.Node) expr.Node {
	kind := u.scope.Kind
	if c, ok := property(bodyOf(r.Value), "scope").(*Call); ok && c != nil && c.X == nil && c.Name != nil && len(c.Args) == 0 {
		switch c.Name.Name {
		case "subscription":
			kind = model.ScopeSubscription
		case "tenant":
			kind = model.ScopeTenant
		}
	}
	switch kind {
	case model.ScopeResourceGroup:
		return call(id, "resourceId", str(id, typ), name)
	case model.ScopeSubscription:
		return call(id, "subscriptionResourceId", str(id, typ), name)
	case model.ScopeTenant:
		return call(id, "tenantResourceId", str(id, typ), name)
	case model.ScopeManagementGroup:
		mg := &expr.Member{Span: id.Span, X: call(id, "managementGroup"), Name: "id", NameSpan: id.Span}
		return call(id, "extensionResourceId", mg, str(id, typ), name)
	}
	return unknown(id, "the scope of %q is not known", id.Name)
}

// bodyOf returns the object of a declaration's value, through its loop and
// condition.
func bodyOf(x Expr) *ObjectLit {
	if f, ok := x.(*ForExpr); ok && f != nil {
		x = f.Body
	}
	if ib, ok := x.(*IfBody); ok && ib != nil {
		x = ib.Body
	}
	o, _ := x.(*ObjectLit)
	return o
}

// module deploys each instance of a module the unit declares to the scope
// its scope property names, as the compiled nested deployment does.
func (u *unit) module(m *Module) {
	if m.Path == nil || m.Name == nil {
		return
	}
	rel, ok := m.Path.Text()
	if !ok {
		return
	}
	remote := isRemote(rel)
	if remote && !isAVMRegistration(rel) {
		u.l.unread(m, rel) // a registry or template spec module cannot be fetched
		return
	}
	deps := u.dependsOn(m.Value)
	u.each(m.Name.Name, m.Value, false, func(in instance) {
		name := in.get("name")
		if name.IsMissing() {
			name = model.SymbolicString(fmt.Sprintf("%s-{uniqueString('%s', deployment().name)}", m.Name.Name, m.Name.Name), m.Name.Span)
		}
		target := u.scopeOf(in, property(in.body, "scope"), u.scope)
		nd := &model.NestedDeployment{Inner: true, Resource: model.Resource{
			Span:       m.Span,
			Type:       model.StringValue(model.TypeDeployment, m.Path.Span),
			APIVersion: model.StringValue(moduleAPIVersion, m.Path.Span),
			Name:       name,
			Symbol:     m.Name.Name,
			Scope:      target,
			DependsOn:  deps,
			Condition:  in.cond,
			Copy:       in.copy,
			Deployment: u.nested,
			Properties: in.get("params"),
		}}
		if remote {
			u.avm(m, nd)
			return
		}
		var values []model.ParameterValue
		for _, p := range nd.Properties.Members() {
			values = append(values, model.ParameterValue{Name: p.Key, Span: p.KeySpan, Value: p.Value})
		}
		u.l.module(u, m, rel, values, nd)
	})
}

// isRemote reports whether a module path names a registry or template spec.
func isRemote(path string) bool {
	return strings.HasPrefix(path, "br:") || strings.HasPrefix(path, "br/") || strings.HasPrefix(path, "ts:") || strings.HasPrefix(path, "ts/")
}

// module loads the file of module m, which parent names rel, and deploys it
// with values to nd's scope.
func (l *loader) module(parent *unit, m *Module, rel string, values []model.ParameterValue, nd *model.NestedDeployment) {
	path := filepath.Clean(filepath.Join(filepath.Dir(parent.file.Name), filepath.FromSlash(rel)))
	var ml frontend.ModuleLoader
	if ext := strings.ToLower(filepath.Ext(rel)); ext != ".bicep" && l.frontEnd != nil {
		// Only a front-end that reads files of this kind loads it: a path
		// such as a resource type is no template of any language.
		if fe := l.frontEnd(path); slices.Contains(fe.Extensions(), ext) {
			ml, _ = fe.(frontend.ModuleLoader)
		}
	}
	if !strings.EqualFold(filepath.Ext(rel), ".bicep") && ml == nil {
		// A local ARM JSON module is not read yet, but the compiler reads
		// every local module path, whatever its extension, and fails on one
		// that is not there.
		if _, err := l.read(path); err != nil {
			msg := fmt.Sprintf("module %q cannot be read: %v", rel, unwrapPath(err))
			if looksLikeResourceType(rel) {
				msg += `; a resource type is declared with "resource", not "module"`
			}
			l.problem(m.Path.Span, msg)
		}
		return
	}
	switch {
	case parent.depth+1 > maxNesting:
		l.problem(m.Path.Span, fmt.Sprintf("modules are nested more than %d deep", maxNesting))
		return
	case l.modules >= maxModules:
		l.problem(m.Path.Span, fmt.Sprintf("the deployment loads more than %d modules", maxModules))
		return
	}
	for _, p := range l.loading {
		if p == path {
			l.problem(m.Path.Span, fmt.Sprintf("module %q includes itself", rel))
			return
		}
	}
	if ml != nil {
		l.foreignModule(ml, m, path, rel, values, nd)
		return
	}
	f := l.parsed(path, "module", rel, m.Path.Span)
	if f == nil {
		return
	}
	l.modules++
	l.loading = append(l.loading, path)
	child := l.newUnit(f, values, nd.Scope, nd, parent.depth+1)
	before := len(l.d.Definitions) + len(l.d.Assignments)
	child.declarations()
	if len(l.d.Definitions)+len(l.d.Assignments) > before {
		l.d.Deployments = append(l.d.Deployments, nd)
	}
	l.loading = l.loading[:len(l.loading)-1]
}

// foreignModule deploys the module at path, a template of another
// language (an ARM JSON template), with values to nd's scope, as its own
// front-end ml loads it. The file is parsed once for the deployment, into
// the template's FileSet, and handed to the command line through the
// template's Loaded, so that findings in it are reported in it.
func (l *loader) foreignModule(ml frontend.ModuleLoader, m *Module, path, rel string, values []model.ParameterValue, nd *model.NestedDeployment) {
	f, ok := l.foreign[path]
	if !ok {
		fe, _ := ml.(frontend.FrontEnd)
		content, err := l.read(path)
		switch {
		case err != nil:
			l.problem(m.Path.Span, fmt.Sprintf("module %q cannot be read: %v", rel, unwrapPath(err)))
		case fe != nil && l.template.fset != nil:
			f = fe.Parse(l.template.fset, path, content)
			l.template.loaded = append(l.template.loaded, f.Source())
			g := f.Given()
			l.d.Problems = append(l.d.Problems, g.Problems...)
			l.d.Duplicates = append(l.d.Duplicates, g.Duplicates...)
			l.d.Suppressions = append(l.d.Suppressions, g.Suppressions...)
		}
		put(&l.foreign, path, f)
		if f != nil {
			l.syntaxes = append(l.syntaxes, moduleSyntax{file: f.Source()})
		}
	}
	if f == nil {
		return
	}
	l.modules++
	sub := ml.LoadModule(f, values, nd, l.shared.budget)
	for i := range l.syntaxes {
		if l.syntaxes[i].file == f.Source() {
			l.syntaxes[i].syntax = sub.Syntax
		}
	}
	if l.merge(sub) {
		l.d.Deployments = append(l.d.Deployments, nd)
	}
}

// merge adds what another front-end built, a deployment of a module or a
// policy's template, to the deployment, and reports whether it declares
// registration resources.
func (l *loader) merge(sub *model.Deployment) bool {
	for _, p := range sub.Problems {
		l.problem(p.Span, p.Message)
	}
	l.d.Definitions = append(l.d.Definitions, sub.Definitions...)
	l.d.Assignments = append(l.d.Assignments, sub.Assignments...)
	l.d.Deployments = append(l.d.Deployments, sub.Deployments...)
	return len(sub.Definitions)+len(sub.Assignments) > 0
}

// looksLikeResourceType reports whether a module path is written like
// 'Namespace/type@version' rather than like a file.
func looksLikeResourceType(path string) bool {
	typ, version, ok := strings.Cut(path, "@")
	return ok && version != "" && strings.Count(typ, "/") >= 1 && !strings.HasPrefix(typ, ".") && strings.Contains(typ[:strings.Index(typ, "/")], ".")
}

// parsed returns the file at path, which a module or an import (what)
// names rel at span, parsed once for the deployment (once for the run
// when the run's cache takes it) with its syntax errors, duplicates and
// suppressions recorded, and handed to the command line through the
// template's Loaded; nil when it cannot be read, which is
// recorded as a problem at span.
func (l *loader) parsed(path, what, rel string, span model.Span) *File {
	if f, ok := l.files[path]; ok {
		return f
	}
	fset := l.template.fset
	parsed, _, err := l.cache.File(fset, path, func() ([]byte, error) { return l.read(path) }, func(content []byte) frontend.File {
		if fset == nil {
			return nil
		}
		return Parse(fset, path, content)
	})
	if err != nil {
		l.problem(span, fmt.Sprintf("%s %q cannot be read: %v", what, rel, unwrapPath(err)))
		put(&l.files, path, nil)
		return nil
	}
	f, _ := parsed.(*File)
	if f == nil {
		return nil
	}
	put(&l.files, path, f)
	l.template.loaded = append(l.template.loaded, f.File)
	l.d.Problems = append(l.d.Problems, problemsOf(f)...)
	l.d.Duplicates = append(l.d.Duplicates, duplicatesOf(f)...)
	l.d.Suppressions = append(l.d.Suppressions, suppressionsOf(f)...)
	return f
}

// imported gives the value of id when file imports it from a local Bicep
// file: the compiler copies an imported variable into the template, so it
// is the value of the exported variable, evaluated in the file that
// declares it, and a finding on it lands there; a namespace is an object
// of the file's exported variables. It returns false when id is not
// imported that way.
func (l *loader) imported(file *File, id *Ident) (expr.Node, bool) {
	rel, name, path, from, ok := importOf(file, id.Name)
	if !ok {
		return nil, false
	}
	if slices.Contains(l.reading, path) {
		return unknown(id, "%q imports %q from a file that imports it back", filepath.Base(file.Name), id.Name), true
	}
	if len(l.reading) >= maxNesting {
		return unknown(id, "imports are nested more than %d deep", maxNesting), true
	}
	e := l.imports[path]
	if e == nil {
		f := l.parsed(path, "import", rel, from)
		if f == nil {
			return unknown(id, "%q cannot be read", rel), true
		}
		dir := filepath.Dir(path)
		e = newEnv(f, Options{
			Resolve: func(x Expr) (expr.Node, bool) {
				if id, ok := x.(*Ident); ok && id != nil {
					return l.imported(f, id)
				}
				return nil, false
			},
			ReadFile: func(p string) ([]byte, error) { return l.read(filepath.Join(dir, p)) },
		}, l.shared)
		put(&l.imports, path, e)
	}
	if name == "" {
		// import * as ns: ns is an object of the file's exported variables.
		var members model.Members
		for _, st := range e.file.Stmts {
			if v, ok := st.(*Var); ok && v != nil && v.Name != nil && exported(e.file, v.Name.Name) {
				members = append(members, model.Member{Key: v.Name.Name, KeySpan: v.Name.Span, Value: l.exportedValue(e, path, v.Name.Name)})
			}
		}
		return lit(spanOf(id), model.ObjectValue(members, spanOf(id))), true
	}
	if !exported(e.file, name) {
		return unknown(id, "%q exports no variable %q", rel, name), true
	}
	return lit(spanOf(id), l.exportedValue(e, path, name).WithHop(spanOf(id), "value flows through this expression")), true
}

// exportedValue evaluates the exported variable name of the file at path,
// whose Env is e.
func (l *loader) exportedValue(e *Env, path, name string) model.Value {
	l.reading = append(l.reading, path)
	v, _ := e.Variable(name)
	l.reading = l.reading[:len(l.reading)-1]
	return v
}

// importOf finds the import of file that binds symbol to a name of a
// local .bicep file, or to the namespace of one (import * as): the path as
// written and its span, the name the file exports ("" for a namespace) and
// the path of the file.
func importOf(file *File, symbol string) (rel, name, path string, from model.Span, ok bool) {
	for _, st := range file.Stmts {
		im, isImport := st.(*Import)
		if !isImport || im == nil || im.From == nil {
			continue
		}
		if im.Wildcard != nil && im.Wildcard.Name == symbol {
			name = ""
		} else {
			for _, it := range im.Items {
				if it == nil {
					continue
				}
				n, isIdent := it.Name.(*Ident)
				if isIdent && n != nil && ((it.Alias == nil && n.Name == symbol) || (it.Alias != nil && it.Alias.Name == symbol)) {
					name = n.Name
					break
				}
			}
			if name == "" {
				continue
			}
		}
		rel, ok = im.From.Text()
		if !ok || isRemote(rel) || !strings.EqualFold(filepath.Ext(rel), ".bicep") {
			return "", "", "", model.Span{}, false
		}
		path = filepath.Clean(filepath.Join(filepath.Dir(file.Name), filepath.FromSlash(rel)))
		return rel, name, path, im.From.Span, true
	}
	return "", "", "", model.Span{}, false
}

// exported reports whether f declares a variable name with @export().
func exported(f *File, name string) bool {
	for _, st := range f.Stmts {
		v, ok := st.(*Var)
		if !ok || v == nil || v.Name == nil || v.Name.Name != name {
			continue
		}
		for _, d := range v.Decorators {
			if c, ok := d.X.(*Call); ok && c != nil && c.X == nil && c.Name != nil && c.Name.Name == "export" {
				return true
			}
		}
	}
	return false
}

// unwrapPath drops the path from an error of package os, which the
// message names already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
