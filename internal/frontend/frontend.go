// Package frontend is the seam between the command line and the template
// languages lhlint reads. A front-end says what a file is (for discovery
// and pairing), parses it into the shared token.FileSet, and loads
// deployments into the model that the rules read. The command line and the
// rule tests reach front-ends only through FrontEnd; internal/frontends is
// the one place that lists them. docs/architecture.md describes the seam.
package frontend

import (
	"go/token"
	"strconv"
	"sync"
	"unique"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// FrontEnd reads the files of one template language into the model.
type FrontEnd interface {
	// Extensions are the file name extensions of the language, lower-case
	// with their dot: a walk reads the files that have one.
	Extensions() []string
	// Classify reads content far enough to say what it is to discovery
	// and pairing, keeping none of it.
	Classify(content []byte) Info
	// Parse registers content in fset under name and parses it. It never
	// fails: what cannot be read is a problem of the File, at its position.
	Parse(fset *token.FileSet, name string, content []byte) File
	// Load builds the deployment of template, a file this front-end
	// parsed, deployed with params, a parameters file that any front-end
	// may have parsed (Load reads it through File.Given). Either may be
	// nil: a template alone is deployed with its defaults; a parameters
	// file alone, which its own front-end loads, has its onboarding values
	// checked on their own.
	Load(template, params File) *model.Deployment
}

// A ParseClassifier parses and classifies a file in one go where it can,
// for a caller that needs both: the File is what Parse returns, the Info
// what Classify says of the content. The File is nil when the front-end
// judges from the content that no deployment will read the file (an ARM
// template that declares no registration resource, say), so as not to
// parse it for nothing: the caller parses it if one does.
type ParseClassifier interface {
	ParseClassify(fset *token.FileSet, name string, content []byte) (File, Info)
}

// ModuleLoader is a front-end whose templates a template of another
// language deploys as modules: a Bicep template deploys a local ARM JSON
// template with module m './x.json'. The front-end that reads the
// deploying template is given the other front-ends, and reaches this one
// only through this interface.
type ModuleLoader interface {
	// LoadModule builds what template, a file this front-end parsed, deploys
	// as the nested deployment nd, to nd's scope, its parameters taking
	// values (which keep the spans where the deploying template writes
	// them). The result holds the registration resources and nested
	// deployments it declares and the problems met evaluating it; the
	// file's own problems, duplicates and suppressions are its Given's.
	// Its expressions are charged to budget, the deploying template's, so
	// that one deployment has one bound on its work whatever its languages.
	LoadModule(template File, values []model.ParameterValue, nd *model.NestedDeployment, budget *expr.Budget) *model.Deployment
}

// PolicyLoader is a front-end that evaluates the ARM template a policy
// definition embeds (the deployIfNotExists deployment that onboards every
// subscription of a management group), for a policy definition written in
// another language: in Bicep, the template is an object whose strings are
// ARM JSON values and expressions, which Bicep does not convert.
type PolicyLoader interface {
	// LoadPolicy builds what the policy definition p deploys. The result
	// holds the registration resources and nested deployments it declares
	// and the problems met evaluating it.
	LoadPolicy(p Policy) *model.Deployment
}

// Policy is a Microsoft.Authorization/policyDefinitions resource of a
// template of another language, with what its front-end knows of it.
type Policy struct {
	Resource model.Resource
	// Properties are the resource's properties as Azure stores them: the
	// deploying template's expressions evaluated, each value spanned where
	// it is written.
	Properties model.Value
	// Positions maps the byte offsets of the text of a string literal of
	// Properties to where its characters are written.
	Positions func(v model.Value) func(int) token.Pos
	Context   *expr.Context // the deploying template's, for the policy's own expressions
	Budget    *expr.Budget  // the deploying template's (see LoadModule)
}

// File is an input file a front-end parsed.
type File interface {
	// Source returns the file's text and its token.File in the shared FileSet.
	Source() *source.File
	// Given returns what the file, as a parameters file, gives the
	// deployment of a template.
	Given() Given
	// Loaded returns the files the front-end read, as this file's
	// dependencies, while loading deployments of it (a template's local
	// modules), parsed into its FileSet: the caller resolves findings in
	// them, and removes them from the FileSet with the file.
	Loaded() []*source.File
}

// Given is what a parameters file gives the deployment of a template, in
// the model's words, so that a template can be deployed with a parameters
// file its own front-end did not parse.
type Given struct {
	Name string // the file's name as output shows it
	// Values are the values the file sets, in the order written. A value
	// known only at deployment time (read from Key Vault) is unknown.
	Values       []model.ParameterValue
	Malformed    bool // the file cannot be parsed, and sets nothing
	Problems     []model.Problem
	Duplicates   []model.Duplicate
	Suppressions []model.Suppression
	// Envelopes are the file as written, for the checks of its shape, when
	// its language has a shape Azure checks (an ARM parameters file).
	Envelopes []model.Envelope
}

// AddTo records in d the parameters file's name and what it holds besides
// its values: its problems, duplicates, suppressions and envelope.
func (g Given) AddTo(d *model.Deployment) {
	d.ParametersFile = g.Name
	d.Problems = append(d.Problems, g.Problems...)
	d.Duplicates = append(d.Duplicates, g.Duplicates...)
	d.Suppressions = append(d.Suppressions, g.Suppressions...)
	d.Envelopes = append(d.Envelopes, g.Envelopes...)
}

// Kind is what a file is to lhlint.
type Kind uint8

// The kinds of file.
const (
	Other      Kind = iota // neither a template nor a parameters file
	Template               // a deployment template
	Parameters             // a deployment parameters file
)

// Info is what discovery and pairing need to know of a file, read without
// keeping it.
type Info struct {
	Kind Kind
	// Onboarding is true for a template that mentions Microsoft.ManagedServices
	// registration resources (directly, nested, or in a policy's
	// deployIfNotExists template), for a parameters file that sets values only
	// an onboarding template takes (authorizations, managedByTenantId), and
	// for a malformed file that mentions them.
	Onboarding bool
	// Parameters are the parameter names a template declares or a parameters file sets.
	Parameters []string
	// TemplateRef is the path of the template a parameters file names,
	// relative to its folder; "" when it names none.
	TemplateRef string
	// Malformed is true when the file cannot be parsed.
	Malformed bool
	// Modules are the paths of the local files a template deploys as
	// modules, relative to its folder, slash-separated. Discovery reads
	// them: a template whose modules declare registration resources is an
	// onboarding template too, and a template another one deploys as a
	// module is linted with it.
	Modules []string
	// Generator is the name of the tool that wrote a template compiled
	// from another language ("bicep"), "" for one written by hand.
	Generator string
}

// Intern returns the one copy of s that all Infos share: the names and
// paths a Classify keeps. A substring of the file's text would keep the
// whole text alive as long as discovery keeps the Info, and a copy for
// each file would hold the same few parameter names once per file of a
// repository (at 100,000 files, 15 MB of a heap capped at 64 MB).
func Intern(s string) string { return unique.Make(s).Value() }

// names holds the lists InternNames returns, by their names, each after
// its length: a name may hold any character.
var names struct {
	sync.Mutex
	lists map[string][]string
}

// InternNames returns the one copy of the list of names that all Infos
// share, each name interned: the parameters files of one template, and
// generated templates, set and declare the same names in the same order.
// A list is never changed once interned.
func InternNames(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	var buf [256]byte
	key := buf[:0]
	for _, name := range list {
		key = strconv.AppendInt(key, int64(len(name)), 10)
		key = append(append(key, ':'), name...)
	}
	names.Lock()
	defer names.Unlock()
	if out, ok := names.lists[string(key)]; ok { // no copy of key to look it up
		return out
	}
	out := make([]string, len(list))
	for i, name := range list {
		out[i] = Intern(name)
	}
	if names.lists == nil {
		names.lists = map[string][]string{}
	}
	names.lists[string(key)] = out
	return out
}
