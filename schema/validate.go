package schema

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// lhlint validates with its own interpreter of the JSON Schema keywords
// its schemas use, not with a general validator: compiling the schemas
// with one (and the meta-schema validation that comes with it) cost more
// than linting a small template. The tests hold this interpreter to
// jsonschema/v5, keyword by keyword, on every schema (oracle_test.go).

// node is one schema object of an embedded file, read for validation. A
// keyword the interpreter does not implement is a panic when the files
// are read, which TestEveryKeywordIsImplemented turns into a failure.
type node struct {
	loc    string         // the absolute location: URL and JSON Pointer
	raw    map[string]any // the schema as decoded, nil for a boolean one
	always *bool          // a boolean schema: true accepts anything, false nothing

	types    []string
	enum     []any
	required []string

	props       map[string]*node // properties, by name
	propNames   *node            // propertyNames
	additional  *node            // additionalProperties
	unevaluated *node            // unevaluatedProperties
	items       *node

	// minItems and minLength are -1 when the schema does not constrain them.
	minItems, minLength int
	pattern             *regexp.Regexp
	minimum             *float64

	ref            string // $ref as written
	target         *node  // what ref refers to
	anyOf          []*node
	ifs, then, els *node
}

// annotations are the keywords that do not validate: the interpreter
// reads them only for messages, or not at all.
var annotations = []string{"$schema", "$id", "$comment", "$defs", "title", "description"}

// nodes returns every schema object of the embedded files, read once.
var nodes = sync.OnceValue(func() map[string]*node { return read(docs()) })

// read returns every schema object of the decoded files docs, by absolute
// location, with their references resolved.
func read(docs map[string]*document) map[string]*node {
	b := builder{byLoc: map[string]*node{}}
	for url, d := range docs {
		b.build(url+"#", d.raw)
	}
	for _, n := range b.byLoc {
		if n.ref != "" {
			if n.target = b.byLoc[refTarget(n.loc, n.ref)]; n.target == nil {
				panic(fmt.Sprintf("schema %s refers to %s, which no embedded file defines", n.loc, n.ref))
			}
		}
	}
	return b.byLoc
}

// builder reads schema objects into nodes.
type builder struct {
	byLoc map[string]*node
}

// build returns the node of the schema raw at loc, and those of every
// schema inside it.
func (b *builder) build(loc string, raw any) *node {
	n := &node{loc: loc, minItems: -1, minLength: -1}
	b.byLoc[loc] = n
	if yes, ok := raw.(bool); ok {
		n.always = &yes
		return n
	}
	m, ok := raw.(map[string]any)
	if !ok {
		panic(fmt.Sprintf("schema %s is not an object", loc))
	}
	n.raw = m
	for kw, val := range m {
		b.keyword(n, kw, val)
	}
	return n
}

// keyword reads one keyword of the schema n.
func (b *builder) keyword(n *node, kw string, val any) {
	at := n.loc + "/" + escape(kw)
	switch kw {
	case "type":
		if t, ok := val.(string); ok {
			n.types = []string{t}
			break
		}
		for _, t := range val.([]any) {
			n.types = append(n.types, t.(string))
		}
	case "enum":
		n.enum = val.([]any)
	case "required":
		for _, r := range val.([]any) {
			n.required = append(n.required, r.(string))
		}
	case "properties":
		n.props = map[string]*node{}
		for name, s := range val.(map[string]any) {
			n.props[name] = b.build(at+"/"+escape(name), s)
		}
	case "$defs":
		for name, s := range val.(map[string]any) {
			b.build(at+"/"+escape(name), s)
		}
	case "propertyNames":
		n.propNames = b.build(at, val)
	case "additionalProperties":
		n.additional = b.build(at, val)
	case "unevaluatedProperties":
		n.unevaluated = b.build(at, val)
	case "items":
		n.items = b.build(at, val)
	case "minItems":
		n.minItems = int(val.(float64))
	case "minLength":
		n.minLength = int(val.(float64))
	case "pattern":
		n.pattern = regexp.MustCompile(val.(string))
	case "minimum":
		min := val.(float64)
		n.minimum = &min
	case "$ref":
		n.ref = val.(string)
	case "anyOf":
		for i, s := range val.([]any) {
			n.anyOf = append(n.anyOf, b.build(at+"/"+strconv.Itoa(i), s))
		}
	case "if":
		n.ifs = b.build(at, val)
	case "then":
		n.then = b.build(at, val)
	case "else":
		n.els = b.build(at, val)
	default:
		if !strings.HasPrefix(kw, "x-") && !slices.Contains(annotations, kw) {
			panic(fmt.Sprintf("schema %s uses %s, which lhlint's validator does not implement", n.loc, kw))
		}
	}
}

// refTarget returns the absolute location a $ref written at loc names: in
// the same file, or in another embedded file by its name.
func refTarget(loc, ref string) string {
	url, _, _ := strings.Cut(loc, "#")
	switch {
	case strings.HasPrefix(ref, "#"):
		return url + ref
	case strings.Contains(ref, "#"):
		return base + ref
	}
	return base + ref + "#"
}

// A failure is one keyword a value fails, as the validator finds it, with
// what a message needs: structured, never a sentence to parse.
type failure struct {
	keyword string   // the keyword: type, required, ...; anyOf for alternatives that all fail
	path    []string // the value's place in the document, as tokens
	// schema is the absolute location of the keyword (URL and JSON
	// Pointer), and rel its location from the validated schema through
	// the references taken (JSON Pointer); both end with the keyword.
	schema, rel string
	wanted      []string    // type: the types the schema allows
	got         string      // type: the value's JSON type
	missing     []string    // required: the members missing, in the schema's order
	enum        []any       // enum: the values allowed
	minimum     float64     // minimum: the least value allowed
	branches    [][]failure // anyOf: each alternative's failures
}

// validator walks a document and a schema together, as JSON Schema 2020-12
// says and jsonschema/v5 does: it keeps the value's place and the path
// through the schema, so that a failure costs what it reports and a valid
// value almost nothing.
type validator struct {
	path []string // the value's place in the document
	rel  []string // the keyword location from the validated schema
	out  []failure
}

// evaluated is the members of an object that a schema and the schemas it
// applies in place have evaluated, for unevaluatedProperties: all of them
// (additionalProperties, unevaluatedProperties), or those named.
type evaluated struct {
	all   bool
	names []string
}

func (e *evaluated) add(o evaluated) {
	e.all = e.all || o.all
	e.names = append(e.names, o.names...)
}

func (e *evaluated) has(name string) bool {
	return e.all || slices.Contains(e.names, name)
}

// validate returns the failures of doc against the schema n.
func validate(n *node, doc any) []failure {
	var v validator
	v.value(n, doc)
	return v.out
}

// fail records that the value fails the keyword kw of n.
func (v *validator) fail(n *node, kw string, f failure) {
	f.keyword = kw
	f.path = slices.Clone(v.path)
	f.schema = n.loc + "/" + kw
	f.rel = v.keywordLocation(kw)
	v.out = append(v.out, f)
}

// keywordLocation returns the keyword location of kw in the current schema.
func (v *validator) keywordLocation(kw string) string {
	var b strings.Builder
	for _, tok := range v.rel {
		b.WriteString("/")
		b.WriteString(tok)
	}
	if kw != "" {
		b.WriteString("/")
		b.WriteString(kw)
	}
	return b.String()
}

// child validates the member or item tok of the current value, x, against
// n, reached through the keyword location kw.
func (v *validator) child(n *node, x any, tok string, kw ...string) {
	v.path = append(v.path, tok)
	v.rel = append(v.rel, kw...)
	v.value(n, x)
	v.rel = v.rel[:len(v.rel)-len(kw)]
	v.path = v.path[:len(v.path)-1]
}

// inPlace validates the current value against n, reached through the
// keyword location kw, and returns what it evaluated and whether it holds.
func (v *validator) inPlace(n *node, x any, kw ...string) (evaluated, bool) {
	before := len(v.out)
	v.rel = append(v.rel, kw...)
	e := v.value(n, x)
	v.rel = v.rel[:len(v.rel)-len(kw)]
	return e, len(v.out) == before
}

// trial validates the current value against n, reached through kw,
// without recording its failures: they are returned.
func (v *validator) trial(n *node, x any, kw ...string) (evaluated, []failure) {
	saved := v.out
	v.out = nil
	e, _ := v.inPlace(n, x, kw...)
	fs := v.out
	v.out = saved
	return e, fs
}

// value validates the value x against n and returns the members it
// evaluated, in the order of keywords jsonschema/v5 follows.
func (v *validator) value(n *node, x any) evaluated {
	var e evaluated
	if n.always != nil {
		if !*n.always {
			// The failure is the keyword that led here.
			f := failure{path: slices.Clone(v.path), schema: n.loc}
			if len(v.rel) > 0 {
				f.keyword = v.rel[len(v.rel)-1]
			}
			f.rel = v.keywordLocation("")
			v.out = append(v.out, f)
		}
		return e
	}
	if len(n.types) > 0 {
		got := jsonType(x)
		if !slices.ContainsFunc(n.types, func(t string) bool { return t == got || t == "integer" && isInteger(x) }) {
			v.fail(n, "type", failure{wanted: n.types, got: got})
			return e // nothing else is judged of a value of the wrong type
		}
	}
	if n.enum != nil && !slices.ContainsFunc(n.enum, func(a any) bool { return equal(a, x) }) {
		v.fail(n, "enum", failure{enum: n.enum})
	}
	switch x := x.(type) {
	case map[string]any:
		e = v.object(n, x)
	case []any:
		if n.minItems >= 0 && len(x) < n.minItems {
			v.fail(n, "minItems", failure{})
		}
		if n.items != nil {
			for i, item := range x {
				v.child(n.items, item, strconv.Itoa(i), "items")
			}
		}
	case string:
		if n.minLength >= 0 && utf8.RuneCountInString(x) < n.minLength {
			v.fail(n, "minLength", failure{})
		}
		if n.pattern != nil && !n.pattern.MatchString(x) {
			v.fail(n, "pattern", failure{})
		}
	case float64:
		if n.minimum != nil && x < *n.minimum {
			v.fail(n, "minimum", failure{minimum: *n.minimum})
		}
	}
	v.applicators(n, x, &e)
	if m, ok := x.(map[string]any); ok && n.unevaluated != nil {
		for name, m := range m {
			if !e.has(name) {
				v.child(n.unevaluated, m, name, "unevaluatedProperties")
			}
		}
		e.all = true
	}
	return e
}

// object validates the members of the object x against n.
func (v *validator) object(n *node, x map[string]any) evaluated {
	var e evaluated
	var missing []string
	for _, name := range n.required {
		if _, ok := x[name]; !ok {
			missing = append(missing, name)
		}
	}
	if missing != nil {
		v.fail(n, "required", failure{missing: missing})
	}
	for name, s := range n.props {
		if m, ok := x[name]; ok {
			e.names = append(e.names, name)
			v.child(s, m, name, "properties", escape(name))
		}
	}
	if n.propNames != nil {
		for name := range x {
			v.child(n.propNames, name, name, "propertyNames")
		}
	}
	if n.additional != nil {
		for name, m := range x {
			if !e.has(name) {
				v.child(n.additional, m, name, "additionalProperties")
			}
		}
		e.all = true
	}
	return e
}

// applicators applies to x the schemas n applies in place: its reference,
// its alternatives and its condition. What a schema evaluates counts only
// if it holds.
func (v *validator) applicators(n *node, x any, e *evaluated) {
	if n.target != nil {
		if sub, ok := v.inPlace(n.target, x, "$ref"); ok {
			e.add(sub)
		}
	}
	if n.anyOf != nil {
		var branches [][]failure
		for i, s := range n.anyOf {
			sub, fs := v.trial(s, x, "anyOf", strconv.Itoa(i))
			if fs == nil {
				e.add(sub)
			}
			branches = append(branches, fs)
		}
		if !slices.ContainsFunc(branches, func(fs []failure) bool { return fs == nil }) {
			v.fail(n, "anyOf", failure{branches: branches})
		}
	}
	if n.ifs != nil {
		sub, fs := v.trial(n.ifs, x, "if")
		next, kw := n.els, "else"
		if fs == nil {
			e.add(sub)
			next, kw = n.then, "then"
		}
		if next != nil {
			if sub, ok := v.inPlace(next, x, kw); ok {
				e.add(sub)
			}
		}
	}
}

// jsonType returns the JSON type of a decoded value.
func jsonType(x any) string {
	switch x.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", x)
}

// isInteger reports whether x is a number without a fraction.
func isInteger(x any) bool {
	f, ok := x.(float64)
	return ok && f == math.Trunc(f) && !math.IsInf(f, 0)
}

// equal reports whether two decoded values are the same JSON value.
func equal(a, b any) bool {
	switch a := a.(type) {
	case []any:
		b, ok := b.([]any)
		return ok && slices.EqualFunc(a, b, equal)
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, m := range a {
			if n, ok := b[k]; !ok || !equal(m, n) {
				return false
			}
		}
		return true
	}
	return a == b
}
