package arm

import (
	"bytes"
	"go/token"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tidwall/gjson"
	"github.com/tidwall/jsonc"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// Kind is what a JSON file is to lhlint.
type Kind uint8

// The kinds of JSON file.
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
	// TemplateRef is a parameters file's metadata.template, "" when it has none.
	TemplateRef string
	// Malformed is true when the file is not valid JSON(C).
	Malformed bool
}

var registrationType = []byte("microsoft.managedservices/registration")

// Classify reads content far enough to say what it is.
func Classify(content []byte) Info {
	text, data, serr := prepare(content)
	if serr != nil {
		return Info{Malformed: true, Onboarding: containsFold(text, registrationType)}
	}
	return classify(text, gjson.ParseBytes(data))
}

// classify says what a valid file is, from its content and parsed root.
func classify(content []byte, root gjson.Result) Info {
	onboarding := containsFold(content, registrationType)
	if !root.IsObject() {
		return Info{}
	}
	schema := strings.ToLower(root.Get(`\$schema`).String())
	params := root.Get("parameters")
	switch {
	case strings.Contains(schema, "deploymenttemplate") || root.Get("resources").Exists():
		return Info{Kind: Template, Onboarding: onboarding, Parameters: keys(params)}
	case strings.Contains(schema, "deploymentparameters") || isParameterValues(params):
		info := Info{Kind: Parameters, Parameters: keys(params), TemplateRef: strings.Clone(root.Get("metadata.template").String())}
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

// keys returns the member names of obj, copied so that they do not keep
// the file's text alive after Classify returns.
func keys(obj gjson.Result) []string {
	var names []string
	obj.ForEach(func(k, _ gjson.Result) bool {
		names = append(names, strings.Clone(k.String()))
		return true
	})
	return names
}

// containsFold reports whether s contains lowerSubstr, ignoring ASCII case.
func containsFold(s, lowerSubstr []byte) bool {
	for i := 0; i+len(lowerSubstr) <= len(s); i++ {
		if s[i]|0x20 == lowerSubstr[0] && bytes.EqualFold(s[i:i+len(lowerSubstr)], lowerSubstr) {
			return true
		}
	}
	return false
}

// prepare decodes content (see source.Decode) and cleans the text into strict
// JSON. serr says why the file cannot be read, at an offset of text.
func prepare(content []byte) (text, data []byte, serr *syntaxError) {
	text, bad := source.Decode(content)
	if bad != nil {
		return text, nil, &syntaxError{bad.Offset, bad.Message}
	}
	data, serr = clean(text)
	return text, data, serr
}

// clean turns JSON as Azure accepts it into strict JSON of the same length:
// comments become spaces, trailing commas are dropped. Every byte offset of
// the result is the offset of the same byte in text.
func clean(text []byte) ([]byte, *syntaxError) {
	data := jsonc.ToJSON(text)
	return data, validate(data)
}

// File is a parsed JSON(C) file registered in the shared FileSet. A File is
// used by one goroutine at a time: it caches parsed expressions.
type File struct {
	*source.File
	Info
	Problems []model.Problem // undecodable text or malformed JSON, at the position of the error
	// Duplicates are the members written twice in one object; the model
	// keeps the last of each.
	Duplicates []model.Duplicate
	// Suppressions are the lhlint-ignore comments and metadata of the file.
	Suppressions []model.Suppression
	root         model.Value // the document as literal values with spans
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

// Root returns the document as written, with the span of every value; it
// is Missing for a malformed file.
func (f *File) Root() model.Value { return f.root }

// Parse registers content in fset, decoded to UTF-8 when it is UTF-16, and
// parses it. It never fails: text that does not decode and malformed JSON
// become a Problem at the position of the error.
func Parse(fset *token.FileSet, name string, content []byte) *File {
	text, data, serr := prepare(content)
	f := &File{File: source.Add(fset, name, text), exprs: map[token.Pos]parsedExpr{}}
	if serr != nil {
		f.Info = Info{Malformed: true, Onboarding: containsFold(text, registrationType)}
		p := f.Pos(serr.off)
		f.Problems = []model.Problem{{Span: model.Span{StartPos: p, EndPos: p}, Message: serr.msg}}
		return f
	}
	root := gjson.ParseBytes(data)
	f.Info = classify(text, root)
	f.root = f.literal(root)
	f.Suppressions = f.suppressions()
	return f
}

func (f *File) span(off, n int) model.Span {
	return model.Span{StartPos: f.Pos(off), EndPos: f.Pos(off + n)}
}

// literal converts a validated JSON value to a model.Value whose every node
// is spanned where it is written. Of a member written twice in one object
// the last is kept, and the other recorded in f.Duplicates. Nesting is
// bounded by validate.
func (f *File) literal(r gjson.Result) model.Value {
	sp := f.span(r.Index, len(r.Raw))
	switch r.Type {
	case gjson.String:
		return model.LiteralString(r.Str, sp)
	case gjson.True:
		return model.BoolValue(true, sp)
	case gjson.False:
		return model.BoolValue(false, sp)
	case gjson.Null:
		return model.NullValue(sp)
	case gjson.Number:
		if n, err := strconv.ParseInt(r.Raw, 10, 64); err == nil {
			return model.IntValue(n, sp)
		}
		return model.UnknownValue("lhlint reads only whole numbers: "+r.Raw, sp)
	}
	if r.IsArray() {
		var items []model.Value
		r.ForEach(func(_, v gjson.Result) bool {
			items = append(items, f.literal(v))
			return true
		})
		return model.ArrayValue(items, sp)
	}
	var ms members
	r.ForEach(func(k, v gjson.Result) bool {
		if dup, ok := ms.add(model.Member{Key: k.Str, KeySpan: f.span(k.Index, len(k.Raw)), Value: f.literal(v)}); ok {
			f.Duplicates = append(f.Duplicates, dup)
		}
		return true
	})
	return model.ObjectValue(ms.list, sp)
}

// expression parses the template expression written in the string literal v,
// once per file.
func (f *File) expression(v model.Value) parsedExpr {
	if p, ok := f.exprs[v.Pos()]; ok {
		return p
	}
	node, err := expr.Parse(v.Text(), f.decodedPos(v))
	p := parsedExpr{node, err}
	f.exprs[v.Pos()] = p
	return p
}

// decodedPos maps a byte offset of the decoded text of the JSON string
// literal v to its position in the file, through any escapes in between.
func (f *File) decodedPos(v model.Value) func(int) token.Pos {
	start := f.Offset(v.Pos()) + 1 // after the opening quote
	raw := f.Content[start : f.Offset(v.End())-1]
	if bytes.IndexByte(raw, '\\') < 0 {
		return func(i int) token.Pos { return f.Pos(start + i) }
	}
	var table []int // decoded offset -> raw offset
	for i := 0; i < len(raw); {
		if raw[i] != '\\' {
			table = append(table, i)
			i++
			continue
		}
		n, width := 2, 1
		if i+1 < len(raw) && raw[i+1] == 'u' {
			n, width = 6, unicodeWidth(raw[i:])
			if width == 4 {
				n = 12 // a surrogate pair
			}
		}
		for range width {
			table = append(table, i)
		}
		i += n
	}
	return func(i int) token.Pos {
		if i >= 0 && i < len(table) {
			return f.Pos(start + table[i])
		}
		return f.Pos(start + len(raw))
	}
}

// unicodeWidth returns how many UTF-8 bytes the \uXXXX escape at the start
// of raw decodes to (4 for a surrogate pair written as two escapes).
func unicodeWidth(raw []byte) int {
	if len(raw) < 6 {
		return 1
	}
	r, err := strconv.ParseUint(string(raw[2:6]), 16, 32)
	if err != nil {
		return 1
	}
	if r >= 0xD800 && r < 0xDC00 && len(raw) >= 12 && raw[6] == '\\' && raw[7] == 'u' {
		return 4
	}
	if r >= 0xD800 && r < 0xE000 {
		return utf8.RuneLen(utf8.RuneError)
	}
	return utf8.RuneLen(rune(r))
}
