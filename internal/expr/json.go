package expr

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/lhlint/lhlint/internal/model"
)

// writeJSONString writes s as a JSON string the way Azure serialises it
// for string(): only quotes, backslashes and control characters escaped.
func writeJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := range len(s) {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}

// parseJSON parses a JSON string into a value, as json() does. Every part of
// the result is spanned at the call: that is where its text is written.
func parseJSON(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.String {
		return c.typeError("a string", a)
	}
	if a.IsSymbolic() {
		return c.symbolicOnly(a)
	}
	return c.json(a.Text())
}

func (c call) json(s string) model.Value {
	if !c.ev.charge(len(s) >> 4) {
		return c.tooLarge()
	}
	p := jsonParser{src: s, span: c.span, count: maxItems}
	p.skip()
	v, err := p.value(0)
	if err == "" {
		p.skip()
		if p.i < len(p.src) {
			err = "text after the JSON value"
		}
	}
	if err != "" {
		return c.unknownf("json cannot parse %s: %s", strconv.Quote(truncate(s)), err)
	}
	return v
}

// jsonParser reads JSON as Azure's json() accepts it: standard JSON, and
// strings in single quotes too. Members keep their written order.
type jsonParser struct {
	src   string
	i     int
	span  model.Span
	count int // values that may still be created
}

func (p *jsonParser) skip() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (model.Value, string) {
	if depth > maxJSONDepth {
		return model.Value{}, "it nests too deeply"
	}
	if p.count--; p.count < 0 {
		return model.Value{}, "it is too large"
	}
	if p.i >= len(p.src) {
		return model.Value{}, "it ends early"
	}
	switch c := p.src[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"' || c == '\'':
		s, err := p.str()
		return model.StringValue(s, p.span), err
	case c == '-' || isDigit(c):
		return p.number()
	}
	for _, lit := range [...]struct {
		text string
		v    model.Value
	}{{"true", model.BoolValue(true, p.span)}, {"false", model.BoolValue(false, p.span)}, {"null", model.NullValue(p.span)}} {
		if strings.HasPrefix(p.src[p.i:], lit.text) {
			p.i += len(lit.text)
			return lit.v, ""
		}
	}
	return model.Value{}, "unexpected " + strconv.QuoteRune(rune(p.src[p.i]))
}

func (p *jsonParser) object(depth int) (model.Value, string) {
	p.i++
	var members model.Members
	p.skip()
	if p.i < len(p.src) && p.src[p.i] == '}' {
		p.i++
		return model.ObjectValue(members, p.span), ""
	}
	for {
		if p.i >= len(p.src) || (p.src[p.i] != '"' && p.src[p.i] != '\'') {
			return model.Value{}, "expected a property name"
		}
		key, err := p.str()
		if err != "" {
			return model.Value{}, err
		}
		p.skip()
		if p.i >= len(p.src) || p.src[p.i] != ':' {
			return model.Value{}, "expected ':' after a property name"
		}
		p.i++
		p.skip()
		v, err := p.value(depth + 1)
		if err != "" {
			return model.Value{}, err
		}
		members = append(members, model.Member{Key: key, KeySpan: p.span, Value: v})
		p.skip()
		if p.i < len(p.src) && p.src[p.i] == ',' {
			p.i++
			p.skip()
			continue
		}
		if p.i < len(p.src) && p.src[p.i] == '}' {
			p.i++
			return model.ObjectValue(members, p.span), ""
		}
		return model.Value{}, "expected ',' or '}' in an object"
	}
}

func (p *jsonParser) array(depth int) (model.Value, string) {
	p.i++
	var items []model.Value
	p.skip()
	if p.i < len(p.src) && p.src[p.i] == ']' {
		p.i++
		return model.ArrayValue(items, p.span), ""
	}
	for {
		v, err := p.value(depth + 1)
		if err != "" {
			return model.Value{}, err
		}
		items = append(items, v)
		p.skip()
		if p.i < len(p.src) && p.src[p.i] == ',' {
			p.i++
			p.skip()
			continue
		}
		if p.i < len(p.src) && p.src[p.i] == ']' {
			p.i++
			return model.ArrayValue(items, p.span), ""
		}
		return model.Value{}, "expected ',' or ']' in an array"
	}
}

// number reads a JSON number. The model has integers only, so a fraction or
// exponent is an unknown value in the result rather than an error.
func (p *jsonParser) number() (model.Value, string) {
	start := p.i
	if p.src[p.i] == '-' {
		p.i++
	}
	digits := p.i
	for p.i < len(p.src) && isDigit(p.src[p.i]) {
		p.i++
	}
	if p.i == digits {
		return model.Value{}, "expected digits"
	}
	whole := p.i
	if p.i < len(p.src) && p.src[p.i] == '.' {
		p.i++
		for p.i < len(p.src) && isDigit(p.src[p.i]) {
			p.i++
		}
	}
	if p.i < len(p.src) && (p.src[p.i] == 'e' || p.src[p.i] == 'E') {
		p.i++
		if p.i < len(p.src) && (p.src[p.i] == '+' || p.src[p.i] == '-') {
			p.i++
		}
		for p.i < len(p.src) && isDigit(p.src[p.i]) {
			p.i++
		}
	}
	text := p.src[start:p.i]
	if p.i == whole {
		if n, err := strconv.ParseInt(text, 10, 64); err == nil {
			return model.IntValue(n, p.span), ""
		}
	}
	return model.UnknownValue("lhlint reads only whole numbers of 64 bits: "+truncate(text), p.span), ""
}

// str reads a string in double or single quotes with JSON escapes.
func (p *jsonParser) str() (string, string) {
	quote := p.src[p.i]
	p.i++
	start := p.i
	for p.i < len(p.src) && p.src[p.i] != quote && p.src[p.i] != '\\' {
		p.i++
	}
	if p.i < len(p.src) && p.src[p.i] == quote {
		p.i++
		return p.src[start : p.i-1], ""
	}
	var b strings.Builder
	b.WriteString(p.src[start:p.i])
	for p.i < len(p.src) {
		c := p.src[p.i]
		switch {
		case c == quote:
			p.i++
			return b.String(), ""
		case c != '\\':
			b.WriteByte(c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.src) {
			break
		}
		e := p.src[p.i+1]
		p.i += 2
		switch e {
		case '"', '\'', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", "a \\u escape needs four hex digits"
			}
			if utf16.IsSurrogate(r) {
				if lo, ok := p.surrogate(); ok {
					r = utf16.DecodeRune(r, lo)
				} else {
					r = utf8.RuneError
				}
			}
			b.WriteRune(r)
		default:
			return "", "unknown escape \\" + string(rune(e))
		}
	}
	return "", "a string is not closed"
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.i+4 > len(p.src) {
		return 0, false
	}
	n, err := strconv.ParseUint(p.src[p.i:p.i+4], 16, 16)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(n), true
}

// surrogate reads the low half of a surrogate pair written as \uXXXX.
func (p *jsonParser) surrogate() (rune, bool) {
	if !strings.HasPrefix(p.src[p.i:], `\u`) {
		return 0, false
	}
	save := p.i
	p.i += 2
	r, ok := p.hex4()
	if !ok || r < 0xdc00 || r > 0xdfff {
		p.i = save
		return 0, false
	}
	return r, true
}
