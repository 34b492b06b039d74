package arm

import (
	"bytes"
	"go/token"
	"strings"
	"unsafe"

	"github.com/tidwall/gjson"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/jsonc"
	"github.com/lhlint/lhlint/internal/model"
)

// Kind and Info are the front-end's words for what a file is, under the
// names this package's code uses.
type (
	Kind = frontend.Kind
	Info = frontend.Info
)

// The kinds of JSON file.
const (
	Other      = frontend.Other
	Template   = frontend.Template
	Parameters = frontend.Parameters
)

var registrationType = []byte("microsoft.managedservices/registration")

// Classify reads content far enough to say what it is.
func Classify(content []byte) Info {
	if text, members, ok := jsonc.RootMembers(content); ok {
		// Nearly every file: strict JSON whose root object's members
		// were collected as the file was validated, so that the queries
		// do not read the whole text again.
		return classify(text, true, rootMembers(members).get)
	}
	return classifyCleaned(content)
}

// classifyCleaned is Classify for any text: made strict JSON by Clean, then
// queried whole.
func classifyCleaned(content []byte) Info {
	text, data, ok := jsonc.Clean(content)
	if !ok {
		return Info{Malformed: true, Onboarding: mentionsRegistration(text)}
	}
	if len(data) == 0 {
		return Info{}
	}
	// gjson.ParseBytes would copy the file; classify clones what it keeps,
	// so the queries may read the bytes in place.
	root := gjson.Parse(unsafe.String(&data[0], len(data)))
	return classify(text, root.IsObject(), root.Get)
}

// classifyParsed is Classify of content, which f was parsed from. For strict
// JSON whose root is an object and that has no member written twice, the
// members Classify's queries find are the parsed root's, spelt exactly,
// and each query reads its member's value in place, as from the bytes; any
// other file is classified from its bytes.
func classifyParsed(f *File, content []byte) Info {
	root := f.Root()
	if !f.Strict || len(f.Duplicates) > 0 || root.Kind() != model.Object {
		return Classify(content)
	}
	return classify(f.Content, true, func(path string) gjson.Result {
		name, rest, nested := strings.Cut(path, ".")
		v := exactMember(root, strings.ReplaceAll(name, `\`, "")) // no name classify asks for has a backslash
		if v.IsMissing() {
			return gjson.Result{}
		}
		text := f.Content[f.Offset(v.Span.StartPos):f.Offset(v.Span.EndPos)]
		if len(text) == 0 {
			return gjson.Result{}
		}
		// classify clones what it keeps: the value may be read in place.
		r := gjson.Parse(unsafe.String(&text[0], len(text)))
		if nested {
			return r.Get(rest)
		}
		return r
	})
}

// rootMembers are the members of a file's root object, as written.
type rootMembers []jsonc.RootMember

// get is gjson's Get on the root object: the first member of the path's
// first name, or for a longer path the first such member whose value has
// the rest of the path. A backslash escapes the next character of a name.
func (ms rootMembers) get(path string) gjson.Result {
	name, rest, nested := strings.Cut(path, ".")
	name = strings.ReplaceAll(name, `\`, "") // no name classify asks for has a backslash
	for _, m := range ms {
		if !m.Named(name) {
			continue
		}
		// classify clones what it keeps: the value may be read in place.
		v := gjson.Parse(unsafe.String(&m.Value[0], len(m.Value)))
		if !nested {
			return v
		}
		if r := v.Get(rest); r.Exists() {
			return r
		}
	}
	return gjson.Result{}
}

// classify says what a valid file is, from its content, whether its root
// is an object, and get, which queries the root as gjson's Get does.
func classify(content []byte, isObject bool, get func(path string) gjson.Result) Info {
	if !isObject {
		return Info{}
	}
	schema := strings.ToLower(get(`\$schema`).String())
	params := get("parameters")
	switch {
	case strings.Contains(schema, "deploymenttemplate") || get("resources").Exists():
		info := Info{Kind: Template, Onboarding: mentionsRegistration(content), Parameters: keys(params)}
		if info.Onboarding {
			// A template the Bicep compiler wrote names it; only an
			// onboarding one is ever skipped for its source.
			info.Generator = frontend.Intern(get("metadata._generator.name").String())
		}
		return info
	case strings.Contains(schema, "deploymentparameters") || isParameterValues(params):
		info := Info{Kind: Parameters, Parameters: keys(params), TemplateRef: frontend.Intern(get("metadata.template").String())}
		for _, name := range info.Parameters {
			switch strings.ToLower(name) {
			case "authorizations", "eligibleauthorizations", "managedbytenantid":
				info.Onboarding = true
			}
		}
		return info
	}
	return Info{}
}

// isParameterValues reports whether every member of obj is a parameter value
// object, as in a parameters file without a $schema.
func isParameterValues(obj gjson.Result) bool {
	if !obj.IsObject() {
		return false
	}
	ok := true
	n := 0
	obj.ForEach(func(_, v gjson.Result) bool {
		n++
		ok = v.IsObject() && (v.Get("value").Exists() || v.Get("reference").Exists())
		return ok
	})
	return ok && n > 0
}

// keys returns the member names of obj, interned (see
// frontend.InternNames): discovery keeps them for every file.
func keys(obj gjson.Result) []string {
	var buf [16]string
	names := buf[:0]
	obj.ForEach(func(k, _ gjson.Result) bool {
		names = append(names, k.String())
		return true
	})
	return frontend.InternNames(names)
}

// mentionsRegistration reports whether text contains
// "Microsoft.ManagedServices/registration" in any ASCII case. It looks only
// around each '/', which the machine finds many bytes at a time: testing
// every byte of every template for the first letter took a tenth of
// classifying it.
func mentionsRegistration(text []byte) bool {
	slash := bytes.IndexByte(registrationType, '/')
	for i := slash; i < len(text); i++ {
		j := bytes.IndexByte(text[i:], '/')
		if j < 0 {
			return false
		}
		i += j
		if start := i - slash; start >= 0 && start+len(registrationType) <= len(text) &&
			bytes.EqualFold(text[start:start+len(registrationType)], registrationType) {
			return true
		}
	}
	return false
}

// File is a parsed JSON(C) file registered in the shared FileSet. A File is
// used by one goroutine at a time: it caches parsed expressions.
type File struct {
	*jsonc.Doc
	// Malformed is true when the file cannot be parsed. What else
	// discovery knows of a file (Classify) the loader does not need.
	Malformed bool
	// Suppressions are the lhlint-ignore comments and metadata of the file.
	Suppressions []model.Suppression
	exprs        map[token.Pos]parsedExpr

	// For suppression comments: the lines they cover, by where the line
	// starts, and where each value starts; made when first needed.
	covered     map[token.Pos]model.Span
	valueStarts []model.Span
}

type parsedExpr struct {
	node expr.Node
	err  *expr.SyntaxError
}

// Parse registers content in fset, decoded to UTF-8 when it is UTF-16, and
// parses it. It never fails: text that does not decode and malformed JSON
// become a Problem at the position of the error.
func Parse(fset *token.FileSet, name string, content []byte) *File {
	doc, data := jsonc.Parse(fset, name, content)
	f := &File{Doc: doc, Malformed: data == nil, exprs: map[token.Pos]parsedExpr{}}
	if !f.Malformed {
		f.Suppressions = f.suppressions()
	}
	return f
}

// kind says what the file is, as Classify says from its bytes: the same
// members, spelt exactly, read from the parsed values. Only Given asks, so
// Parse does not work it out for every file, and scanning the bytes again
// for every parameters file cost a tenth of a run.
func (f *File) kind() Kind {
	root := f.Root()
	switch {
	case f.Malformed || root.Kind() != model.Object:
		return Other
	case len(f.Duplicates) > 0:
		return Classify(f.Content).Kind // the values keep one member of a name; the queries see the first
	}
	schema := strings.ToLower(exactMember(root, "$schema").Text())
	switch {
	case strings.Contains(schema, "deploymenttemplate") || !exactMember(root, "resources").IsMissing():
		return Template
	case strings.Contains(schema, "deploymentparameters") || areParameterValues(exactMember(root, "parameters")):
		return Parameters
	}
	return Other
}

// exactMember returns the member of obj spelt exactly key, as Classify's
// queries find it; Missing when there is none.
func exactMember(obj model.Value, key string) model.Value {
	for _, m := range obj.Members() {
		if m.Key == key {
			return m.Value
		}
	}
	return model.Value{}
}

// areParameterValues is isParameterValues on parsed values.
func areParameterValues(obj model.Value) bool {
	ms := obj.Members()
	for _, m := range ms {
		if m.Value.Kind() != model.Object || exactMember(m.Value, "value").IsMissing() && exactMember(m.Value, "reference").IsMissing() {
			return false
		}
	}
	return obj.Kind() == model.Object && len(ms) > 0
}

// exprSource parses the expressions of the strings of a template body,
// each once, with the positions where their characters are written: a
// File's own, or the strings of a policy definition that another
// front-end wrote (foreignExprs).
type exprSource interface {
	expression(v model.Value) parsedExpr
}

// foreignExprs parses the expressions of strings written in a file of
// another language, whose front-end says where their characters are.
type foreignExprs struct {
	pos   func(v model.Value) func(int) token.Pos
	exprs map[token.Pos]parsedExpr
}

func (f *foreignExprs) expression(v model.Value) parsedExpr {
	if p, ok := f.exprs[v.Pos()]; ok {
		return p
	}
	node, err := expr.Parse(v.Text(), f.pos(v))
	p := parsedExpr{node, err}
	f.exprs[v.Pos()] = p
	return p
}

func (f *File) expression(v model.Value) parsedExpr {
	if p, ok := f.exprs[v.Pos()]; ok {
		return p
	}
	node, err := expr.Parse(v.Text(), f.DecodedPos(v))
	p := parsedExpr{node, err}
	f.exprs[v.Pos()] = p
	return p
}
