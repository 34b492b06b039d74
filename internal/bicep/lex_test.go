package bicep

import (
	"fmt"
	"strings"
	"testing"
)

// tokenString writes the tokens of src compactly: the kind, and for names,
// numbers and strings their text (and a string's value when it differs).
func tokenString(src string) string {
	lx := lex([]byte(src))
	var b strings.Builder
	for i, t := range lx.toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Kind.String())
		text := src[t.Off:t.End]
		switch t.Kind {
		case Identifier, Integer, Unrecognized:
			fmt.Fprintf(&b, "(%s)", text)
		case StringComplete, StringLeftPiece, StringMiddlePiece, StringRightPiece:
			fmt.Fprintf(&b, "(%q)", t.Val)
		}
	}
	for _, e := range lx.errs {
		fmt.Fprintf(&b, " !%d:%d %s", e.off, e.end, e.msg)
	}
	return b.String()
}

func TestLex(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", "EndOfFile"},
		{"param p string = 'x'\n", `Identifier(param) Identifier(p) Identifier(string) Assignment StringComplete("x") NewLine EndOfFile`},
		{"a\r\n\r\nb\rc", "Identifier(a) NewLine Identifier(b) NewLine Identifier(c) EndOfFile"},
		{"a\n  \nb", "Identifier(a) NewLine NewLine Identifier(b) EndOfFile"},
		{"a // note\nb /* x\ny */ c", "Identifier(a) NewLine Identifier(b) Identifier(c) EndOfFile"},
		{"true false null trueish", "TrueKeyword FalseKeyword NullKeyword Identifier(trueish) EndOfFile"},
		{"0 42 007", "Integer(0) Integer(42) Integer(007) EndOfFile"},
		{"?? ? . ... .? :: : => == =~ = != !~ ! <= < >= > && || | ^ @ ; , + - * / %",
			"DoubleQuestion Question Dot Ellipsis Dot Question DoubleColon Colon Arrow Equals EqualsInsensitive Assignment " +
				"NotEquals NotEqualsInsensitive Exclamation LessThanOrEqual LeftChevron GreaterThanOrEqual RightChevron " +
				"LogicalAnd LogicalOr Pipe Hat At Semicolon Comma Plus Minus Asterisk Slash Modulo EndOfFile"},
		{"a[?0] b[^1] c!", "Identifier(a) LeftSquare Question Integer(0) RightSquare Identifier(b) LeftSquare Hat Integer(1) RightSquare Identifier(c) Exclamation EndOfFile"},
		{`'a\n\r\t\\\'\$\u{41}\u{1F600}'`, `StringComplete("a\n\r\t\\'$A😀") EndOfFile`},
		{`'\${x}'`, `StringComplete("${x}") EndOfFile`},
		{`'$x'`, `StringComplete("$x") EndOfFile`},
		{`'a${b}c${d}e'`, `StringLeftPiece("a") Identifier(b) StringMiddlePiece("c") Identifier(d) StringRightPiece("e") EndOfFile`},
		{`'a${'b${c}d'}e'`, `StringLeftPiece("a") StringLeftPiece("b") Identifier(c) StringRightPiece("d") StringRightPiece("e") EndOfFile`},
		{`'${{a: 1}}'`, `StringLeftPiece("") LeftBrace Identifier(a) Colon Integer(1) RightBrace StringRightPiece("") EndOfFile`},
		{"'''\nab\\n${x}\n'''", `StringComplete("ab\\n${x}\n") EndOfFile`},
		{"'''\r\nab'''", `StringComplete("ab") EndOfFile`},
		{"'''ab''''", `StringComplete("ab'") EndOfFile`},
		{"'''a''b'''", `StringComplete("a''b") EndOfFile`},
		{"$'''a${x}b'''", `StringLeftPiece("a") Identifier(x) StringRightPiece("b") EndOfFile`},
		{"$$'''a${x}$${y}$$$${z}'''", `StringLeftPiece("a${x}") Identifier(y) StringMiddlePiece("$$") Identifier(z) StringRightPiece("") EndOfFile`},
		{"$'''${\nx\n}'''", `StringLeftPiece("") Identifier(x) StringRightPiece("") EndOfFile`},
		{"#disable-next-line BCP081 no-unused-params\nx", "NewLine Identifier(x) EndOfFile"},
		{"x #disable-next-line a", "Identifier(x) Unrecognized(#) Identifier(disable) Minus Identifier(next) Minus Identifier(line) Identifier(a) EndOfFile !2:3 unexpected character \"#\""},
		{"#disable-next-line\n", "NewLine EndOfFile !0:18 #disable-next-line needs at least one diagnostic code after it"},
		{`"x" "y`, `Unrecognized("x") Unrecognized(") Identifier(y) EndOfFile !0:3 strings are written in single quotes in Bicep, not double quotes !4:5 strings are written in single quotes in Bicep, not double quotes`},
		{"a & b", `Identifier(a) Unrecognized(&) Identifier(b) EndOfFile !2:3 unexpected character "&"; logical and is written "&&"`},
		{"é", `Unrecognized(é) EndOfFile !0:2 unexpected character "é"`},
		{"$x", `Unrecognized($) Identifier(x) EndOfFile !0:1 unexpected character "$"; a "$" starts only an interpolated multi-line string such as $'''...'''`},
		{"'abc\nd", `StringComplete("abc") NewLine Identifier(d) EndOfFile !0:4 the string is not closed before the end of the line; a multi-line string is written '''...'''`},
		{"'abc", `StringComplete("abc") EndOfFile !0:4 the string is not closed with "'"`},
		{`'\q'`, `StringComplete("") EndOfFile !1:3 unknown escape sequence "\\q"; the escapes are \\ \' \n \r \t \$ and \u{...}`},
		{`'\u{110000}'`, `StringComplete("") EndOfFile !1:11 invalid escape "\\u{110000}": the code point is above 10FFFF`},
		{`'\u{}'`, `StringComplete("}") EndOfFile !1:4 invalid escape "\u{": write a code point as \u{...} with 1 to 6 hexadecimal digits`},
		{"'''abc", `StringComplete("abc") EndOfFile !0:6 the multi-line string is not closed with "'''"`},
		{"/* abc", `EndOfFile !0:2 the comment is not closed with "*/"`},
		{"'a${b\nc", `StringLeftPiece("a") Identifier(b) StringRightPiece("") NewLine Identifier(c) EndOfFile !5:5 the string is not closed before the end of the line`},
		{"'a${b", `StringLeftPiece("a") Identifier(b) EndOfFile !5:5 the file ends inside the ${...} of a string`},
	}
	long := strings.Repeat("a", 256)
	tests = append(tests, struct{ src, want string }{long,
		"Identifier(" + long + `) EndOfFile !0:256 the name "` + long[:32] + `..." is 256 characters long; Bicep allows at most 255`})
	for _, tt := range tests {
		if got := tokenString(tt.src); got != tt.want {
			t.Errorf("lex(%q)\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}
