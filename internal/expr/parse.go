package expr

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// MaxLength is the longest expression Azure accepts, in characters.
const MaxLength = 24576

// maxParseDepth bounds how deeply calls and accessors may nest.
const maxParseDepth = 256

// IsExpression reports whether a JSON string value is an ARM template
// expression: it starts with '[' and ends with ']', and does not start with
// the "[[" escape.
func IsExpression(s string) bool {
	return len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' && s[1] != '['
}

// Unescape returns the literal a "[["-escaped string stands for: one
// leading '[' removed.
func Unescape(s string) string {
	if strings.HasPrefix(s, "[[") {
		return s[1:]
	}
	return s
}

// Parse parses a template expression string, s including its outer
// brackets. pos maps a byte offset of s to its position in the file.
func Parse(s string, pos func(off int) token.Pos) (Node, *SyntaxError) {
	p := &parser{src: s, pos: pos}
	if len(s) > MaxLength+2 {
		return nil, p.errorAt(0, len(s), "expression is longer than Azure's limit of %d characters", MaxLength)
	}
	p.i = 1
	p.skipSpace()
	if p.i >= len(s)-1 {
		return nil, p.errorAt(0, len(s), "expression is empty")
	}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i != len(s)-1 {
		return nil, p.errorAt(p.i, len(s)-1, "text after the end of the expression")
	}
	return n, nil
}

type parser struct {
	src string
	i   int
	pos func(int) token.Pos
}

func (p *parser) span(start, end int) model.Span {
	return model.Span{StartPos: p.pos(start), EndPos: p.pos(end)}
}

func (p *parser) errorAt(start, end int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Span: p.span(start, end), Msg: fmt.Sprintf(format, args...)}
}

// end is the offset of the closing ']' of the template string.
func (p *parser) end() int { return len(p.src) - 1 }

func (p *parser) skipSpace() {
	for p.i < p.end() {
		switch p.src[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) describe() string {
	if p.i >= p.end() {
		return "the end of the expression"
	}
	return fmt.Sprintf("%q", p.src[p.i])
}

func isNameStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isNameChar(c byte) bool  { return isNameStart(c) || c >= '0' && c <= '9' }

func (p *parser) expr(depth int) (Node, *SyntaxError) {
	if depth > maxParseDepth {
		return nil, p.errorAt(p.i, p.i+1, "expression nests too deeply")
	}
	p.skipSpace()
	start := p.i
	var n Node
	switch c := byte(0); {
	case p.i >= p.end():
		return nil, p.errorAt(p.i, p.i, "expected a value, found the end of the expression")
	case p.src[p.i] == '\'':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		n = &Lit{Span: p.span(start, p.i), Value: model.StringValue(s, p.span(start, p.i))}
	case p.src[p.i] == '-' || p.src[p.i] >= '0' && p.src[p.i] <= '9':
		_ = c
		p.i++
		for p.i < p.end() && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
			p.i++
		}
		v, err := strconv.ParseInt(p.src[start:p.i], 10, 64)
		if err != nil {
			return nil, p.errorAt(start, p.i, "invalid number %q", p.src[start:p.i])
		}
		n = &Lit{Span: p.span(start, p.i), Value: model.IntValue(v, p.span(start, p.i))}
	case isNameStart(p.src[p.i]):
		call, err := p.call(depth)
		if err != nil {
			return nil, err
		}
		n = call
	default:
		return nil, p.errorAt(p.i, p.i+1, "unexpected character %s", p.describe())
	}
	for {
		p.skipSpace()
		if p.i >= p.end() {
			return n, nil
		}
		switch p.src[p.i] {
		case '.':
			p.i++
			p.skipSpace()
			nameStart := p.i
			for p.i < p.end() && isNameChar(p.src[p.i]) {
				p.i++
			}
			if p.i == nameStart {
				return nil, p.errorAt(p.i, p.i+1, "expected a property name after '.', found %s", p.describe())
			}
			n = &Member{Span: p.span(start, p.i), X: n, Name: p.src[nameStart:p.i], NameSpan: p.span(nameStart, p.i)}
		case '[':
			p.i++
			idx, err := p.expr(depth + 1)
			if err != nil {
				return nil, err
			}
			p.skipSpace()
			if p.i >= p.end() || p.src[p.i] != ']' {
				return nil, p.errorAt(p.i, p.i+1, "expected ']' to close the index, found %s", p.describe())
			}
			p.i++
			n = &Index{Span: p.span(start, p.i), X: n, Index: idx}
		default:
			return n, nil
		}
	}
}

func (p *parser) str() (string, *SyntaxError) {
	start := p.i
	p.i++
	var b strings.Builder
	for p.i < p.end() {
		c := p.src[p.i]
		if c == '\'' {
			if p.i+1 < p.end() && p.src[p.i+1] == '\'' {
				b.WriteByte('\'')
				p.i += 2
				continue
			}
			p.i++
			return b.String(), nil
		}
		b.WriteByte(c)
		p.i++
	}
	return "", p.errorAt(start, p.end(), "unterminated string")
}

func (p *parser) call(depth int) (*Call, *SyntaxError) {
	start := p.i
	for p.i < p.end() && isNameChar(p.src[p.i]) {
		p.i++
	}
	c := &Call{Name: p.src[start:p.i], NameSpan: p.span(start, p.i)}
	if p.i < p.end() && p.src[p.i] == '.' {
		p.i++
		nsEnd := p.i - 1
		fnStart := p.i
		for p.i < p.end() && isNameChar(p.src[p.i]) {
			p.i++
		}
		if p.i == fnStart {
			return nil, p.errorAt(p.i, p.i+1, "expected a function name after %q", p.src[start:nsEnd+1])
		}
		c.Namespace, c.Name, c.NameSpan = p.src[start:nsEnd], p.src[fnStart:p.i], p.span(start, p.i)
	}
	p.skipSpace()
	if p.i >= p.end() || p.src[p.i] != '(' {
		return nil, p.errorAt(start, p.i, "expected '(' after %q: a name must be a function call", p.src[start:p.i])
	}
	p.i++
	p.skipSpace()
	if p.i < p.end() && p.src[p.i] == ')' {
		p.i++
		c.Span = p.span(start, p.i)
		return c, nil
	}
	for {
		arg, err := p.expr(depth + 1)
		if err != nil {
			return nil, err
		}
		c.Args = append(c.Args, arg)
		p.skipSpace()
		if p.i < p.end() && p.src[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < p.end() && p.src[p.i] == ')' {
			p.i++
			c.Span = p.span(start, p.i)
			return c, nil
		}
		return nil, p.errorAt(p.i, p.i+1, "expected ',' or ')' in the arguments of %s, found %s", c.Name, p.describe())
	}
}
