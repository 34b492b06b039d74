package jsonc

import (
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"github.com/lhlint/lhlint/internal/model"
)

// builder reads JSONC text in one pass: it skips comments and a trailing
// comma where it meets them, validates, and (when it has a Doc) builds the
// spanned model values as it goes. It reads the files people write, valid
// JSON(C); on anything else it gives up, and the two-pass reader (strict
// JSON by jsonc.ToJSON, then validate for the message, then gjson) decides
// what the text is and says why. It accepts nothing that reader rejects and
// builds the same values, so the only difference is the time: the one pass
// costs about what merely parsing the JSON does.
type builder struct {
	text  []byte
	str   string // text as a string, made once, so that keys and values share it
	i     int
	depth int
	d     *Doc // nil: validate only
	// root, when set, collects the members of the root object (see
	// RootMembers).
	root *[]RootMember
	// strict is false once a comment or a trailing comma has been
	// skipped: text is then not strict JSON.
	strict bool
	*stacks
}

// stacks hold the items and members of the arrays and objects being read,
// one after another: each container is copied out once, at its size,
// instead of growing a slice of its own.
type stacks struct {
	items   []model.Value
	members model.Members
}

// maxPooled bounds the stacks kept for the next file: a file with a huge
// array must not keep its stack alive.
const maxPooled = 1024

// pool keeps the stacks between files, so that each file does not grow
// its own: it holds no state a reader could observe.
var pool = sync.Pool{New: func() any { return new(stacks) }}

// release clears the stacks and returns them to the pool.
func (s *stacks) release() {
	if cap(s.items) > maxPooled || cap(s.members) > maxPooled {
		return
	}
	clear(s.items[:cap(s.items)]) // let go of the values of this file
	clear(s.members[:cap(s.members)])
	s.items, s.members = s.items[:0], s.members[:0]
	pool.Put(s)
}

// build reads text as one JSONC value. ok is false when the one pass
// cannot read it; strict is true when text is strict JSON as it is.
func build(d *Doc, text []byte) (root model.Value, strict, ok bool) {
	b := &builder{text: text, d: d, strict: true, stacks: pool.Get().(*stacks)}
	defer b.release()
	if d != nil {
		b.str = string(text)
	}
	start, root, ok := b.document()
	if !ok {
		return model.Value{}, false, false
	}
	if d != nil && (text[start] == '{' || text[start] == '[') {
		// The document's object or array spans to the end of the file, as
		// it always has (gjson's root takes the rest of the text).
		root.Span = d.Span(start, len(text)-start)
	}
	return root, b.strict, true
}

// document reads the one value the text holds, with the space around it,
// and returns where the value starts.
func (b *builder) document() (start int, v model.Value, ok bool) {
	if !b.space() || b.i == len(b.text) {
		return 0, model.Value{}, false
	}
	start = b.i
	v, ok = b.value()
	return start, v, ok && b.space() && b.i == len(b.text)
}

// space skips whitespace and comments. It is false at a comment that does
// not end, or a '/' that starts none.
func (b *builder) space() bool {
	for {
		// Templates are indented: skip runs of whitespace in a loop of
		// one table load per byte.
		i, text := b.i, b.text
		for i < len(text) && whitespace[text[i]] {
			i++
		}
		if b.i = i; i == len(text) || text[i] != '/' {
			return true
		}
		if !b.comment() {
			return false
		}
	}
}

// whitespace says which bytes JSON allows between tokens.
var whitespace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// comment skips the comment at b.i.
func (b *builder) comment() bool {
	rest := b.text[b.i:]
	if len(rest) < 2 {
		return false
	}
	b.strict = false
	switch rest[1] {
	case '/':
		n := 2
		for n < len(rest) && rest[n] != '\n' {
			n++
		}
		b.i += n
		return true
	case '*':
		for n := 2; n+1 < len(rest); n++ {
			if rest[n] == '*' && rest[n+1] == '/' {
				b.i += n + 2
				return true
			}
		}
	}
	return false
}

// span returns the span from start to the current offset.
func (b *builder) span(start int) model.Span {
	return b.d.Span(start, b.i-start)
}

func (b *builder) value() (model.Value, bool) {
	if b.i >= len(b.text) {
		return model.Value{}, false
	}
	start := b.i
	switch c := b.text[b.i]; c {
	case '{':
		return b.object()
	case '[':
		return b.array()
	case '"':
		s, ok := b.quoted()
		if !ok || b.d == nil {
			return model.Value{}, ok
		}
		return model.LiteralString(s, b.span(start)), true
	case 't':
		return b.word("true", func(sp model.Span) model.Value { return model.BoolValue(true, sp) })
	case 'f':
		return b.word("false", func(sp model.Span) model.Value { return model.BoolValue(false, sp) })
	case 'n':
		return b.word("null", model.NullValue)
	default:
		if c == '-' || c >= '0' && c <= '9' {
			return b.number()
		}
	}
	return model.Value{}, false
}

func (b *builder) word(w string, value func(model.Span) model.Value) (model.Value, bool) {
	start := b.i
	if len(b.text)-b.i < len(w) || string(b.text[b.i:b.i+len(w)]) != w {
		return model.Value{}, false
	}
	b.i += len(w)
	if b.d == nil {
		return model.Value{}, true
	}
	return value(b.span(start)), true
}

// open enters the container at b.i and skips to its first value; empty is
// true when the container closes at once.
func (b *builder) open(closer byte) (empty, ok bool) {
	if b.depth >= maxDepth {
		return false, false
	}
	b.depth++
	b.i++
	if !b.space() || b.i >= len(b.text) {
		return false, false
	}
	if b.text[b.i] == closer {
		b.i++
		b.depth--
		return true, true
	}
	return false, true
}

// next moves past the value just read: to the next one (more is true), or
// past the closer, skipping a trailing comma before it.
func (b *builder) next(closer byte) (more, ok bool) {
	if !b.space() || b.i >= len(b.text) {
		return false, false
	}
	switch b.text[b.i] {
	case ',':
		b.i++
		if !b.space() || b.i >= len(b.text) {
			return false, false
		}
		if b.text[b.i] != closer {
			return true, true
		}
		b.strict = false
	case closer:
	default:
		return false, false
	}
	b.i++
	b.depth--
	return false, true
}

func (b *builder) array() (model.Value, bool) {
	start := b.i
	empty, ok := b.open(']')
	if !ok || empty {
		return b.container(start, nil, nil, ok)
	}
	first := len(b.items)
	defer func() { b.items = b.items[:first] }()
	for {
		v, ok := b.value()
		if !ok {
			return model.Value{}, false
		}
		if b.d != nil {
			b.items = append(b.items, v)
		}
		more, ok := b.next(']')
		if !ok || !more {
			return b.container(start, slices.Clone(b.items[first:]), nil, ok)
		}
	}
}

func (b *builder) object() (model.Value, bool) {
	start := b.i
	empty, ok := b.open('}')
	if !ok || empty {
		return b.container(start, nil, nil, ok)
	}
	first := len(b.members)
	defer func() { b.members = b.members[:first] }()
	var ms members
	for {
		keyStart := b.i
		if b.i >= len(b.text) || b.text[b.i] != '"' {
			return model.Value{}, false
		}
		key, ok := b.quoted()
		if !ok {
			return model.Value{}, false
		}
		keyEnd := b.i
		if !b.space() || b.i >= len(b.text) || b.text[b.i] != ':' {
			return model.Value{}, false
		}
		b.i++
		if !b.space() {
			return model.Value{}, false
		}
		valueStart := b.i
		v, ok := b.value()
		if !ok {
			return model.Value{}, false
		}
		if b.root != nil && b.depth == 1 {
			*b.root = append(*b.root, RootMember{b.text[keyStart:keyEnd], b.text[valueStart:b.i]})
		}
		if b.d != nil {
			m := model.Member{Key: key, KeySpan: b.d.Span(keyStart, keyEnd-keyStart), Value: v}
			// The object's members so far are the top of b.members: add
			// there, with room for one more.
			b.members = slices.Grow(b.members, 1)
			ms.list = b.members[first:]
			dup, isDup := ms.add(m)
			b.members = b.members[:first+len(ms.list)]
			if isDup {
				b.d.Duplicates = append(b.d.Duplicates, dup)
			}
		}
		more, ok := b.next('}')
		if !ok || !more {
			return b.container(start, nil, &ms, ok)
		}
	}
}

// container returns the array (ms nil) or object read from start.
func (b *builder) container(start int, items []model.Value, ms *members, ok bool) (model.Value, bool) {
	if !ok || b.d == nil {
		return model.Value{}, ok
	}
	if b.text[start] == '[' {
		return model.ArrayValue(items, b.span(start)), true
	}
	var list model.Members
	if ms != nil {
		list = slices.Clone(ms.list)
	}
	return model.ObjectValue(list, b.span(start)), true
}

// quoted reads the string literal at b.i and returns its value. A string
// with escapes is decoded by gjson, as the two-pass reader decodes it.
func (b *builder) quoted() (string, bool) {
	start := b.i
	escaped := false
	for b.i++; b.i < len(b.text); {
		// Nearly every byte of a template's strings is plain ASCII:
		// skip those in a loop of one table load each, then look at
		// the byte that ends the run.
		i, text := b.i, b.text
		for i < len(text) && plain[text[i]] {
			i++
		}
		if b.i = i; i == len(text) {
			break
		}
		c := text[i]
		switch {
		case c == '"':
			b.i++
			if b.d == nil {
				return "", true
			}
			if escaped {
				return gjson.Parse(b.str[start:b.i]).Str, true
			}
			return b.str[start+1 : b.i-1], true
		case c == '\\':
			escaped = true
			if b.i+1 >= len(b.text) {
				return "", false
			}
			switch b.text[b.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				b.i += 2
			case 'u':
				if b.i+6 > len(b.text) || !isHex4(b.text[b.i+2:b.i+6]) {
					return "", false
				}
				b.i += 6
			default:
				return "", false
			}
		case c < 0x20:
			return "", false
		default: // the first byte of a multi-byte character
			r, n := utf8.DecodeRune(b.text[b.i:])
			if r == utf8.RuneError && n == 1 {
				return "", false
			}
			b.i += n
		}
	}
	return "", false
}

// plain says which bytes a string literal holds as they are: ASCII other
// than the quote, the backslash and the control characters.
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// number reads a number as validate does; a whole number is an Int, any
// other is unknown to the model.
func (b *builder) number() (model.Value, bool) {
	start := b.i
	if b.text[b.i] == '-' {
		b.i++
	}
	digits := func() int {
		n := 0
		for b.i < len(b.text) && b.text[b.i] >= '0' && b.text[b.i] <= '9' {
			b.i++
			n++
		}
		return n
	}
	if b.i < len(b.text) && b.text[b.i] == '0' {
		b.i++
	} else if digits() == 0 {
		return model.Value{}, false
	}
	if b.i < len(b.text) && b.text[b.i] == '.' {
		b.i++
		if digits() == 0 {
			return model.Value{}, false
		}
	}
	if b.i < len(b.text) && (b.text[b.i] == 'e' || b.text[b.i] == 'E') {
		b.i++
		if b.i < len(b.text) && (b.text[b.i] == '+' || b.text[b.i] == '-') {
			b.i++
		}
		if digits() == 0 {
			return model.Value{}, false
		}
	}
	if b.i-start > 400 {
		return model.Value{}, false
	}
	if b.d == nil {
		return model.Value{}, true
	}
	raw := b.str[start:b.i]
	sp := b.span(start)
	if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
		return model.IntValue(n, sp), true
	}
	return model.UnknownValue("lhlint reads only whole numbers: "+raw, sp), true
}
