package arm

import (
	"bytes"
	"go/token"
	"strings"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/jsonc"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// FrontEnd is the ARM JSON front-end: templates and parameters files
// written as JSON, with the comments and trailing commas Azure accepts.
type FrontEnd struct{}

var (
	_ frontend.FrontEnd        = FrontEnd{}
	_ frontend.ParseClassifier = FrontEnd{}
)

// Extensions returns .json and .jsonc.
func (FrontEnd) Extensions() []string { return []string{".json", ".jsonc"} }

// Classify is the package's Classify.
func (FrontEnd) Classify(content []byte) frontend.Info { return Classify(content) }

// ParseClassify is Parse and Classify, classifying from the values parsed
// where it can: a file is read in one pass. A file that cannot be linted
// is only classified (see mayBeLinted).
func (FrontEnd) ParseClassify(fset *token.FileSet, name string, content []byte) (frontend.File, frontend.Info) {
	if !mayBeLinted(content) {
		return nil, Classify(content)
	}
	f := Parse(fset, name, content)
	return f, classifyParsed(f, content)
}

// mayBeLinted reports whether content may be a file a deployment reads:
// one that mentions a registration resource (an onboarding template, or a
// malformed file that is reported for it), or a parameters file, which
// has parameters but no resources. Any other JSON file, such as a
// template that declares no registration, matters to pairing, which
// Classify serves, but is never linted: a repository holds many.
func mayBeLinted(content []byte) bool {
	return mentionsRegistration(content) ||
		bytes.Contains(content, []byte(`"parameters"`)) && !bytes.Contains(content, []byte(`"resources"`))
}

// Parse is the package's Parse.
func (FrontEnd) Parse(fset *token.FileSet, name string, content []byte) frontend.File {
	return Parse(fset, name, content)
}

// Load is the package's Load. The template is a file Parse returned; the
// parameters file may come from any front-end.
func (FrontEnd) Load(template, params frontend.File) *model.Deployment {
	t, _ := template.(*File)
	p, ours := params.(*File)
	if t == nil || params == nil || ours {
		return Load(t, p)
	}
	g := params.Given()
	return loadTemplate(t, &g)
}

// Source returns the file's text and its token.File.
func (f *File) Source() *source.File { return f.File }

// Loaded returns nil: an ARM template reads no other file.
func (f *File) Loaded() []*source.File { return nil }

// syntax writes values as the ARM JSON files of a deployment write them.
type syntax struct {
	template *File // nil for a parameters file checked on its own
}

// Literal writes v as JSON. In the template, ARM evaluates a string that
// looks like an expression, so such a string is escaped with a second '['
// (expr.Unescape); a parameters file's values are not evaluated.
func (s syntax) Literal(pos token.Pos, v model.Value) ([]byte, bool) {
	if str, ok := v.Str(); ok && s.template != nil && s.template.Contains(pos) &&
		(expr.IsExpression(str) || strings.HasPrefix(str, "[[")) {
		v = model.StringValue("["+str, v.Span)
	}
	return jsonc.Literal(v)
}

var (
	_ frontend.ModuleLoader = FrontEnd{}
	_ frontend.PolicyLoader = FrontEnd{}
)

// LoadPolicy builds what a policy definition written in another language
// deploys, from its properties as Azure stores them, as the ARM front-end
// does for a policy definition of its own.
func (FrontEnd) LoadPolicy(p frontend.Policy) *model.Deployment {
	d := &model.Deployment{}
	l := &loader{d: d, budget: p.Budget, problems: map[model.Span]bool{}}
	exprs := &foreignExprs{pos: p.Positions, exprs: map[token.Pos]parsedExpr{}}
	l.storedPolicy(exprs, p.Properties, p.Resource, p.Context, 0)
	return d
}

// LoadModule builds what template deploys as the module nd of a template
// of another language (a Bicep module written as ARM JSON), as a nested
// deployment with inner evaluation scope: its expressions see its own
// parameters, given values, and the context of nd's scope.
func (FrontEnd) LoadModule(template frontend.File, values []model.ParameterValue, nd *model.NestedDeployment, budget *expr.Budget) *model.Deployment {
	t, _ := template.(*File)
	d := &model.Deployment{Syntax: syntax{t}}
	if t == nil || t.Malformed {
		return d
	}
	d.Template = t.Name
	d.TargetScope = nd.Scope
	l := &loader{d: d, budget: budget, problems: map[model.Span]bool{}}
	root := t.Root()
	e := l.newEnv(t, root, byName(values), newContext(nd.Scope))
	d.Parameters = e.parameters()
	l.resources(e, root.Get("resources"), nd.Scope, nd, 1)
	return d
}
