package schema

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Shape is what a schema looks at of a value, so that documents can be
// built with only that: a value whose Shape is nil is judged by its kind
// alone (an object or an array may be given empty, a string or a number
// any of its kind), else by the members and items it names, and a string
// or a number by its value when Scalar. Walking a whole template into a
// document would cost more than validating it, and documents that differ
// only in what no schema looks at are one document to Memo.
type Shape struct {
	members map[string]*Shape // by lower-case name
	names   map[string]string // the schema's spelling, by lower-case name
	exact   map[string]*Shape // by the schema's spelling
	others  *Shape            // every other member, or every item
	whole   bool              // the value is compared whole (enum, const, lengths)
	scalar  bool              // a string's or a number's value is judged (pattern, minimum...)
}

// Whole reports whether the value is needed whole.
func (sh *Shape) Whole() bool { return sh != nil && sh.whole }

// Scalar reports whether the value of a string or a number is judged, not
// only its kind.
func (sh *Shape) Scalar() bool { return sh != nil && (sh.whole || sh.scalar) }

// Opaque reports whether an object or an array is judged by its kind
// alone, and may be given empty.
func (sh *Shape) Opaque() bool {
	return sh == nil || !sh.whole && sh.members == nil && sh.others == nil
}

// Member returns the shape of the member name, compared ignoring case.
func (sh *Shape) Member(name string) *Shape {
	m, _ := sh.Lookup(name)
	return m
}

// Lookup returns the shape of the member name, compared ignoring case, and
// the name as the schema spells it (name itself when the schema does not
// name it).
func (sh *Shape) Lookup(name string) (*Shape, string) {
	if sh == nil || sh.whole {
		return sh, name
	}
	if m, ok := sh.exact[name]; ok {
		return m, name // most names are written as the schema spells them
	}
	if len(sh.members) == 0 { // a map, such as parameters or outputs
		return sh.others, name
	}
	if isASCII(name) {
		// The schemas' names are ASCII, so this is the comparison below,
		// without a scan for the members no schema defines.
		var buf [64]byte
		lower := appendLower(buf[:0], name)
		if m, ok := sh.members[string(lower)]; ok {
			return m, sh.names[string(lower)]
		}
		return sh.others, name
	}
	for lower, m := range sh.members {
		if strings.EqualFold(lower, name) {
			return m, sh.names[lower]
		}
	}
	return sh.others, name
}

// Item returns the shape of every item of an array.
func (sh *Shape) Item() *Shape {
	if sh == nil || sh.whole {
		return sh
	}
	return sh.others
}

// Shape returns what the schema looks at.
func (s *Schema) Shape() *Shape { return s.shape }

// wholeKeywords are the keywords that look at a value's content as a whole.
var wholeKeywords = []string{"enum", "const", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "contains", "prefixItems"}

// scalarKeywords are the keywords that look at the value of a string or a
// number.
var scalarKeywords = []string{"pattern", "minLength", "maxLength", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}

// shaper computes shapes from the raw schemas.
type shaper struct {
	nodes map[string]*node  // the schemas, by absolute location
	memo  map[string]*Shape // by absolute location
}

// at returns the shape of the schema at the absolute location loc.
func (b *shaper) at(loc string) *Shape {
	if sh, ok := b.memo[loc]; ok {
		return sh
	}
	var raw map[string]any
	if n := b.nodes[loc]; n != nil {
		raw = n.raw
	}
	if ref, ok := raw["$ref"].(string); ok && refOnly(raw) {
		// A reference alone has the shape it refers to, cycles included.
		target := refTarget(loc, ref)
		b.memo[loc] = nil // until known; a cycle back here sees opaque
		sh := b.at(target)
		b.memo[loc] = sh
		return sh
	}
	sh := &Shape{}
	b.memo[loc] = sh
	b.fill(sh, loc, raw)
	if sh.Opaque() && !sh.scalar {
		b.memo[loc] = nil
		return nil
	}
	return sh
}

// fill adds to sh what the schema raw at loc looks at.
func (b *shaper) fill(sh *Shape, loc string, raw map[string]any) {
	for _, kw := range wholeKeywords {
		if _, ok := raw[kw]; ok {
			sh.whole = true
		}
	}
	for _, kw := range scalarKeywords {
		if _, ok := raw[kw]; ok {
			sh.scalar = true
		}
	}
	if props, ok := raw["properties"].(map[string]any); ok {
		for name := range props {
			b.addMember(sh, name, b.at(loc+"/properties/"+escape(name)))
		}
	}
	for _, kw := range []string{"additionalProperties", "unevaluatedProperties", "items"} {
		if _, ok := raw[kw].(map[string]any); ok {
			sh.others = union(sh.others, b.at(loc+"/"+kw), 0)
		}
	}
	if _, ok := raw["propertyNames"]; ok && sh.others == nil {
		sh.others = &Shape{} // the names matter; an empty shape keeps every member
	}
	if ref, ok := raw["$ref"].(string); ok {
		b.mergeInto(sh, b.at(refTarget(loc, ref)))
	}
	for _, kw := range []string{"allOf", "anyOf", "oneOf"} {
		list, _ := raw[kw].([]any)
		for i := range list {
			b.mergeInto(sh, b.at(loc+"/"+kw+"/"+strconv.Itoa(i)))
		}
	}
	for _, kw := range []string{"if", "then", "else", "not"} {
		if _, ok := raw[kw].(map[string]any); ok {
			b.mergeInto(sh, b.at(loc+"/"+kw))
		}
	}
}

// addMember adds what the schema looks at of the member name.
func (b *shaper) addMember(sh *Shape, name string, m *Shape) {
	lower := strings.ToLower(name)
	if sh.members == nil {
		sh.members, sh.names, sh.exact = map[string]*Shape{}, map[string]string{}, map[string]*Shape{}
	}
	if prev, ok := sh.members[lower]; ok {
		m = union(prev, m, 0)
	}
	sh.members[lower] = m
	sh.names[lower] = name
	sh.exact[name] = m
}

func (b *shaper) mergeInto(sh, other *Shape) {
	if other == nil || other == sh {
		return
	}
	sh.whole = sh.whole || other.whole
	sh.scalar = sh.scalar || other.scalar
	for lower, m := range other.members {
		b.addMember(sh, other.names[lower], m)
	}
	sh.others = union(sh.others, other.others, 0)
}

// union returns a shape that looks at what a and b look at. Shapes that
// refer to themselves are merged a few levels deep, then taken whole.
func union(a, b *Shape, depth int) *Shape {
	switch {
	case a == nil:
		return b
	case b == nil || a == b:
		return a
	case depth > 8:
		return &Shape{whole: true}
	}
	out := &Shape{whole: a.whole || b.whole, scalar: a.scalar || b.scalar, others: union(a.others, b.others, depth+1)}
	for _, sh := range []*Shape{a, b} {
		for lower, m := range sh.members {
			if out.members == nil {
				out.members, out.names, out.exact = map[string]*Shape{}, map[string]string{}, map[string]*Shape{}
			}
			out.members[lower] = union(out.members[lower], m, depth+1)
			out.names[lower] = sh.names[lower]
			out.exact[sh.names[lower]] = out.members[lower]
		}
	}
	return out
}

// validating are the keywords that look at a value; a schema with none
// but $ref is a reference alone.
var validating = slices.Concat([]string{"properties", "additionalProperties", "unevaluatedProperties", "items",
	"allOf", "anyOf", "oneOf", "if", "then", "else", "not", "propertyNames"}, wholeKeywords, scalarKeywords)

// refOnly reports whether the schema raw is a $ref with annotations.
func refOnly(raw map[string]any) bool {
	for _, kw := range validating {
		if _, ok := raw[kw]; ok {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
