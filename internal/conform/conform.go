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
}

// Check validates v against s and returns its problems.
func Check(s *schema.Schema, v model.Value, opts Options) []Problem {
	doc := build(s, v, s.Shape(), opts)
	var out []Problem
	for _, vi := range s.Validate(doc) {
		out = append(out, locate(v, vi))
	}
	return out
}

// build returns v as the schema's document: unknown values as
// schema.Unknown, names as the schema spells them, and only what the
// schema looks at (sh): a container it judges by its kind alone is given
// empty.
func build(s *schema.Schema, v model.Value, sh *schema.Shape, opts Options) any {
	switch v.Kind() {
	case model.Unknown, model.Missing:
		return schema.Unknown{}
	case model.Null:
		return nil
	case model.String:
		if opts.Expression != nil && opts.Expression(v.Text()) {
			return schema.Unknown{}
		}
		return v.Text() // a symbolic string is a string too
	case model.Int:
		n, _ := v.Int()
		return float64(n)
	case model.Bool:
		b, _ := v.Bool()
		return b
	case model.Array:
		if sh == nil {
			return []any{}
		}
		items := v.RawItems()
		out := make([]any, len(items))
		for i, it := range items {
			out[i] = build(s, it, sh.Item(), opts)
		}
		return out
	case model.Object:
		if sh == nil {
			return map[string]any{}
		}
		out := make(map[string]any, v.Len())
		for _, m := range v.Members() {
			if opts.DropNull && m.Value.Kind() == model.Null {
				continue
			}
			// Names as the schema spells them; of a name written twice,
			// the last member, as ARM keeps it.
			msh, name := sh.Lookup(m.Key)
			out[name] = build(s, m.Value, msh, opts)
		}
		return out
	}
	return nil
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
