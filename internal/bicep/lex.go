package bicep

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// maxIdent is the longest name the Bicep compiler accepts.
const maxIdent = 255

// lexError is a lexical problem at byte offsets of the text.
type lexError struct {
	off, end int
	msg      string
}

// hole is an open ${ of a string being lexed: the lexer returns to the
// string when the } that closes it comes.
type hole struct {
	multi   bool // of a ''' string
	dollars int  // for an interpolated ''' string: how many $ open a hole
	depth   int  // braces opened inside the hole and not yet closed
}

type lexer struct {
	src       []byte
	text      string // src as a string, for values sliced from it
	off       int
	toks      []Token
	buf       *[]Token // where toks goes back to tokenBuffers
	comments  []rawComment
	pragmas   []rawPragma
	errs      []lexError
	holes     []hole
	lineStart bool            // nothing but blanks since the last line break
	kinds     [numKinds]int32 // tokens of each kind, which size the parser's slabs
}

// tokenBuffers holds the token slices of finished lexers: the tokens live
// only while a file is parsed, and allocating them anew for each file was a
// third of what loading a Bicep corpus allocated.
var tokenBuffers = sync.Pool{New: func() any { return new([]Token) }}

// lex splits src into tokens, ending with one EndOfFile token. It never
// fails: what it cannot read becomes Unrecognized tokens and errors. The
// caller calls release when it no longer uses the tokens.
func lex(src []byte) *lexer {
	buf := tokenBuffers.Get().(*[]Token)
	lx := &lexer{src: src, text: string(src), lineStart: true, toks: *buf, buf: buf}
	if cap(lx.toks) == 0 {
		lx.toks = make([]Token, 0, len(src)/6+16)
	}
	lx.run()
	return lx
}

// release gives the tokens back for the next lexer; lx.toks must not be used
// after it.
func (lx *lexer) release() {
	clear(lx.toks) // no values of this file kept alive by the buffer
	*lx.buf = lx.toks[:0]
	tokenBuffers.Put(lx.buf)
	lx.toks, lx.buf = nil, nil
}

func (lx *lexer) errorf(off, end int, format string, args ...any) {
	lx.errs = append(lx.errs, lexError{off, end, fmt.Sprintf(format, args...)})
}

func (lx *lexer) emit(k Kind, off int) {
	lx.toks = append(lx.toks, Token{Kind: k, Off: off, End: lx.off})
	lx.kinds[k]++
	lx.lineStart = false
}

func (lx *lexer) peekAt(i int) byte {
	if i < len(lx.src) {
		return lx.src[i]
	}
	return 0
}

func isIdentStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isIdentChar(c byte) bool { return identChars[c] }

// identChars holds the bytes a name continues with: a table, since the
// lexer tests every byte of every name.
var identChars = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isIdentStart(byte(c)) || '0' <= c && c <= '9'
	}
	return t
}()

// twoChar returns the operator of two characters c and d, false when
// they are none.
func twoChar(c, d byte) (Kind, bool) {
	switch [2]byte{c, d} {
	case [2]byte{'?', '?'}:
		return DoubleQuestion, true
	case [2]byte{':', ':'}:
		return DoubleColon, true
	case [2]byte{'=', '='}:
		return Equals, true
	case [2]byte{'=', '~'}:
		return EqualsInsensitive, true
	case [2]byte{'=', '>'}:
		return Arrow, true
	case [2]byte{'!', '='}:
		return NotEquals, true
	case [2]byte{'!', '~'}:
		return NotEqualsInsensitive, true
	case [2]byte{'<', '='}:
		return LessThanOrEqual, true
	case [2]byte{'>', '='}:
		return GreaterThanOrEqual, true
	case [2]byte{'&', '&'}:
		return LogicalAnd, true
	case [2]byte{'|', '|'}:
		return LogicalOr, true
	}
	return EndOfFile, false
}

var oneChar = [256]Kind{
	'@': At, '{': LeftBrace, '}': RightBrace, '(': LeftParen, ')': RightParen,
	'[': LeftSquare, ']': RightSquare, ',': Comma, '.': Dot, '?': Question,
	':': Colon, ';': Semicolon, '=': Assignment, '+': Plus, '-': Minus,
	'*': Asterisk, '/': Slash, '%': Modulo, '!': Exclamation, '<': LeftChevron,
	'>': RightChevron, '|': Pipe, '^': Hat,
}

func (lx *lexer) run() {
	for {
		lx.trivia()
		if lx.off >= len(lx.src) {
			if n := len(lx.holes); n > 0 {
				lx.errorf(lx.off, lx.off, "the file ends inside the ${...} of a string")
				lx.holes = nil
			}
			lx.emit(EndOfFile, lx.off)
			return
		}
		start := lx.off
		c := lx.src[start]
		if n := len(lx.holes); n > 0 {
			h := &lx.holes[n-1]
			switch {
			case c == '}' && h.depth == 0:
				lx.holes = lx.holes[:n-1]
				lx.off++
				if h.multi {
					lx.multiString(start, h.dollars, true)
				} else {
					lx.str(start, true)
				}
				continue
			case c == '{':
				h.depth++
			case c == '}':
				h.depth--
			case (c == '\n' || c == '\r') && !h.multi:
				// A hole of a one-line string cannot span lines: the strings
				// open on this line end here, with one empty last piece as in
				// the compiler, and the line break counts as one.
				lx.errorf(start, start, "the string is not closed before the end of the line")
				for n > 0 && !lx.holes[n-1].multi {
					n--
				}
				lx.holes = lx.holes[:n]
				lx.strToken(start, true, true, "")
				continue
			}
		}
		switch {
		case c == '\n' || c == '\r':
			for lx.off < len(lx.src) && (lx.src[lx.off] == '\n' || lx.src[lx.off] == '\r') {
				lx.off++
			}
			if n := len(lx.holes); n > 0 && lx.holes[n-1].multi {
				continue // a hole of a ''' string may span lines
			}
			lx.emit(NewLine, start)
			lx.lineStart = true
		case isIdentStart(c):
			lx.off = skip(lx.src, lx.off, &identChars)
			if n := lx.off - start; n > maxIdent {
				lx.errorf(start, lx.off, "the name %s is %d characters long; Bicep allows at most %d", quoteText(string(lx.src[start:lx.off])), n, maxIdent)
			}
			k := Identifier
			switch string(lx.src[start:lx.off]) {
			case "true":
				k = TrueKeyword
			case "false":
				k = FalseKeyword
			case "null":
				k = NullKeyword
			}
			lx.emit(k, start)
		case '0' <= c && c <= '9':
			for lx.off < len(lx.src) && '0' <= lx.src[lx.off] && lx.src[lx.off] <= '9' {
				lx.off++
			}
			lx.emit(Integer, start)
		case c == '\'':
			if lx.peekAt(start+1) == '\'' && lx.peekAt(start+2) == '\'' {
				lx.off += 3
				lx.multiString(start, 0, false)
			} else {
				lx.off++
				lx.str(start, false)
			}
		case c == '$':
			n := 0
			for lx.peekAt(start+n) == '$' {
				n++
			}
			if lx.peekAt(start+n) == '\'' && lx.peekAt(start+n+1) == '\'' && lx.peekAt(start+n+2) == '\'' {
				lx.off += n + 3
				lx.multiString(start, n, false)
				break
			}
			lx.off++
			lx.emit(Unrecognized, start)
			lx.errorf(start, lx.off, `unexpected character "$"; a "$" starts only an interpolated multi-line string such as $'''...'''`)
		case c == '.' && lx.peekAt(start+1) == '.' && lx.peekAt(start+2) == '.':
			lx.off += 3
			lx.emit(Ellipsis, start)
		default:
			if k, ok := twoChar(c, lx.peekAt(start+1)); ok {
				lx.off += 2
				lx.emit(k, start)
				break
			}
			if k := oneChar[c]; k != EndOfFile {
				lx.off++
				lx.emit(k, start)
				break
			}
			_, size := utf8.DecodeRune(lx.src[start:])
			lx.off += size
			lx.emit(Unrecognized, start)
			switch c {
			case '"':
				// Written as in JSON: one token and one error for the whole string.
				if i := bytes.IndexAny(lx.src[lx.off:], "\"\r\n"); i >= 0 && lx.src[lx.off+i] == '"' {
					lx.off += i + 1
					lx.toks[len(lx.toks)-1].End = lx.off
				}
				lx.errorf(start, lx.off, `strings are written in single quotes in Bicep, not double quotes`)
			case '&':
				lx.errorf(start, lx.off, `unexpected character "&"; logical and is written "&&"`)
			default:
				lx.errorf(start, lx.off, "unexpected character %s", quoteText(string(lx.src[start:lx.off])))
			}
		}
	}
}

// trivia skips blanks, comments and pragmas, recording the last two.
func (lx *lexer) trivia() {
	for lx.off < len(lx.src) {
		c := lx.src[lx.off]
		switch {
		case c == ' ' || c == '\t':
			lx.off = skip(lx.src, lx.off+1, &blanks)
		case c == '/' && lx.peekAt(lx.off+1) == '/':
			start := lx.off
			for lx.off < len(lx.src) && lx.src[lx.off] != '\n' && lx.src[lx.off] != '\r' {
				lx.off++
			}
			lx.comment(start)
		case c == '/' && lx.peekAt(lx.off+1) == '*':
			start := lx.off
			i := bytes.Index(lx.src[start+2:], []byte("*/"))
			if i < 0 {
				lx.off = len(lx.src)
				lx.errorf(start, start+2, `the comment is not closed with "*/"`)
			} else {
				lx.off = start + 2 + i + 2
			}
			lx.comment(start)
		case c == '#' && lx.lineStart && lx.pragma():
		default:
			return
		}
	}
}

func (lx *lexer) comment(start int) {
	lx.comments = append(lx.comments, rawComment{start, lx.off})
	lx.lineStart = false
}

var pragmaKeywords = []string{"disable-next-line", "disable-diagnostics", "restore-diagnostics"}

func isPragmaChar(c byte) bool { return isIdentChar(c) || c == '-' }

// pragma reads a pragma line at lx.off, which holds '#', and reports
// whether there was one.
func (lx *lexer) pragma() bool {
	start := lx.off
	i := start + 1
	for i < len(lx.src) && isPragmaChar(lx.src[i]) {
		i++
	}
	kw := string(lx.src[start+1 : i])
	known := false
	for _, k := range pragmaKeywords {
		known = known || k == kw
	}
	if !known {
		return false
	}
	p := rawPragma{off: start, keyword: kw}
	for {
		for i < len(lx.src) && (lx.src[i] == ' ' || lx.src[i] == '\t') {
			i++
		}
		j := i
		for j < len(lx.src) && isPragmaChar(lx.src[j]) {
			j++
		}
		if j == i {
			break
		}
		p.codes = append(p.codes, string(lx.src[i:j]))
		p.end = j
		i = j
	}
	if p.codes == nil {
		p.end = start + 1 + len(kw)
		lx.errorf(start, p.end, "#%s needs at least one diagnostic code after it", kw)
	}
	lx.off = p.end
	lx.pragmas = append(lx.pragmas, p)
	lx.lineStart = false
	return true
}

// str lexes the rest of a one-line string from lx.off, just after its
// opening quote (resumed false) or after the } of a hole (resumed true).
// Until an escape comes, the value is a slice of the text, which costs
// nothing to make.
func (lx *lexer) str(start int, resumed bool) {
	from := lx.off
	var b strings.Builder
	escaped := false
	value := func() string {
		if escaped {
			return b.String()
		}
		return lx.text[from:lx.off]
	}
	for {
		// The bytes up to the next one that ends the string, starts a
		// hole or an escape, or breaks the line are the value's as they
		// are.
		run := lx.off
		lx.off = skip(lx.src, lx.off, &plainInString)
		if escaped {
			b.WriteString(lx.text[run:lx.off])
		}
		if lx.off >= len(lx.src) || lx.src[lx.off] == '\n' || lx.src[lx.off] == '\r' {
			if lx.off >= len(lx.src) {
				lx.errorf(start, lx.off, "the string is not closed with \"'\"")
			} else {
				lx.errorf(start, lx.off, "the string is not closed before the end of the line; a multi-line string is written '''...'''")
			}
			lx.strToken(start, resumed, true, value())
			return
		}
		c := lx.src[lx.off]
		switch {
		case c == '\'':
			v := value()
			lx.off++
			lx.strToken(start, resumed, true, v)
			return
		case c == '$' && lx.peekAt(lx.off+1) == '{':
			v := value()
			lx.off += 2
			lx.strToken(start, resumed, false, v)
			lx.holes = append(lx.holes, hole{})
			return
		case c == '\\':
			if !escaped {
				b.WriteString(lx.text[from:lx.off])
				escaped = true
			}
			lx.escape(&b)
		default: // a '$' that starts no hole
			if escaped {
				b.WriteByte(c)
			}
			lx.off++
		}
	}
}

// plainInString holds the bytes that a one-line string holds as they are:
// all but those that end it, start a hole or an escape, or break the line.
var plainInString = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c != '\'' && c != '$' && c != '\\' && c != '\n' && c != '\r'
	}
	return t
}()

var blanks = [256]bool{' ': true, '\t': true}

// skip returns the offset of the first byte of src from off on that in
// does not hold. The loop works on locals, which the lexer's fields are
// not: it runs for every byte of every name and string.
func skip(src []byte, off int, in *[256]bool) int {
	for off < len(src) && in[src[off]] {
		off++
	}
	return off
}

// strToken emits the token of a string or of a piece of one.
func (lx *lexer) strToken(start int, resumed, closed bool, val string) {
	k := StringComplete
	switch {
	case resumed && closed:
		k = StringRightPiece
	case resumed:
		k = StringMiddlePiece
	case !closed:
		k = StringLeftPiece
	}
	lx.toks = append(lx.toks, Token{Kind: k, Off: start, End: lx.off, Val: val})
	lx.kinds[k]++
	lx.lineStart = false
}

// escape decodes the escape sequence at lx.off, which holds '\'.
func (lx *lexer) escape(b *strings.Builder) {
	start := lx.off
	lx.off++
	if lx.off >= len(lx.src) {
		lx.errorf(start, lx.off, `the file ends inside an escape sequence`)
		return
	}
	c := lx.src[lx.off]
	lx.off++
	switch c {
	case '\\', '\'', '$':
		b.WriteByte(c)
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		if lx.peekAt(lx.off) != '{' {
			lx.errorf(start, lx.off, `invalid escape "\u": write a code point as \u{...} with 1 to 6 hexadecimal digits`)
			return
		}
		i := lx.off + 1
		for i < len(lx.src) && isHex(lx.src[i]) {
			i++
		}
		digits := string(lx.src[lx.off+1 : i])
		if lx.peekAt(i) != '}' || digits == "" {
			lx.off = i
			lx.errorf(start, lx.off, `invalid escape "\u{%s": write a code point as \u{...} with 1 to 6 hexadecimal digits`, digits)
			return
		}
		lx.off = i + 1
		n, err := strconv.ParseUint(digits, 16, 32)
		if err != nil || n > utf8.MaxRune {
			lx.errorf(start, lx.off, "invalid escape %s: the code point is above 10FFFF", quoteText(string(lx.src[start:lx.off])))
			return
		}
		if utf16.IsSurrogate(rune(n)) {
			// Bicep strings are UTF-16, so a pair of escaped surrogate
			// halves is one character.
			if low, end, ok := lowSurrogate(lx.src, lx.off); ok {
				if r := utf16.DecodeRune(rune(n), low); r != utf8.RuneError {
					lx.off = end
					n = uint64(r)
				}
			}
		}
		b.WriteRune(rune(n))
	case '\n', '\r':
		lx.off--
		lx.errorf(start, lx.off, `a "\" cannot end a line inside a string`)
	default:
		_, size := utf8.DecodeRune(lx.src[lx.off-1:])
		lx.off += size - 1
		lx.errorf(start, lx.off, `unknown escape sequence %s; the escapes are \\ \' \n \r \t \$ and \u{...}`, quoteText(string(lx.src[start:lx.off])))
	}
}

// lowSurrogate reads an escape \u{...} of a low surrogate at off, and
// returns it with the offset after it.
func lowSurrogate(src []byte, off int) (rune, int, bool) {
	if off+3 > len(src) || src[off] != '\\' || src[off+1] != 'u' || src[off+2] != '{' {
		return 0, 0, false
	}
	i := off + 3
	for i < len(src) && isHex(src[i]) {
		i++
	}
	if i >= len(src) || src[i] != '}' || i == off+3 {
		return 0, 0, false
	}
	n, err := strconv.ParseUint(string(src[off+3:i]), 16, 32)
	if err != nil || n < 0xDC00 || n > 0xDFFF {
		return 0, 0, false
	}
	return rune(n), i + 1, true
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// multiString lexes a ”' string from lx.off, just after its opening
// quotes (resumed false) or after the } of a hole (resumed true). It has no
// escapes. With dollars > 0, a run of at least that many '$' followed by '{'
// opens a hole; otherwise there are no holes.
func (lx *lexer) multiString(start, dollars int, resumed bool) {
	var b strings.Builder
	if !resumed {
		// One line break right after the opening quotes is not part of the value.
		if lx.peekAt(lx.off) == '\r' {
			lx.off++
		}
		if lx.peekAt(lx.off) == '\n' {
			lx.off++
		}
	}
	for lx.off < len(lx.src) {
		c := lx.src[lx.off]
		if c == '\'' {
			n := 0
			for lx.peekAt(lx.off+n) == '\'' {
				n++
			}
			if n >= 3 {
				b.WriteString(strings.Repeat("'", n-3))
				lx.off += n
				lx.multiToken(start, resumed, true, b.String())
				return
			}
			b.WriteString(strings.Repeat("'", n))
			lx.off += n
			continue
		}
		if c == '$' && dollars > 0 {
			n := 0
			for lx.peekAt(lx.off+n) == '$' {
				n++
			}
			if n >= dollars && lx.peekAt(lx.off+n) == '{' {
				b.WriteString(strings.Repeat("$", n-dollars))
				lx.off += n + 1
				lx.multiToken(start, resumed, false, b.String())
				lx.holes = append(lx.holes, hole{multi: true, dollars: dollars})
				return
			}
			b.WriteString(strings.Repeat("$", n))
			lx.off += n
			continue
		}
		b.WriteByte(c)
		lx.off++
	}
	lx.errorf(start, lx.off, `the multi-line string is not closed with "'''"`)
	lx.multiToken(start, resumed, true, b.String())
}

func (lx *lexer) multiToken(start int, resumed, closed bool, val string) {
	lx.strToken(start, resumed, closed, val)
	lx.toks[len(lx.toks)-1].Multi = true
}

// quoteText quotes source text for a message, shortened when long.
func quoteText(s string) string {
	const limit = 32
	if utf8.RuneCountInString(s) > limit {
		r := []rune(s)
		s = string(r[:limit]) + "..."
	}
	return strconv.Quote(s)
}
