package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// base is the fixed address the schemas are registered under, so that no
// file path leaks into messages; each file's $id is base + its name.
const base = "https://github.com/lhlint/lhlint/schema/"

// files are the schemas lhlint validates with. (diff.schema.json, beside
// them, documents the output of lhlint diff for its readers.) Adding one is
// a file here, a name below and a function that returns it; each has its
// $id and a pinned $schema, which TestSchemasAreWrittenForMessages checks.
//
//go:embed config.schema.json template.schema.json parameters.schema.json managedservices.schema.json
var files embed.FS

// The embedded schemas, by file name.
const (
	configFile         = "config.schema.json"
	templateFile       = "template.schema.json"
	parametersFile     = "parameters.schema.json"
	managedServiceFile = "managedservices.schema.json"
)

// NewestAPIVersion is the newest Microsoft.ManagedServices API version,
// whose schema a resource of an API version lhlint does not know is
// checked against.
const NewestAPIVersion = "2022-10-01"

// Schema is one embedded schema, or one definition in it.
type Schema struct {
	root  *node
	doc   *document
	loc   string // its absolute location: URL and fragment
	shape *Shape
}

// document is one embedded file: its decoded JSON, for the titles, hints
// and member names messages use.
type document struct {
	raw any
	// authority is who requires what the schema requires, in messages:
	// the root's x-authority, "ARM" or "the API".
	authority string
}

// The embedded files, decoded once: messages read titles and hints from
// them, and Resource the registration resources they define.
var docs = sync.OnceValue(decodeAll)

// decodeAll decodes every embedded schema, by URL.
func decodeAll() map[string]*document {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err) // the embedded files are constant
	}
	out := map[string]*document{}
	for _, e := range entries {
		data, err := files.ReadFile(e.Name())
		if err != nil {
			panic(err)
		}
		var raw any
		if err := json.Unmarshal(data, &raw); err != nil {
			panic(err)
		}
		d := &document{raw: raw}
		d.authority, _ = raw.(map[string]any)["x-authority"].(string)
		out[base+e.Name()] = d
	}
	return out
}

// shapes computes what each schema looks at, as a run first asks for it.
// mu guards the memo: lint jobs run in parallel.
var shapes struct {
	mu   sync.Mutex
	memo *shaper
}

// load returns the schema at fragment of file.
func load(file, fragment string) *Schema {
	url := base + file
	loc := url + "#" + strings.TrimPrefix(fragment, "#")
	shapes.mu.Lock()
	defer shapes.mu.Unlock()
	if shapes.memo == nil {
		shapes.memo = &shaper{nodes: nodes(), memo: map[string]*Shape{}}
	}
	return &Schema{root: nodes()[loc], doc: docs()[url], loc: loc, shape: shapes.memo.at(loc)}
}

// lazy returns a function that returns the schema at fragment of file,
// read on its first call.
func lazy(file, fragment string) func() *Schema {
	return sync.OnceValue(func() *Schema { return load(file, fragment) })
}

var (
	config    = lazy(configFile, "")
	tmpl      = lazy(templateFile, "")
	params    = lazy(parametersFile, "")
	resources = sync.OnceValue(registrations)
)

// registrations returns the schema of every registration resource, by
// "type@apiVersion" in lower case, each read when first asked for.
func registrations() map[string]func() *Schema {
	out := map[string]func() *Schema{}
	defs, _ := docs()[base+managedServiceFile].raw.(map[string]any)["$defs"].(map[string]any)
	for name := range defs {
		if strings.Contains(name, "@") {
			out[strings.ToLower(name)] = lazy(managedServiceFile, "#/$defs/"+escape(name))
		}
	}
	return out
}

// Config returns the schema of lhlint's configuration file.
func Config() *Schema { return config() }

// Template returns the schema of an ARM deployment template as written:
// its members, parameter declarations, outputs and nested deployments.
func Template() *Schema { return tmpl() }

// Parameters returns the schema of an ARM deployment parameters file as
// written.
func Parameters() *Schema { return params() }

// Resource returns the schema of a Microsoft.ManagedServices resource of
// type typ at apiVersion, both compared ignoring case: its plan and
// properties once evaluated. An API version the schemas do not know is
// checked as the newest; false when typ is not a registration resource.
func Resource(typ, apiVersion string) (*Schema, bool) {
	res := resources()
	// The key is written in a buffer of its own: this runs for every
	// registration resource, and a map index by string(bytes) allocates
	// nothing.
	var buf [96]byte
	key := bytes.TrimPrefix(appendLower(buf[:0], typ), []byte("microsoft.managedservices/"))
	key = append(key, '@')
	if s, ok := res[string(appendLower(key, apiVersion))]; ok {
		return s(), true
	}
	if s, ok := res[string(append(key, NewestAPIVersion...))]; ok {
		return s(), true
	}
	return nil, false
}

// appendLower appends s to dst as strings.ToLower writes it.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return append(dst, strings.ToLower(s[i:])...)
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// Unknown is the value documents hold where the value is not known before
// deployment (an expression lhlint cannot evaluate): Validate reports
// nothing at or inside such a value.
type Unknown struct{}

// Violation is one way a document breaks a schema: where, as the JSON
// Pointer tokens of the offending value (or of the object missing a
// member), and what, in lhlint's words.
type Violation struct {
	Path    []string
	Message string
	// Member is true when the last token of Path is a member the schema
	// does not define: the mistake is the key, not its value.
	Member bool
	// Suggest is the defined member nearest a Member's name, "" when none
	// is near or several are equally near.
	Suggest string
	// Missing is true when the object at Path lacks a member it must have.
	Missing bool
}

// Validate checks doc, decoded as encoding/json decodes into any (with
// Unknown values where they cannot be known), and returns its violations:
// one per mistake, sorted by path.
func (s *Schema) Validate(doc any) []Violation {
	fs := validate(s.root, prepare(doc, s.shape))
	if fs == nil {
		return nil
	}
	v := &validation{doc: doc, docs: docs(), root: s.loc}
	out := v.dedupe(misspelt(v.leaves(fs)))
	// The validator visits members in map order.
	slices.SortStableFunc(out, func(a, b Violation) int { return slices.Compare(a.Path, b.Path) })
	return out
}

// unknownText stands for an Unknown value while validating: a string no
// template holds, whose violations are dropped.
const unknownText = "\x00unknown"

// prepare returns doc ready for the validator, changed in place
// (documents are built for one validation): every Unknown replaced by
// unknownText, and every member name the schema looks at spelt as the
// schema spells it, as ARM compares names ignoring case. It goes only
// where the schema looks (sh).
func prepare(doc any, sh *Shape) any {
	switch v := doc.(type) {
	case Unknown:
		return unknownText
	case map[string]any:
		if sh == nil {
			return doc
		}
		for k, m := range v {
			msh, canon := sh.Lookup(k)
			m = prepare(m, msh)
			if canon == k {
				v[k] = m
				continue
			}
			// A name written twice in two cases is the syntax rule's;
			// callers that know the order keep the member ARM keeps.
			delete(v, k)
			if _, taken := v[canon]; !taken {
				v[canon] = m
			}
		}
	case []any:
		for i, m := range v {
			v[i] = prepare(m, sh.Item())
		}
	}
	return doc
}

// validation turns the validator's failures into violations.
type validation struct {
	doc  any
	docs map[string]*document
	root string // the absolute location of the schema validated
}

// leaf is one violation with what dedupe and the choice between the
// branches of anyOf need.
type leaf struct {
	Violation
	at        string // the instance location
	keyword   string // the failing keyword: type, required, ...
	noun      string // the value's name, or the object's that lacks a member
	authority string // who requires a missing member
	wanted    []string
	missing   []string
	got       string
}

// leaves returns the violations of the failures fs that are about known
// values. Of the branches of an anyOf none of which holds, it keeps the
// nearest: none at all when a branch fails only where values are unknown;
// else one message for what all of them want of the same value; else the
// branch with the fewest violations.
func (v *validation) leaves(fs []failure) []leaf {
	var out []leaf
	for _, f := range fs {
		if f.keyword == "anyOf" {
			out = append(out, v.alternatives(f.branches)...)
			continue
		}
		judged := f.path
		if f.keyword == "unevaluatedProperties" && len(judged) > 0 {
			// A member no schema defines: its key is wrong whatever its value.
			judged = judged[:len(judged)-1]
		}
		if !v.unknownAt(judged) {
			out = append(out, v.describe(f)...)
		}
	}
	return out
}

// alternatives returns the violations of the branches of an anyOf, none
// of which holds (see leaves).
func (v *validation) alternatives(branches [][]failure) []leaf {
	var ls [][]leaf
	for _, b := range branches {
		l := v.leaves(b)
		if len(l) == 0 {
			return nil
		}
		ls = append(ls, l)
	}
	return merge(ls)
}

// merge picks what to say of alternatives that all fail (see leaves).
func merge(branches [][]leaf) []leaf {
	first := branches[0][0]
	same := true
	for _, b := range branches {
		same = same && len(b) == 1 && strings.Join(b[0].Path, "/") == strings.Join(first.Path, "/") && b[0].keyword == first.keyword
	}
	if same && (first.keyword == "type" || first.keyword == "required") {
		out := first
		for _, b := range branches[1:] {
			out.wanted = append(out.wanted, b[0].wanted...)
			out.missing = append(out.missing, b[0].missing...)
		}
		if first.keyword == "type" {
			out.Message = typeMessage(out.noun, out.wanted, out.got, "")
		} else {
			out.Message = requiredMessage(out.noun, out.missing, first.authority)
		}
		return []leaf{out}
	}
	best := branches[0]
	for _, b := range branches[1:] {
		if len(b) < len(best) {
			best = b
		}
	}
	return best
}

// misspelt drops what an object lacks when it has a member whose nearest
// name is the one it lacks: "valu" for "value" is one mistake, which
// renaming the member mends.
func misspelt(ls []leaf) []leaf {
	suggested := map[string]bool{}
	for _, l := range ls {
		if l.Member && l.Suggest != "" {
			suggested[strings.Join(append(slices.Clone(l.Path[:len(l.Path)-1]), l.Suggest), "/")] = true
		}
	}
	return slices.DeleteFunc(ls, func(l leaf) bool {
		if !l.Missing {
			return false
		}
		for _, m := range l.missing {
			if suggested[strings.Join(append(slices.Clone(l.Path), m), "/")] {
				return true
			}
		}
		return false
	})
}

// dedupe keeps one violation per value and keyword: a value of the wrong
// type that two schemas constrain is one mistake.
func (v *validation) dedupe(ls []leaf) []Violation {
	seen := map[string]bool{}
	var out []Violation
	for _, l := range ls {
		k := l.at + "\x00" + l.keyword
		if l.Member {
			k += "\x00member"
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, l.Violation)
	}
	return out
}

// unknownAt reports whether the value at path, or one that holds it, is
// unknown (replaceUnknown has made it unknownText).
func (v *validation) unknownAt(path []string) bool {
	cur := v.doc
	for _, tok := range path {
		if cur == unknownText {
			return true
		}
		if cur = child(cur, tok); cur == nil {
			return false
		}
	}
	return cur == unknownText
}

// describe returns the violation of one failing keyword in lhlint's words.
func (v *validation) describe(f failure) []leaf {
	kw, path := f.keyword, f.path
	l := leaf{at: pointer(path), keyword: kw}
	l.Path = path
	holder := strings.TrimSuffix(f.schema, "/"+kw)
	rel := strings.TrimSuffix(f.rel, "/"+kw)
	at := v.schemaAt(holder)
	switch kw {
	case "type":
		l.wanted, l.got = f.wanted, f.got
		l.noun = v.name(path, holder, rel)
		hint, _ := at["x-hint"].(string)
		l.Message = typeMessage(l.noun, l.wanted, l.got, hint)
	case "required":
		// One violation per member missing: each is a mistake of its own.
		var out []leaf
		for _, m := range f.missing {
			m := leaf{at: l.at + "\x00" + m, keyword: kw, missing: []string{m}, noun: v.name(path, holder, rel), authority: v.authority(holder)}
			m.Path, m.Missing = path, true
			m.Message = requiredMessage(m.noun, m.missing, v.authority(holder))
			out = append(out, m)
		}
		return out
	case "unevaluatedProperties":
		// A member the object's schema does not define: its key is the
		// last token. (The schemas close objects with unevaluatedProperties,
		// whose violations are one per member, never with
		// additionalProperties: false, whose violation lists them all.)
		if len(path) == 0 {
			return nil
		}
		key := path[len(path)-1]
		l.Member = true
		l.Message = fmt.Sprintf("%s has no property %q", v.name(path[:len(path)-1], holder, rel), key)
		// A name the object has already is no suggestion: renaming the key
		// would write the member twice.
		if s := nearest(key, v.known(holder)); s != "" && !v.has(path[:len(path)-1], s) {
			l.Suggest = s
			l.Message += fmt.Sprintf("; did you mean %q?", s)
		}
	case "pattern", "enum":
		expected, _ := at["x-expected"].(string)
		if expected == "" && kw == "enum" {
			expected = "one of " + enumText(f.enum)
		}
		if expected == "" {
			expected = "in the expected form"
		}
		l.Message = fmt.Sprintf("%s is %s, not %s", v.name(path, holder, rel), v.valueText(path), expected)
		if title, _ := at["title"].(string); strings.HasSuffix(rel, "/propertyNames") && len(path) > 0 {
			// The name of a member is wrong, not its value.
			l.Member = true
			l.Message = fmt.Sprintf("%s %q is not %s", title, path[len(path)-1], expected)
		}
	case "minLength", "minItems":
		l.Message = v.name(path, holder, rel) + " is empty"
	case "minimum":
		l.Message = fmt.Sprintf("%s is %s, less than %v", v.name(path, holder, rel), v.valueText(path), f.minimum)
	default:
		l.Message = v.name(path, holder, rel) + " is not valid here"
	}
	return []leaf{l}
}

// enumText lists the values an enum allows, as Go quotes them.
func enumText(values []any) string {
	var b strings.Builder
	for i, e := range values {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%#v", e)
	}
	return b.String()
}

// typeMessage says that the value named noun is of type got, not of one of
// the types wanted, with a hint when the schema gives one.
func typeMessage(noun string, wanted []string, got, hint string) string {
	var want []string
	for _, w := range wanted {
		if a := article(w); !slices.Contains(want, a) {
			want = append(want, a)
		}
	}
	msg := fmt.Sprintf("%s is %s, not %s", noun, article(got), strings.Join(want, " or "))
	if hint != "" {
		msg += "; " + hint
	}
	return msg
}

// requiredMessage says that the object named noun lacks a member it must
// have, one of missing, and who requires it ("" for no one in particular).
func requiredMessage(noun string, missing []string, authority string) string {
	what := missing[len(missing)-1]
	if len(missing) > 1 {
		what = strings.Join(missing[:len(missing)-1], ", ") + " or " + what
	}
	if authority == "" {
		return fmt.Sprintf("%s has no %s, which is required", noun, what)
	}
	return fmt.Sprintf("%s has no %s, which %s requires", noun, what, authority)
}

// authority returns who requires what the schema at loc requires.
func (v *validation) authority(loc string) string {
	url, _, _ := strings.Cut(loc, "#")
	if d, ok := v.docs[url]; ok {
		return d.authority
	}
	return ""
}

// article names a JSON type in ARM's words, with its article.
func article(jsonType string) string {
	switch jsonType {
	case "integer", "number":
		return "an int"
	case "boolean":
		return "a bool"
	case "null":
		return "null"
	case "array", "object":
		return "an " + jsonType
	}
	return "a " + jsonType
}

// name names the value at path, whose schema is at holder (an absolute
// keyword location, and rel the same relative to the validated schema):
// the schema's title, followed by the value's key when it is one entry of
// a map such as outputs; else its key; else its place in its array.
func (v *validation) name(path []string, holder, rel string) string {
	holder, rel = outside(holder), outside(rel)
	title, _ := v.schemaAt(holder)["title"].(string)
	key := ""
	if len(path) > 0 {
		key = path[len(path)-1]
	}
	switch {
	case title != "" && key != "" && isMapEntry(rel):
		return fmt.Sprintf("%s %q", title, key)
	case title != "":
		return title
	case key == "":
		return "the document"
	case len(path) > 1 && isIndex(key):
		n, _ := strconv.Atoi(key)
		return fmt.Sprintf("item %d of %s", n+1, path[len(path)-2])
	}
	// A member of an object with a title, other than the document: say whose.
	if parent, ok := strings.CutSuffix(strings.TrimSuffix(rel, "/$ref"), "/properties/"+escape(key)); ok {
		loc := v.resolve(outside(parent))
		if t, _ := v.schemaAt(loc)["title"].(string); t != "" && !strings.HasSuffix(loc, "#") {
			return key + " of " + v.name(path[:len(path)-1], loc, parent)
		}
	}
	return key
}

// resolve returns the absolute location of the keyword location rel,
// relative to the schema validated, following its references.
func (v *validation) resolve(rel string) string {
	loc := v.root
	for _, tok := range tokens(rel) {
		if tok != "$ref" {
			loc += "/" + escape(tok)
			continue
		}
		ref, _ := v.schemaAt(loc)["$ref"].(string)
		loc = refTarget(loc, ref)
	}
	return loc
}

// combinator matches the keywords that apply a subschema to the same
// value, at the end of a keyword location.
var combinator = regexp.MustCompile(`/((anyOf|oneOf|allOf)/[0-9]+|then|else)$`)

// outside returns a keyword location without the subschemas that apply to
// the same value: the schema that says what the value is.
func outside(loc string) string {
	for {
		out := combinator.ReplaceAllString(loc, "")
		if out == loc {
			return loc
		}
		loc = out
	}
}

// isMapEntry reports whether the schema at the relative keyword location
// rel is the one of every member of a map (additionalProperties), whose
// key the user chose.
func isMapEntry(rel string) bool {
	toks := tokens(rel)
	for len(toks) > 0 && toks[len(toks)-1] == "$ref" {
		toks = toks[:len(toks)-1]
	}
	return len(toks) > 0 && toks[len(toks)-1] == "additionalProperties"
}

func isIndex(tok string) bool {
	_, err := strconv.Atoi(tok)
	return err == nil
}

// schemaAt returns the raw schema object at an absolute keyword location,
// nil when there is none.
func (v *validation) schemaAt(loc string) map[string]any {
	url, ptr, _ := strings.Cut(loc, "#")
	d, ok := v.docs[url]
	if !ok {
		return nil
	}
	cur := d.raw
	for _, tok := range tokens(ptr) {
		cur = child(cur, tok)
	}
	m, _ := cur.(map[string]any)
	return m
}

// known returns the member names the schema at the absolute location loc
// defines, its own and those of the local schemas it refers to.
func (v *validation) known(loc string) []string {
	url, _, _ := strings.Cut(loc, "#")
	var names []string
	for depth := 0; depth < 8; depth++ {
		s := v.schemaAt(loc)
		props, _ := s["properties"].(map[string]any)
		for name := range props {
			names = append(names, name)
		}
		ref, _ := s["$ref"].(string)
		if !strings.HasPrefix(ref, "#") {
			break
		}
		loc = url + ref
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// at returns the value at path in the document, nil when there is none.
func (v *validation) at(path []string) any {
	cur := v.doc
	for _, tok := range path {
		cur = child(cur, tok)
	}
	return cur
}

// child returns the member or item tok of a decoded JSON value, nil when
// there is none.
func child(v any, tok string) any {
	switch c := v.(type) {
	case map[string]any:
		return c[tok]
	case []any:
		if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(c) {
			return c[i]
		}
	}
	return nil
}

// has reports whether the object at path has the member name.
func (v *validation) has(path []string, name string) bool {
	obj, _ := v.at(path).(map[string]any)
	_, ok := obj[name]
	return ok
}

// valueText writes the value at path as it appears in messages.
func (v *validation) valueText(path []string) string {
	cur := v.at(path)
	if s, ok := cur.(string); ok {
		return strconv.Quote(s)
	}
	b, _ := json.Marshal(cur)
	return string(b)
}

// nearest returns the name of names nearest name, compared ignoring case:
// at most a third of its letters away (one for a short name), and nearer
// than any other.
func nearest(name string, names []string) string {
	best, bestD, tie := "", max(1, len(name)/3)+1, false
	for _, n := range names {
		d := distance(strings.ToLower(name), strings.ToLower(n))
		switch {
		case d < bestD:
			best, bestD, tie = n, d, false
		case d == bestD && best != "":
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// distance is the number of edits that turn a into b, in bytes: an
// insertion, a deletion, a substitution, or two neighbours swapped ("valeu"
// for "value" is one).
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// The escapes of JSON Pointer tokens, built once: a Replacer builds its
// tables on first use, which costs more than validating a document.
var (
	pointerEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// pointer joins tokens into a JSON Pointer.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, tok := range tokens {
		b.WriteString("/")
		b.WriteString(escape(tok))
	}
	return b.String()
}

// tokens splits a JSON Pointer into its unescaped tokens.
func tokens(ptr string) []string {
	if ptr == "" {
		return nil
	}
	out := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, tok := range out {
		out[i] = pointerUnescaper.Replace(tok)
	}
	return out
}

// escape encodes a JSON Pointer token.
func escape(tok string) string {
	return pointerEscaper.Replace(tok)
}
