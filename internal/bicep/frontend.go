package bicep

import (
	"bytes"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/jsonc"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// FrontEnd is the Bicep front-end: .bicep templates and .bicepparam
// parameters files.
type FrontEnd struct {
	// Modules returns the front-end that reads a local module that is not
	// a .bicep file (an ARM JSON template), by its path: the package never
	// names another front-end. A module whose front-end is not a
	// frontend.ModuleLoader, or all of them when Modules is nil, is checked
	// to exist and not read.
	Modules func(path string) frontend.FrontEnd
	// Cache is the run's: a .bicep file that many deployments read as a
	// module or import is parsed once for the run. Nil parses it for each.
	Cache *frontend.Cache
}

var (
	_ frontend.FrontEnd        = FrontEnd{}
	_ frontend.ParseClassifier = FrontEnd{}
)

// Extensions returns .bicep and .bicepparam.
func (FrontEnd) Extensions() []string { return []string{".bicep", ".bicepparam"} }

// Parse parses a .bicepparam file as one, anything else as a template.
func (FrontEnd) Parse(fset *token.FileSet, name string, content []byte) frontend.File {
	if strings.EqualFold(filepath.Ext(name), ".bicepparam") {
		return ParseParams(fset, name, content)
	}
	return Parse(fset, name, content)
}

// Load is the package's Load. The template is a .bicep file Parse
// returned; the parameters file may come from any front-end. A .bicepparam
// file alone has its onboarding values checked on their own.
func (fe FrontEnd) Load(template, params frontend.File) *model.Deployment {
	t, _ := template.(*File)
	if t != nil && t.Params {
		t, params = nil, t
	}
	if params == nil {
		return load(t, nil, readLocal, fe)
	}
	g := params.Given()
	var d *model.Deployment
	if t == nil {
		d = Load(nil, &g)
		if !g.Malformed {
			parametersAlone(d, g)
		}
	} else {
		d = load(t, &g, readLocal, fe)
	}
	if p, ok := params.(*File); ok {
		// Fixes in the .bicepparam file are written in Bicep too.
		s, _ := d.Syntax.(syntax)
		s.bicep = append(s.bicep, p)
		d.Syntax = s
		// The files the .bicepparam file imports from are the template's
		// deployment's too: the command line learns of them from the
		// template.
		if t != nil {
			t.loaded = append(t.loaded, p.loaded...)
			p.loaded = nil
		}
	}
	return d
}

// Classify is the package's Classify.
func (FrontEnd) Classify(content []byte) frontend.Info { return Classify(content) }

var registrationType = []byte("microsoft.managedservices/registration")

// Classify says what a Bicep file is: a parameters file when it has a
// using line (whose path is its TemplateRef), a template otherwise. A
// template is an onboarding one when it declares a Microsoft.ManagedServices
// registration resource or uses the AVM module that declares them
// (remote.go), or has a policy definition that deploys them (policy.go),
// or names a registration type as a module by mistake.
// Content alone cannot say whether a local module declares one: Modules
// lists the local modules, .bicep files and ARM JSON templates, which
// discovery reads. Discovery keeps the Infos of every file of a
// repository at once, so the names kept are interned (see intern).
func Classify(content []byte) frontend.Info {
	return classifyParsed(classifyParse(content), content)
}

// ParseClassify is Parse and Classify with one parse, when Parse reads
// the file as what Classify says it is: a .bicepparam file with a using
// line, or a .bicep file without one. Otherwise it parses twice.
func (FrontEnd) ParseClassify(fset *token.FileSet, name string, content []byte) (frontend.File, frontend.Info) {
	params := strings.EqualFold(filepath.Ext(name), ".bicepparam")
	text, bad := source.Decode(content)
	lx := lex(text)
	if hasUsing(lx) != params {
		lx.release()
		return FrontEnd{}.Parse(fset, name, content), Classify(content)
	}
	f := newFile(fset, name, text, params)
	parseLexed(f, lx, bad)
	return f, classifyParsed(f, content)
}

// classifyParsed is Classify of content, parsed into f as what it is.
func classifyParsed(f *File, content []byte) frontend.Info {
	if f.Params {
		info := frontend.Info{Kind: frontend.Parameters, Malformed: len(f.Errors) > 0, Parameters: paramNames(f)}
		if u := usingOf(f); u != nil && u.Path != nil {
			ref, _ := u.Path.Text()
			info.TemplateRef = intern(ref)
		}
		for _, name := range info.Parameters {
			switch strings.ToLower(name) {
			case "authorizations", "eligibleauthorizations", "managedbytenantid":
				info.Onboarding = true
			}
		}
		return info
	}
	info := frontend.Info{Kind: frontend.Template, Malformed: len(f.Errors) > 0, Parameters: paramNames(f)}
	for _, st := range f.Stmts {
		Inspect(st, func(n Node) bool {
			if r, ok := n.(*Resource); ok && r != nil && r.Type != nil {
				if t, ok := r.Type.Text(); ok && (hasPrefixFold(t, registrationType) || deploysRegistration(r, t)) {
					info.Onboarding = true
				}
			}
			if m, ok := n.(*Module); ok && m != nil && m.Path != nil {
				// A module path that names a registration type is a mistake
				// for a resource, which fails to build: it is reported.
				path, ok := m.Path.Text()
				switch {
				case !ok:
				case isAVMRegistration(path), hasPrefixFold(path, registrationType):
					info.Onboarding = true
				case !isRemote(path) && isModuleFile(path) && !slices.Contains(info.Modules, path):
					info.Modules = append(info.Modules, intern(path))
				}
			}
			return true
		})
	}
	if info.Malformed && !info.Onboarding {
		lower := bytes.ToLower(content)
		info.Onboarding = bytes.Contains(lower, registrationType) || bytes.Contains(lower, []byte(avmRegistration))
	}
	return info
}

// paramNames returns the names of the parameters f declares or sets,
// interned (see frontend.InternNames).
func paramNames(f *File) []string {
	var buf [16]string
	names := buf[:0]
	for _, st := range f.Stmts {
		if d, ok := st.(*Param); ok && d.Name != nil {
			names = append(names, d.Name.Name)
		}
	}
	return frontend.InternNames(names)
}

// intern is frontend.Intern: discovery keeps the Infos of every file.
func intern(s string) string { return frontend.Intern(s) }

// isModuleFile reports whether a local module path names a file a
// front-end reads as a template: a .bicep file, or an ARM JSON template.
func isModuleFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".bicep", ".json", ".jsonc":
		return true
	}
	return false
}

// hasPrefixFold reports whether s starts with prefix, ignoring case.
func hasPrefixFold(s string, prefix []byte) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], string(prefix))
}

// classifyParse parses content for Classify, as a parameters file when it
// has a using line, a template otherwise. It lexes the text once, for both
// questions, and gives the file no line table: Classify reads no
// positions.
func classifyParse(content []byte) *File {
	text, bad := source.Decode(content)
	lx := lex(text)
	f := &File{
		File:   &source.File{Content: text, Tok: token.NewFileSet().AddFile("", -1, len(text))},
		Params: hasUsing(lx),
	}
	parseLexed(f, lx, bad)
	return f
}

// hasUsing reports whether the text lx lexed has a using line, which only
// a parameters file has: the word using at the start of a line, followed
// by a path or none.
func hasUsing(lx *lexer) bool {
	for i, t := range lx.toks {
		if t.Kind != Identifier || lx.text[t.Off:t.End] != "using" || i+1 >= len(lx.toks) || (i > 0 && lx.toks[i-1].Kind != NewLine) {
			continue
		}
		next := lx.toks[i+1]
		if isString(next.Kind) || (next.Kind == Identifier && lx.text[next.Off:next.End] == "none") {
			return true
		}
	}
	return false
}

func usingOf(f *File) *Using {
	for _, st := range f.Stmts {
		if u, ok := st.(*Using); ok && u != nil {
			return u
		}
	}
	return nil
}

// Source returns the file's text and its token.File.
func (f *File) Source() *source.File { return f.File }

// Loaded returns the local modules that loads of the file parsed into its
// FileSet, each once per load.
func (f *File) Loaded() []*source.File { return f.loaded }

// Given returns the values a .bicepparam file sets, each evaluated as the
// compiler evaluates it (readEnvironmentVariable() is unknown: it is read
// when the deployment runs), with its syntax errors and the parameters it
// sets twice, and its suppressions. A .bicep template gives nothing.
func (f *File) Given() frontend.Given {
	g := frontend.Given{Name: f.Name, Problems: problemsOf(f)}
	if !f.Params {
		return g
	}
	g.Suppressions = suppressionsOf(f)
	// A .bicepparam file may import variables from .bicep files, as a
	// template does (load.go).
	l := &loader{d: &model.Deployment{}, template: f, read: readLocal, shared: newDeployment()}
	e := newEnv(f, Options{
		Resolve: func(x Expr) (expr.Node, bool) {
			if id, ok := x.(*Ident); ok && id != nil {
				return l.imported(f, id)
			}
			return nil, false
		},
		ReadFile: func(path string) ([]byte, error) {
			return readLocal(filepath.Join(filepath.Dir(f.Name), path))
		},
	}, l.shared)
	first := map[string]*Ident{}
	for _, st := range f.Stmts {
		p, ok := st.(*Param)
		if !ok || p.Name == nil {
			continue
		}
		folded := strings.ToLower(p.Name.Name)
		if prev, ok := first[folded]; ok {
			g.Duplicates = append(g.Duplicates, model.Duplicate{Span: p.Name.Span, Key: p.Name.Name, First: prev.Span, FirstKey: prev.Name})
			continue
		}
		first[folded] = p.Name
		v, _ := e.Parameter(p.Name.Name)
		g.Values = append(g.Values, model.ParameterValue{Name: p.Name.Name, Span: p.Name.Span, Value: v})
	}
	g.Problems = append(g.Problems, l.d.Problems...)
	return g
}

// parameters returns the parameters the unit's file declares, with the
// values the deployment gives them.
func (u *unit) parameters(values []model.ParameterValue) []*model.Parameter {
	var out []*model.Parameter
	for _, st := range u.file.Stmts {
		p, ok := st.(*Param)
		if !ok || p.Name == nil {
			continue
		}
		decl := &model.Parameter{
			Name:    p.Name.Name,
			Span:    p.Name.Span,
			Decl:    model.MissingAt(p.Span),
			Default: model.MissingAt(p.Name.Span),
			Given:   model.MissingAt(p.Name.Span),
			Allowed: model.MissingAt(p.Name.Span),
		}
		decl.Type, decl.TypeKind = u.typeOf(p.Type, 0)
		if p.Value != nil {
			decl.Default = u.env.Eval(p.Value)
		}
		if d := FindDecorator(p.Decorators, "allowed"); d != nil && len(d.Args()) == 1 {
			decl.Allowed = u.env.Eval(d.Args()[0])
		}
		for _, v := range values {
			if strings.EqualFold(v.Name, p.Name.Name) {
				decl.Given, decl.GivenAt = v.Value, v.Span
			}
		}
		out = append(out, decl)
	}
	return out
}

// typeOf returns a declared type as written and the kind of value it
// takes, Missing when any kind or null may be given.
func (u *unit) typeOf(t Type, depth int) (model.Value, model.Kind) {
	if t == nil || isNil(t) {
		return model.Value{}, model.Missing
	}
	sp := spanOf(t)
	written := model.StringValue(u.text(sp), sp)
	switch t := t.(type) {
	case *NonNullType:
		_, k := u.typeOf(t.X, depth+1)
		return written, k
	case *TypeName:
		if t.Name == nil {
			break
		}
		switch t.Name.Name {
		case "string":
			return written, model.String
		case "int":
			return written, model.Int
		case "bool":
			return written, model.Bool
		case "object":
			return written, model.Object
		case "array":
			return written, model.Array
		}
		if depth < 8 {
			for _, st := range u.file.Stmts {
				if td, ok := st.(*TypeDecl); ok && td.Name != nil && td.Name.Name == t.Name.Name {
					_, k := u.typeOf(td.Type, depth+1)
					return written, k
				}
			}
		}
	case *ArrayType, *TupleType:
		return written, model.Array
	case *ObjectType:
		return written, model.Object
	case *ParenType:
		_, k := u.typeOf(t.X, depth+1)
		return written, k
	case *LitType:
		return written, u.env.Eval(t.X).Kind()
	case *UnionType:
		kind := model.Missing
		for i, m := range t.Members {
			_, k := u.typeOf(m, depth+1)
			if i > 0 && k != kind {
				return written, model.Missing
			}
			kind = k
		}
		return written, kind
	}
	return written, model.Missing
}

// text returns the source text of a span of the unit's file.
func (u *unit) text(sp model.Span) string {
	tok := u.file.Tok
	if !sp.IsValid() || tok.Base() > int(sp.Pos()) || int(sp.End()) > tok.Base()+tok.Size() || sp.End() < sp.Pos() {
		return ""
	}
	return string(u.file.Content[tok.Offset(sp.Pos()):tok.Offset(sp.End())])
}

// parametersAlone checks a parameters file no template claims: its
// onboarding values stand for one registration definition whose scope and
// resource envelope are unknown, as the ARM front-end does for its own.
func parametersAlone(d *model.Deployment, g frontend.Given) {
	var at model.Span
	get := func(name string) model.Value {
		var v model.Value
		for _, p := range g.Values {
			if strings.EqualFold(p.Name, name) {
				v = p.Value
			}
		}
		return v
	}
	if len(g.Values) > 0 {
		at = g.Values[0].Span
	}
	var present model.Members
	for _, m := range []struct{ key, param string }{
		{"registrationDefinitionName", "mspOfferName"},
		{"description", "mspOfferDescription"},
		{"managedByTenantId", "managedByTenantId"},
		{"authorizations", "authorizations"},
		{"eligibleAuthorizations", "eligibleAuthorizations"},
	} {
		if v := get(m.param); !v.IsMissing() {
			present = append(present, model.Member{Key: m.key, Value: v})
		}
	}
	props := model.ObjectValue(present, at)
	def := model.DefinitionOf(props)
	def.Resource = model.Resource{Span: at, Properties: props}
	d.Definitions = append(d.Definitions, def)
}

// syntax writes values as the files of a Bicep deployment write them:
// Bicep literals in .bicep and .bicepparam files, as its own front-end
// writes them in a module of another language, JSON in a JSON parameters
// file.
type syntax struct {
	bicep   []*File
	modules []moduleSyntax
}

// moduleSyntax is how the front-end of a module of another language
// writes literals in its file.
type moduleSyntax struct {
	file   *source.File
	syntax model.Syntax
}

// Literal writes v as a literal of the file that holds pos. Bicep strings
// are single-quoted, with \ ' and ${ escaped; arrays and objects are not
// written, since their layout is the file's.
func (s syntax) Literal(pos token.Pos, v model.Value) ([]byte, bool) {
	inBicep := false
	for _, f := range s.bicep {
		inBicep = inBicep || f.Contains(pos)
	}
	for _, m := range s.modules {
		if !inBicep && m.syntax != nil && m.file.Contains(pos) {
			return m.syntax.Literal(pos, v)
		}
	}
	if !inBicep && len(s.bicep) > 0 {
		return jsonc.Literal(v)
	}
	if s.inResourceType(pos) {
		return apiVersionText(v)
	}
	switch v.Kind() {
	case model.String:
		str, ok := v.Str()
		if !ok {
			return nil, false
		}
		r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`, "${", `\${`)
		return []byte("'" + r.Replace(str) + "'"), true
	case model.Int:
		n, _ := v.Int()
		return []byte(strconv.FormatInt(n, 10)), true
	case model.Bool:
		b, _ := v.Bool()
		return []byte(strconv.FormatBool(b)), true
	case model.Null:
		return []byte("null"), true
	}
	return nil, false
}

// inResourceType reports whether pos is inside the quotes of the type of a
// resource declaration, where the API version after "@" is written.
func (s syntax) inResourceType(pos token.Pos) bool {
	for _, f := range s.bicep {
		if !f.Contains(pos) {
			continue
		}
		for _, st := range f.Stmts {
			if r, ok := st.(*Resource); ok && r.Type != nil && r.Type.Pos() < pos && pos < r.Type.End() {
				return true
			}
		}
	}
	return false
}

// apiVersionText writes an API version inside a resource type string: as
// it is, when it holds only the characters an API version has.
func apiVersionText(v model.Value) ([]byte, bool) {
	str, ok := v.Str()
	if !ok || str == "" || strings.ContainsFunc(str, func(r rune) bool {
		return !(r == '-' || r == '.' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'))
	}) {
		return nil, false
	}
	return []byte(str), true
}
