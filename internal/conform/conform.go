package conform

import (
	"strconv"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/schema"
)

// Problem is one way a value breaks a schema, at the span to report.
type Problem struct {
	// At is the offending value; for a member the schema does not define,
	// its key; for an object that lacks a member, the object.
	At      model.Span
	Value   model.Value // the value at At or holding the key, for its hops
	Message string
	// Member is true when the key at At names a member the schema does
	// not define; Key is the key as written.
	Member bool
	Key    model.Value
	// Missing is true when the object Value lacks a member it must have.
	Missing bool
	// Suggest is the defined name nearest Key, "" when none is near or
	// several are.
	Suggest string
}

// Options say how a value becomes the schema's document.
type Options struct {
	// DropNull leaves out members whose value is null, as ARM leaves out
	// the null properties of a resource body.
	DropNull bool
	// Expression reports whether a string is an expression, whose value is
	// not known; nil when no string is.
	Expression func(string) bool
	// Memo remembers the violations of the documents already validated in
	// this run; nil validates each.
	Memo *schema.Memo
}

// Check validates v against s and returns its problems.
func Check(s *schema.Schema, v model.Value, opts Options) []Problem {
	var buf [1024]byte // most onboarding documents fit, and it stays on the stack
	doc := encode(buf[:0], v, s.Shape(), opts)
	var out []Problem
	for _, vi := range opts.Memo.Validate(s, doc) {
		out = append(out, locate(v, vi))
	}
	return out
}

// encode appends to dst v as the schema's document, in JSON: unknown
// values as schema.AppendUnknown writes them, names as the schema spells
// them, and only what the schema looks at (sh): a container it judges by
// its kind alone is written empty, and a string or a number as the empty
// string or zero. The text is the document's identity in the memo, so
// templates that differ only in names and IDs no schema judges are one
// document. Members stay in the order written; of a name written twice
// the decoder keeps the last, as ARM does.
func encode(dst []byte, v model.Value, sh *schema.Shape, opts Options) []byte {
	switch v.Kind() {
	case model.Unknown, model.Missing:
		return schema.AppendUnknown(dst)
	case model.Null:
		return append(dst, "null"...)
	case model.String:
		if opts.Expression != nil && opts.Expression(v.Text()) {
			return schema.AppendUnknown(dst)
		}
		if !sh.Scalar() {
			return append(dst, `""`...)
		}
		return appendString(dst, v.Text()) // a symbolic string is a string too
	case model.Int:
		n, _ := v.Int()
		if !sh.Scalar() {
			n = 0
		}
		return strconv.AppendInt(dst, n, 10)
	case model.Bool:
		b, _ := v.Bool()
		return strconv.AppendBool(dst, b)
	case model.Array:
		dst = append(dst, '[')
		if !sh.Opaque() {
			for i, it := range v.RawItems() {
				if i > 0 {
					dst = append(dst, ',')
				}
				dst = encode(dst, it, sh.Item(), opts)
			}
		}
		return append(dst, ']')
	case model.Object:
		dst = append(dst, '{')
		if !sh.Opaque() {
			first := true
			for _, m := range v.Members() {
				if opts.DropNull && m.Value.Kind() == model.Null {
					continue
				}
				if !first {
					dst = append(dst, ',')
				}
				first = false
				msh, name := sh.Lookup(m.Key)
				dst = append(appendString(dst, name), ':')
				dst = encode(dst, m.Value, msh, opts)
			}
		}
		return append(dst, '}')
	}
	return append(dst, "null"...)
}

// appendString appends s to dst as a JSON string.
func appendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	done := 0 // s[:done] is written
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			dst = append(append(dst, s[done:i]...), '\\', c)
		case c < 0x20:
			dst = append(append(dst, s[done:i]...), '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			continue
		}
		done = i + 1
	}
	return append(append(dst, s[done:]...), '"')
}

// locate finds the span of a violation in v.
func locate(v model.Value, vi schema.Violation) Problem {
	p := Problem{Message: vi.Message, Suggest: vi.Suggest, Missing: vi.Missing}
	cur := v
	for i, tok := range vi.Path {
		last := i == len(vi.Path)-1
		switch cur.Kind() {
		case model.Object:
			m, ok := cur.Key(tok)
			if !ok {
				break
			}
			if last && vi.Member {
				p.Member = true
				p.Key = model.LiteralString(m.Key, m.KeySpan)
				p.At, p.Value = m.KeySpan, cur
				return p
			}
			cur = m.Value
		case model.Array:
			n, err := strconv.Atoi(tok)
			if it, ok := cur.Index(n); err == nil && ok {
				cur = it
			}
		}
	}
	p.At, p.Value = cur.Span, cur
	return p
}
