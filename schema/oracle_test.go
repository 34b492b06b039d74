package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// jsonschema/v5 is the reference implementation lhlint's validator is
// held to: it compiles every embedded schema, which checks each file
// against the JSON Schema 2020-12 meta-schema, and it must find what the
// validator finds in every document these tests make.

// oracle compiles the embedded schemas with jsonschema/v5.
type oracle struct {
	c        *jsonschema.Compiler
	compiled map[*Schema]*jsonschema.Schema
}

func newOracle(t testing.TB) *oracle {
	c := jsonschema.NewCompiler()
	c.LoadURL = func(u string) (io.ReadCloser, error) {
		name, ok := strings.CutPrefix(u, base)
		if !ok {
			return nil, fmt.Errorf("no embedded schema at %s", u)
		}
		return files.Open(name)
	}
	o := &oracle{c: c, compiled: map[*Schema]*jsonschema.Schema{}}
	for _, s := range allSchemas() {
		compiled, err := c.Compile(s.loc)
		if err != nil {
			t.Fatalf("jsonschema/v5 cannot compile %s: %v", s.loc, err)
		}
		o.compiled[s] = compiled
	}
	return o
}

// allSchemas returns every schema lhlint validates with.
func allSchemas() []*Schema {
	out := []*Schema{Config(), Template(), Parameters()}
	for _, key := range slices.Sorted(maps.Keys(resources())) {
		out = append(out, resources()[key]())
	}
	return out
}

// TestSchemasCompileWithV5 compiles every embedded file, and every
// schema lhlint validates with, with jsonschema/v5, which validates each
// file against its meta-schema first.
func TestSchemasCompileWithV5(t *testing.T) {
	o := newOracle(t)
	entries, err := files.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, err := o.c.Compile(base + e.Name()); err != nil {
			t.Errorf("%s: %v", e.Name(), err)
		}
	}
}

// TestEveryKeywordIsImplemented reads every embedded file for validation:
// a keyword the validator does not implement panics.
func TestEveryKeywordIsImplemented(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Fatal(r)
		}
	}()
	read(decodeAll())
}

// The validator reads what it does not implement as a panic, not as a
// keyword that holds: a schema that relies on it would accept too much.
func TestUnimplementedKeyword(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "uniqueItems") {
			t.Errorf("recover() = %v, want a panic naming uniqueItems", r)
		}
	}()
	read(map[string]*document{base + "x.json": {raw: map[string]any{"items": map[string]any{"uniqueItems": true}}}})
}

// compare returns how lhlint's validator and jsonschema/v5 differ on doc
// against s, "" when they agree on whether it is valid and on every
// failing keyword: the value's place, the keyword's locations, and what
// it wanted.
func (o *oracle) compare(s *Schema, doc any) string {
	return compare(s.root, o.compiled[s], prepare(doc, s.shape))
}

// compare returns how lhlint's validator, with the schema n, and
// jsonschema/v5, with compiled, differ on doc (see oracle.compare).
func compare(n *node, compiled *jsonschema.Schema, doc any) string {
	var mine []string
	var flatten func(fs []failure)
	flatten = func(fs []failure) {
		for _, f := range fs {
			if f.keyword == "anyOf" {
				for _, b := range f.branches {
					flatten(b)
				}
				continue
			}
			// v5 leaves an empty member name out of its instance locations
			// (so lhlint used to say nothing of {"": 1} in a closed object).
			path := slices.DeleteFunc(slices.Clone(f.path), func(tok string) bool { return tok == "" })
			mine = append(mine, fmt.Sprintf("%s %s %s %s %s", pointer(path), f.keyword, f.schema, f.rel, detail(f)))
		}
	}
	flatten(validate(n, doc))
	var theirs []string
	err := compiled.Validate(doc)
	var ve *jsonschema.ValidationError
	if err != nil && !errors.As(err, &ve) {
		return fmt.Sprintf("jsonschema/v5: %v", err)
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			kw := v5Tokens(e.KeywordLocation)
			f := failure{keyword: kw[len(kw)-1], path: v5Tokens(e.InstanceLocation)}
			abs, ptr, _ := strings.Cut(e.AbsoluteKeywordLocation, "#")
			theirs = append(theirs, fmt.Sprintf("%s %s %s#%s %s %s", pointer(f.path), f.keyword, abs, pointer(v5Tokens(ptr)), pointer(kw), v5Detail(f.keyword, e.Message)))
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	if ve != nil {
		walk(ve)
	}
	slices.Sort(mine)
	slices.Sort(theirs)
	if (len(mine) == 0) != (ve == nil) || !slices.Equal(mine, theirs) {
		return fmt.Sprintf("lhlint:\n\t%s\njsonschema/v5:\n\t%s", strings.Join(mine, "\n\t"), strings.Join(theirs, "\n\t"))
	}
	return ""
}

// detail writes what a failure wanted as jsonschema/v5 words it.
func detail(f failure) string {
	switch f.keyword {
	case "type":
		return fmt.Sprintf("expected %s, but got %s", strings.Join(f.wanted, " or "), f.got)
	case "required":
		var q []string
		for _, m := range f.missing {
			q = append(q, "'"+m+"'")
		}
		return "missing properties: " + strings.Join(q, ", ")
	case "enum":
		return "value must be one of " + enumText(f.enum)
	case "minimum":
		return fmt.Sprintf("must be >= %v", f.minimum)
	}
	return ""
}

// v5Detail is the part of a jsonschema/v5 message that detail writes.
func v5Detail(kw, msg string) string {
	switch kw {
	case "type", "required", "enum":
		return msg
	case "minimum":
		return msg[:strings.Index(msg, " but found")]
	}
	return ""
}

// v5Tokens splits a jsonschema/v5 location, escaped for URLs too.
func v5Tokens(ptr string) []string {
	toks := tokens(ptr)
	for i, tok := range toks {
		if u, err := url.PathUnescape(tok); err == nil {
			toks[i] = u
		}
	}
	return toks
}

// TestAgainstV5 validates every JSON file of testdata, the registration
// resources in them, and mutations of both (values of the wrong type,
// members missing, added or misspelt, values no schema allows, unknown
// values), against every schema, with lhlint's validator and with
// jsonschema/v5, and checks that they find the same failures.
func TestAgainstV5(t *testing.T) {
	o := newOracle(t)
	docs := testdataDocs(t)
	rng := rand.New(rand.NewPCG(1, 2))
	var checked, invalid int
	for _, d := range docs {
		variants := []any{d}
		for range 6 {
			variants = append(variants, mutate(rng, clone(d)))
		}
		for _, v := range variants {
			for _, s := range allSchemas() {
				if diff := o.compare(s, clone(v)); diff != "" {
					b, _ := json.Marshal(v)
					t.Fatalf("%s on %s:\n%s", s.loc, b, diff)
				}
				checked++
				if validate(s.root, prepare(clone(v), s.shape)) != nil {
					invalid++
				}
			}
		}
	}
	t.Logf("%d documents, %d validations, %d invalid", len(docs), checked, invalid)
	if invalid*10 < checked {
		t.Errorf("only %d of %d validations fail: the mutations do not reach the schemas", invalid, checked)
	}
}

// seeds are documents of every schema, beside those of testdata: the
// configuration files there are JSON with comments.
var seeds = []string{
	`{"rules": {"owner_role": "warning"}, "ignore": ["examples/**"], "customerTenant": "2a7c1d9e-5b3f-4e8a-9c6d-0f1e2d3c4b5a", "roles": "roles.json", "principals": ["p.json"]}`,
	`{"limits": {"authorizations": 2, "definitions": 0, "resourceGroups": 1.5}, "principals": [], "ignore": [""]}`,
	`{"parameters": {"a": {"reference": {"keyVault": {}, "secretName": "s"}}, "b": {"expression": "[x]"}}}`,
	`{"resources": [{"type": "Microsoft.Resources/deployments", "properties": {"mode": "x", "expressionEvaluationOptions": {"scope": "inner"}, "parameters": {"p": {"copy": []}}, "template": {"resources": {}}}}]}`,
	`{"functions": [{"namespace": "contoso", "members": {}}, {}], "outputs": {"o": {"type": "int", "value": 1, "copy": []}}}`,
}

// evaluatedSchema closes an object whose members are evaluated by every
// keyword that evaluates members in place: properties, $ref, anyOf, and
// if, then and else, as deep as it goes.
const evaluatedSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {"a": {"type": "string"}, "n": {"$ref": "#"}},
  "$ref": "#/$defs/b",
  "anyOf": [
    {"properties": {"c": {"type": "string"}}, "required": ["c"]},
    {"properties": {"d": {"type": "string"}}}
  ],
  "if": {"properties": {"e": {"type": "string"}}, "required": ["e"]},
  "then": {"properties": {"f": {"type": "string"}}},
  "else": {"properties": {"g": {"type": "string"}}},
  "unevaluatedProperties": false,
  "$defs": {"b": {"properties": {"b": {"type": "string"}}, "required": ["b"]}}
}`

// TestEvaluatedAgainstV5 checks unevaluatedProperties where the members
// are evaluated (or not, when the schema that names them fails) by each
// keyword that applies a schema in place, which the embedded schemas
// rely on only in part: every object whose members are absent, a string,
// or a number, against jsonschema/v5.
func TestEvaluatedAgainstV5(t *testing.T) {
	const at = base + "evaluated.json"
	var raw any
	if err := json.Unmarshal([]byte(evaluatedSchema), &raw); err != nil {
		t.Fatal(err)
	}
	n := read(map[string]*document{at: {raw: raw}})[at+"#"]
	c := jsonschema.NewCompiler()
	if err := c.AddResource(at, strings.NewReader(evaluatedSchema)); err != nil {
		t.Fatal(err)
	}
	compiled, err := c.Compile(at)
	if err != nil {
		t.Fatal(err)
	}
	members := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	count := 1
	for range members {
		count *= 3
	}
	for i := range count {
		doc := map[string]any{}
		for j, k := 0, i; j < len(members); j, k = j+1, k/3 {
			switch k % 3 {
			case 1:
				doc[members[j]] = "s"
			case 2:
				doc[members[j]] = 1.0
			}
		}
		doc["n"] = clone(doc) // the same again, one level down
		if diff := compare(n, compiled, doc); diff != "" {
			b, _ := json.Marshal(doc)
			t.Fatalf("%s:\n%s", b, diff)
		}
	}
}

// testdataDocs returns the seeds, every JSON document under testdata
// that encoding/json reads, and every registration resource in them.
func testdataDocs(t testing.TB) []any {
	var out []any
	for _, s := range seeds {
		var doc any
		if err := json.Unmarshal([]byte(s), &doc); err != nil {
			t.Fatal(err)
		}
		out = append(out, doc)
	}
	err := filepath.WalkDir("../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc any
		if json.Unmarshal(data, &doc) != nil {
			return nil // JSON with comments, or a malformed fixture
		}
		out = append(out, doc)
		out = append(out, registrationResources(doc)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 100 {
		t.Fatalf("%d documents under testdata, want many", len(out))
	}
	return out
}

// registrationResources returns the Microsoft.ManagedServices resources in doc.
func registrationResources(doc any) []any {
	var out []any
	switch v := doc.(type) {
	case map[string]any:
		if typ, _ := v["type"].(string); strings.Contains(strings.ToLower(typ), "managedservices") {
			out = append(out, v)
		}
		for _, m := range v {
			out = append(out, registrationResources(m)...)
		}
	case []any:
		for _, m := range v {
			out = append(out, registrationResources(m)...)
		}
	}
	return out
}

// clone returns a deep copy of a decoded document: preparing one for
// validation changes it.
func clone(doc any) any {
	switch v := doc.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, m := range v {
			out[k] = clone(m)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, m := range v {
			out[i] = clone(m)
		}
		return out
	}
	return doc
}

// names are member names mutations add: the schemas' own, in other
// cases, and misspelt.
var names = []string{"value", "reference", "expression", "copy", "metadata", "type", "outputs", "outputz",
	"languageVersion", "resources", "parameters", "properties", "principalId", "principalIdDisplayName",
	"roleDefinitionId", "delegatedRoleDefinitionIds", "authorizations", "eligibleAuthorizations",
	"managedByTenantId", "plan", "keyVault", "secretName", "justInTimeAccessPolicy", "rules", "limits",
	"template", "mode", "expressionEvaluationOptions", "scope", "Value", "valeu", "PrincipalID", "équipe", "a/b~c%20",
	"ignore", "principals", "customerTenant", "roles", "definitions", "namespace", "members", "functions"}

// values are values mutations put in place of others: every JSON type,
// strings some schemas allow and some they do not, and the unknown value.
var values = []any{"x", "", 1.0, 0.0, -3.0, 1.5, true, nil, []any{}, map[string]any{}, unknownText,
	"Incremental", "outer", "integer", "SecureString", "off", "fatal", "Owner-Role", "owner_role",
	"2a7c1d9e-5b3f-4e8a-9c6d-0f1e2d3c4b5a", "Microsoft.Resources/deployments", "2.0",
	[]any{map[string]any{}}, []any{"x"}, []any{"", 2.0}, map[string]any{"value": 1.0}, map[string]any{"owner_role": "warning", "Owner-Role": "fatal"}, map[string]any{"type": "Microsoft.Resources/deployments", "properties": map[string]any{}}}

// place is where a value is in a document: a member of an object or an
// item of an array.
type place struct {
	obj map[string]any
	key string
	arr []any
	i   int
}

func (p place) set(v any) {
	if p.obj != nil {
		p.obj[p.key] = v
	} else {
		p.arr[p.i] = v
	}
}

// mutate changes one value, member or name somewhere in doc, and returns
// the document.
func mutate(rng *rand.Rand, doc any) any {
	var places []place
	var objects []map[string]any
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			objects = append(objects, v)
			for _, k := range slices.Sorted(maps.Keys(v)) {
				places = append(places, place{obj: v, key: k})
				walk(v[k])
			}
		case []any:
			for i, m := range v {
				places = append(places, place{arr: v, i: i})
				walk(m)
			}
		}
	}
	walk(doc)
	value := func() any { return clone(values[rng.IntN(len(values))]) }
	switch op := rng.IntN(4); {
	case len(places) == 0:
		return value()
	case op == 0 || len(objects) == 0:
		places[rng.IntN(len(places))].set(value())
	case op == 1:
		objects[rng.IntN(len(objects))][names[rng.IntN(len(names))]] = value()
	case op == 2:
		p := places[rng.IntN(len(places))]
		if p.obj != nil {
			delete(p.obj, p.key)
		}
	default:
		p := places[rng.IntN(len(places))]
		if p.obj != nil {
			m := p.obj[p.key]
			delete(p.obj, p.key)
			p.obj[misspell(rng, p.key)] = m
		}
	}
	return doc
}

// misspell changes name as people do: a letter swapped, dropped or in
// another case.
func misspell(rng *rand.Rand, name string) string {
	if len(name) < 2 {
		return name + "x"
	}
	i := rng.IntN(len(name) - 1)
	switch rng.IntN(3) {
	case 0:
		return name[:i] + string(name[i+1]) + string(name[i]) + name[i+2:]
	case 1:
		return name[:i] + name[i+1:]
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// FuzzAgainstV5 checks that lhlint's validator and jsonschema/v5 find the
// same failures in any JSON document, against every schema.
func FuzzAgainstV5(f *testing.F) {
	for _, seed := range []string{
		`{}`, `{"parameters": {"a": {}}}`, `{"resources": {"d": {"type": "Microsoft.Resources/deployments", "properties": {"template": {"outputz": 1}}}}}`,
		`{"properties": {"managedByTenantId": 1, "authorizations": [{"principalId": "x", "roleId": 2}]}, "plan": {}}`,
		`{"rules": {"Owner-Role": "fatal"}, "limits": {"definitions": 0}, "principals": []}`,
	} {
		f.Add([]byte(seed))
	}
	for _, seed := range seeds {
		f.Add([]byte(seed))
	}
	o := newOracle(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc any
		if json.Unmarshal(data, &doc) != nil {
			return
		}
		for _, s := range allSchemas() {
			if diff := o.compare(s, clone(doc)); diff != "" {
				t.Fatalf("%s on %s:\n%s", s.loc, data, diff)
			}
		}
	})
}
