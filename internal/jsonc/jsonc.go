package jsonc

import (
	"bytes"
	"fmt"
	"go/token"
	"strconv"
	"unicode/utf8"

	"github.com/tidwall/gjson"
	"github.com/tidwall/jsonc"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// Clean decodes content (see source.Decode) and turns the text into strict
// JSON of the same length: comments become spaces, trailing commas are
// dropped, so every byte offset of data is the offset of the same byte in
// text. ok is false when the file does not decode or is not JSON(C). A file
// that is strict JSON already is its own data, with no copy.
func Clean(content []byte) (text, data []byte, ok bool) {
	text, bad := source.Decode(content)
	if bad == nil {
		if _, strict, ok := build(nil, text); ok {
			return text, strictData(text, strict), true
		}
	}
	text, data, serr := prepare(content)
	return text, data, serr == nil
}

// RootMember is a member of a document's root object, as written.
type RootMember struct {
	Key   []byte // the key, quotes included
	Value []byte // the value's text
}

// Named reports whether the member's key, unquoted, is name.
func (m RootMember) Named(name string) bool {
	if bytes.IndexByte(m.Key, '\\') < 0 {
		return string(m.Key[1:len(m.Key)-1]) == name
	}
	return gjson.ParseBytes(m.Key).Str == name
}

// RootMembers reads content as Clean does and, when the text is strict JSON
// with an object at its root, returns the members of that object in the
// same pass: for a caller that asks only about them, such as what kind of
// file this is, without querying the whole text again. ok is false for any
// other text, malformed or not; Clean then says what it is.
func RootMembers(content []byte) (text []byte, members []RootMember, ok bool) {
	text, bad := source.Decode(content)
	if bad != nil {
		return nil, nil, false
	}
	b := &builder{text: text, strict: true, stacks: pool.Get().(*stacks), root: &members}
	defer b.release()
	if start, _, ok := b.document(); !ok || !b.strict || text[start] != '{' {
		return nil, nil, false
	}
	return text, members, true
}

// strictData returns text as strict JSON, text itself when it is strict.
func strictData(text []byte, strict bool) []byte {
	if strict {
		return text
	}
	return jsonc.ToJSON(text)
}

// prepare is Clean in two passes, saying why the file cannot be read at an
// offset of text.
func prepare(content []byte) (text, data []byte, serr *syntaxError) {
	text, bad := source.Decode(content)
	if bad != nil {
		return text, nil, &syntaxError{bad.Offset, bad.Message}
	}
	data = jsonc.ToJSON(text)
	return text, data, validate(data)
}

// Doc is a parsed JSON(C) file registered in the shared FileSet.
type Doc struct {
	*source.File
	Problems []model.Problem // undecodable text or malformed JSON, at the position of the error
	// Duplicates are the members written twice in one object; the model
	// keeps the last of each.
	Duplicates []model.Duplicate
	// Strict is true when the text is strict JSON (no comments, no
	// trailing commas), read in one pass.
	Strict bool
	root   model.Value
}

// Root returns the document as written, with the span of every value; it
// is Missing for a malformed file.
func (d *Doc) Root() model.Value { return d.root }

// Parse registers content in fset, decoded to UTF-8 when it is UTF-16, and
// parses it. It never fails: text that does not decode and malformed JSON
// become a Problem at the position of the error. data is the text as
// strict JSON at the same offsets (see Clean), for a caller that queries it
// further; it is nil for a malformed file.
func Parse(fset *token.FileSet, name string, content []byte) (d *Doc, data []byte) {
	text, bad := source.Decode(content)
	d = &Doc{File: source.Add(fset, name, text)}
	if bad != nil {
		return d.malformed(&syntaxError{bad.Offset, bad.Message})
	}
	if root, strict, ok := build(d, text); ok {
		d.root, d.Strict = root, strict
		return d, strictData(text, strict)
	}
	d.Duplicates = nil
	return d.parseSlowly(text)
}

// parseSlowly reads text in two passes (strict JSON, validated, then its
// values through gjson), as Parse did before it read in one: for the text
// the one pass of build does not read, it says why a malformed file is
// malformed, and reads the oddities build leaves to it.
func (d *Doc) parseSlowly(text []byte) (*Doc, []byte) {
	data := jsonc.ToJSON(text)
	if serr := validate(data); serr != nil {
		return d.malformed(serr)
	}
	d.root = d.literal(gjson.ParseBytes(data))
	return d, data
}

// malformed records why d cannot be read.
func (d *Doc) malformed(serr *syntaxError) (*Doc, []byte) {
	p := d.Pos(serr.off)
	d.Problems = []model.Problem{{Span: model.Span{StartPos: p, EndPos: p}, Message: serr.msg}}
	return d, nil
}

// Span returns the span of the n bytes at offset off.
func (d *Doc) Span(off, n int) model.Span {
	return model.Span{StartPos: d.Pos(off), EndPos: d.Pos(off + n)}
}

// literal converts a validated JSON value to a model.Value whose every node
// is spanned where it is written. Of a member written twice in one object
// the last is kept, and the other recorded in d.Duplicates. Nesting is
// bounded by validate.
func (d *Doc) literal(r gjson.Result) model.Value {
	sp := d.Span(r.Index, len(r.Raw))
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
			items = append(items, d.literal(v))
			return true
		})
		return model.ArrayValue(items, sp)
	}
	var ms members
	r.ForEach(func(k, v gjson.Result) bool {
		if dup, ok := ms.add(model.Member{Key: k.Str, KeySpan: d.Span(k.Index, len(k.Raw)), Value: d.literal(v)}); ok {
			d.Duplicates = append(d.Duplicates, dup)
		}
		return true
	})
	return model.ObjectValue(ms.list, sp)
}

// DecodedPos maps a byte offset of the decoded text of the JSON string
// literal v to its position in the file, through any escapes in between.
func (d *Doc) DecodedPos(v model.Value) func(int) token.Pos {
	start := d.Offset(v.Pos()) + 1 // after the opening quote
	raw := d.Content[start : d.Offset(v.End())-1]
	if bytes.IndexByte(raw, '\\') < 0 {
		return func(i int) token.Pos { return d.Pos(start + i) }
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
			return d.Pos(start + table[i])
		}
		return d.Pos(start + len(raw))
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

// Literal returns v written as a JSON literal: a string, a whole number, a
// boolean or null. It is false for any other value, and for a string known
// only at deployment time.
func Literal(v model.Value) ([]byte, bool) {
	switch v.Kind() {
	case model.String:
		if s, ok := v.Str(); ok {
			return quote(s), true
		}
	case model.Int:
		n, _ := v.Int()
		return strconv.AppendInt(nil, n, 10), true
	case model.Bool:
		b, _ := v.Bool()
		return strconv.AppendBool(nil, b), true
	case model.Null:
		return []byte("null"), true
	}
	return nil, false
}

// quote writes s as a JSON string: quotes, backslashes and control
// characters escaped, everything else as it is.
func quote(s string) []byte {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = fmt.Appendf(b, `\u%04x`, c)
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
