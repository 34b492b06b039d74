package expr

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tokKind is the kind of a lexical token of the expression language.
type tokKind uint8

const (
	tEOF    tokKind = iota // the template string's closing ']'
	tName                  // letters, digits and '_', not starting with a digit
	tString                // '…' with '' for a quote
	tNumber                // optional '-' and digits
	tLParen
	tRParen
	tLBrack
	tRBrack
	tComma
	tDot
)

// lexeme is one token; start and end are byte offsets of the template string.
type lexeme struct {
	kind       tokKind
	start, end int
	text       string // a name, or a string's value with '' unescaped
	num        int64
}

// lexError is a lexical error at byte offsets of the template string.
type lexError struct {
	start, end int
	msg        string
}

// lexer splits the text between the template string's brackets into
// tokens. It allocates only for a string literal with a doubled quote.
type lexer struct {
	src string
	i   int // next byte to read
	end int // offset of the closing ']'
}

func isNameStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isNameChar(c byte) bool  { return isNameStart(c) || c >= '0' && c <= '9' }
func isDigit(c byte) bool     { return c >= '0' && c <= '9' }

// next returns the next token. Whitespace between tokens is skipped, as ARM
// allows spaces, tabs and line breaks there.
func (l *lexer) next() (lexeme, *lexError) {
	for l.i < l.end {
		switch l.src[l.i] {
		case ' ', '\t', '\r', '\n':
			l.i++
			continue
		}
		break
	}
	start := l.i
	if start >= l.end {
		return lexeme{kind: tEOF, start: l.end, end: l.end + 1}, nil
	}
	c := l.src[start]
	switch c {
	case '(':
		return l.punct(tLParen), nil
	case ')':
		return l.punct(tRParen), nil
	case '[':
		return l.punct(tLBrack), nil
	case ']':
		return l.punct(tRBrack), nil
	case ',':
		return l.punct(tComma), nil
	case '.':
		return l.punct(tDot), nil
	case '\'':
		return l.str()
	}
	if c == '-' || isDigit(c) {
		return l.number()
	}
	if isNameStart(c) {
		for l.i++; l.i < l.end && isNameChar(l.src[l.i]); l.i++ {
		}
		return lexeme{kind: tName, start: start, end: l.i, text: l.src[start:l.i]}, nil
	}
	r, size := utf8.DecodeRuneInString(l.src[start:l.end])
	desc := strconv.QuoteRune(r)
	if r == utf8.RuneError && size <= 1 {
		size = 1
		desc = fmt.Sprintf("byte 0x%02x", c)
	}
	msg := "unexpected character " + desc
	if c == '"' {
		msg += "; ARM strings are written in single quotes"
	}
	return lexeme{}, &lexError{start, start + size, msg}
}

func (l *lexer) punct(k tokKind) lexeme {
	l.i++
	return lexeme{kind: k, start: l.i - 1, end: l.i}
}

// str reads a string literal. A quote inside it is written twice; there are
// no backslash escapes in ARM strings.
func (l *lexer) str() (lexeme, *lexError) {
	start := l.i
	l.i++
	from := l.i
	var b *strings.Builder
	for l.i < l.end {
		if l.src[l.i] != '\'' {
			l.i++
			continue
		}
		if l.i+1 < l.end && l.src[l.i+1] == '\'' {
			if b == nil {
				b = &strings.Builder{}
			}
			b.WriteString(l.src[from : l.i+1])
			l.i += 2
			from = l.i
			continue
		}
		text := l.src[from:l.i]
		if b != nil {
			b.WriteString(text)
			text = b.String()
		}
		l.i++
		return lexeme{kind: tString, start: start, end: l.i, text: text}, nil
	}
	return lexeme{}, &lexError{start, l.end, "unterminated string"}
}

// number reads an integer. ARM has no decimal literals: templates write
// json('1.5') instead, which the error says.
func (l *lexer) number() (lexeme, *lexError) {
	start := l.i
	if l.src[l.i] == '-' {
		l.i++
	}
	digits := l.i
	for l.i < l.end && isDigit(l.src[l.i]) {
		l.i++
	}
	if l.i == digits {
		return lexeme{}, &lexError{start, start + 1, "expected digits after '-'"}
	}
	if l.i+1 < l.end && l.src[l.i] == '.' && isDigit(l.src[l.i+1]) {
		end := l.i + 1
		for end < l.end && isDigit(l.src[end]) {
			end++
		}
		lit := l.src[start:end]
		return lexeme{}, &lexError{start, end, fmt.Sprintf("decimal number %s is not allowed in an expression; write json('%s')", lit, lit)}
	}
	text := l.src[start:l.i]
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return lexeme{}, &lexError{start, l.i, fmt.Sprintf("number %s is out of range for a 64-bit integer", text)}
	}
	return lexeme{kind: tNumber, start: start, end: l.i, text: text, num: n}, nil
}

// describe names a token for an error message.
func (t lexeme) describe(src string) string {
	switch t.kind {
	case tEOF:
		return "the end of the expression"
	case tName:
		return "the name " + truncate(t.text)
	case tString:
		return "the string " + truncate(src[t.start:t.end])
	case tNumber:
		return "the number " + truncate(t.text)
	}
	return "'" + src[t.start:t.end] + "'"
}

// truncate shortens text quoted in an error message.
func truncate(s string) string {
	const limit = 64
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
