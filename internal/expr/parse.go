package expr

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// MaxLength is the longest template expression Azure accepts, in characters.
const MaxLength = 24576

// maxParseDepth bounds how deeply calls, indexes and property accesses may
// nest, so that hostile input cannot exhaust the stack of the parser or of
// the evaluator.
const maxParseDepth = 256

// IsExpression reports whether a JSON string value is an ARM template
// expression: it starts with '[' and ends with ']', and does not start with
// the "[[" escape. A string such as "[x] y" is an ordinary literal.
func IsExpression(s string) bool {
	return len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' && s[1] != '['
}

// Unescape returns the literal a "[["-escaped string stands for: ARM removes
// one leading '[' and does not evaluate the rest.
func Unescape(s string) string {
	if strings.HasPrefix(s, "[[") {
		return s[1:]
	}
	return s
}

// Parse parses a template expression. s is the whole decoded JSON string,
// outer brackets included, such as "[concat('a', parameters('b'))]"; pos maps
// a byte offset of s to its position in the file (the caller accounts for
// JSON escapes). Every node's span is exact, and so is the span of the error.
func Parse(s string, pos func(off int) token.Pos) (Node, *SyntaxError) {
	p := parser{lexer: lexer{src: s, i: 1, end: len(s) - 1}, pos: pos}
	if !IsExpression(s) {
		return nil, p.errorAt(0, len(s), "an expression is written in '[' and ']'")
	}
	if len(s) > MaxLength {
		if n := utf16Len(s); n > MaxLength {
			return nil, p.errorAt(0, len(s), "expression is %d characters long, more than Azure's limit of %d", n, MaxLength)
		}
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tEOF {
		return nil, p.errorAt(0, len(s), "expression is empty")
	}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	switch p.tok.kind {
	case tEOF:
		return n, nil
	case tRBrack:
		// "[parameters('a')] and [parameters('b')]": the expression ended
		// at the first ']' and the rest is not part of it.
		return nil, p.errorAt(p.tok.end, len(s), "text after the expression's closing ']'")
	}
	return nil, p.unexpected("expected the end of the expression")
}

// utf16Len counts characters as .NET does, in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n++
		}
		n++
	}
	return n
}

type parser struct {
	lexer
	tok lexeme
	pos func(int) token.Pos
}

func (p *parser) span(start, end int) model.Span {
	return model.Span{StartPos: p.pos(start), EndPos: p.pos(end)}
}

func (p *parser) errorAt(start, end int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Span: p.span(start, end), Msg: fmt.Sprintf(format, args...)}
}

// advance reads the next token into p.tok.
func (p *parser) advance() *SyntaxError {
	t, err := p.next()
	if err != nil {
		return p.errorAt(err.start, err.end, "%s", err.msg)
	}
	p.tok = t
	return nil
}

func (p *parser) tooDeep() *SyntaxError {
	return p.errorAt(p.tok.start, p.tok.end, "expression nests too deeply")
}

// expr parses a primary value followed by property accesses and indexes.
func (p *parser) expr(depth int) (Node, *SyntaxError) {
	if depth > maxParseDepth {
		return nil, p.tooDeep()
	}
	t := p.tok
	var n Node
	switch t.kind {
	case tString:
		sp := p.span(t.start, t.end)
		n = &Lit{Span: sp, Value: model.StringValue(t.text, sp)}
	case tNumber:
		sp := p.span(t.start, t.end)
		n = &Lit{Span: sp, Value: model.IntValue(t.num, sp)}
	case tName:
		return p.call(depth)
	default:
		return nil, p.unexpected("expected a value")
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	return p.postfix(n, t.start, depth)
}

// unexpected reports the current token, which is not what the parser
// expected. The end of the expression is reported at the closing ']'.
func (p *parser) unexpected(expected string) *SyntaxError {
	return p.errorAt(p.tok.start, p.tok.end, "%s, found %s", expected, p.tok.describe(p.src))
}

// postfix parses ".name" and "[index]" after n, which starts at start.
func (p *parser) postfix(n Node, start, depth int) (Node, *SyntaxError) {
	for {
		switch p.tok.kind {
		case tDot:
			if err := p.advance(); err != nil {
				return nil, err
			}
			name := p.tok
			if name.kind != tName {
				return nil, p.unexpected("expected a property name after '.'")
			}
			n = &Member{Span: p.span(start, name.end), X: n, Name: name.text, NameSpan: p.span(name.start, name.end)}
		case tLBrack:
			if err := p.advance(); err != nil {
				return nil, err
			}
			idx, err := p.expr(depth + 1)
			if err != nil {
				return nil, err
			}
			if p.tok.kind != tRBrack {
				return nil, p.unexpected("expected ']' to close the index")
			}
			n = &Index{Span: p.span(start, p.tok.end), X: n, Index: idx}
		default:
			return n, nil
		}
		if depth++; depth > maxParseDepth {
			return nil, p.tooDeep()
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
}

// call parses name(args) or namespace.name(args); p.tok is the first name.
func (p *parser) call(depth int) (Node, *SyntaxError) {
	first := p.tok
	c := &Call{Name: first.text}
	nameEnd := first.end
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tDot {
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind != tName {
			return nil, p.unexpected(fmt.Sprintf("expected a function name after %q", first.text+"."))
		}
		c.Namespace, c.Name = first.text, p.tok.text
		nameEnd = p.tok.end
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
	c.NameSpan = p.span(first.start, nameEnd)
	if p.tok.kind != tLParen {
		written := p.src[first.start:nameEnd]
		hint := "a name on its own must be a function call"
		switch strings.ToLower(written) {
		case "true", "false", "null":
			hint = "ARM writes it " + strings.ToLower(written) + "()"
		}
		return nil, p.errorAt(first.start, nameEnd, "expected '(' after %q; %s", written, hint)
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	var buf [6]Node // most calls have few arguments: one allocation for them
	args := buf[:0]
	if p.tok.kind != tRParen {
		for {
			if p.tok.kind == tEOF {
				return nil, p.unclosed(c)
			}
			arg, err := p.expr(depth + 1)
			if err != nil {
				return nil, err
			}
			args = append(args, arg)
			if p.tok.kind == tRParen {
				break
			}
			if p.tok.kind == tEOF {
				return nil, p.unclosed(c)
			}
			if p.tok.kind != tComma {
				return nil, p.unexpected("expected ',' or ')' after an argument of " + c.Name)
			}
			if err := p.advance(); err != nil {
				return nil, err
			}
			if p.tok.kind == tRParen || p.tok.kind == tComma {
				return nil, p.unexpected("expected an argument of " + c.Name + " after ','")
			}
		}
	}
	if len(args) > 0 {
		c.Args = make([]Node, len(args))
		copy(c.Args, args)
	}
	c.Span = p.span(first.start, p.tok.end)
	if err := p.advance(); err != nil {
		return nil, err
	}
	return p.postfix(c, first.start, depth)
}

// unclosed reports the end of the expression inside the arguments of c.
func (p *parser) unclosed(c *Call) *SyntaxError {
	return p.errorAt(p.tok.start, p.tok.end, "expected ')' to close the arguments of %s", c.Name)
}
