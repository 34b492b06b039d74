package expr

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// dump writes a parsed tree with the span of every node as offsets of the
// template string: 'a'@8-11 for a literal, name@1-7(…)@1-21 for a call.
func dump(n Node) string {
	sp := func(s model.Span) string { return fmt.Sprintf("%d-%d", s.Pos()-base, s.End()-base) }
	switch n := n.(type) {
	case *Lit:
		if n.Value.Pos() != n.Pos() || n.Value.End() != n.End() {
			return "literal value spanned elsewhere"
		}
		if i, ok := n.Value.Int(); ok {
			return fmt.Sprintf("%d@%s", i, sp(n.Span))
		}
		return fmt.Sprintf("%q@%s", n.Value.Text(), sp(n.Span))
	case *Call:
		args := make([]string, len(n.Args))
		for i, a := range n.Args {
			args[i] = dump(a)
		}
		name := n.Name
		if n.Namespace != "" {
			name = n.Namespace + "." + n.Name
		}
		return fmt.Sprintf("%s@%s(%s)@%s", name, sp(n.NameSpan), strings.Join(args, ", "), sp(n.Span))
	case *Member:
		return fmt.Sprintf("%s.%s@%s@%s", dump(n.X), n.Name, sp(n.NameSpan), sp(n.Span))
	case *Index:
		return fmt.Sprintf("%s[%s]@%s", dump(n.X), dump(n.Index), sp(n.Span))
	}
	return fmt.Sprintf("%T", n)
}

func TestParse(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`[parameters('x')]`, `parameters@1-11("x"@12-15)@1-16`},
		{`[concat('a', parameters('b'))]`, `concat@1-7("a"@8-11, parameters@13-23("b"@24-27)@13-28)@1-29`},
		{`[true()]`, `true@1-5()@1-7`},
		{`[42]`, `42@1-3`},
		{`[-7]`, `-7@1-3`},
		{`['it''s']`, `"it's"@1-8`},
		{`['']`, `""@1-3`},
		{`['''']`, `"'"@1-5`},
		{`['a\b"c']`, `"a\\b\"c"@1-8`},
		{`[ concat ( 'a' ,	'b' ) ]`, `concat@2-8("a"@11-14, "b"@17-20)@2-22`},
		{"[\r\n parameters('x')\n]", `parameters@4-14("x"@15-18)@4-19`},
		{`[PARAMETERS('X')]`, `PARAMETERS@1-11("X"@12-15)@1-16`},
		{`[__bicep.myFunc('a')]`, `__bicep.myFunc@1-15("a"@16-19)@1-20`},
		{`[ns . f()]`, `ns.f@1-7()@1-9`},
		{`[resourceGroup().location]`, `resourceGroup@1-14()@1-16.location@17-25@1-25`},
		{`[parameters('o').a.b]`, `parameters@1-11("o"@12-15)@1-16.a@17-18@1-18.b@19-20@1-20`},
		{`[parameters('auths')[0].roleDefinitionId]`, `parameters@1-11("auths"@12-19)@1-20[0@21-22]@1-23.roleDefinitionId@24-40@1-40`},
		{`[x()['a-b']]`, `x@1-2()@1-4["a-b"@5-10]@1-11`},
		{`[x()[ y() ] [1]]`, `x@1-2()@1-4[y@6-7()@6-9]@1-11[1@13-14]@1-15`},
		{`['abc'.length]`, `"abc"@1-6.length@7-13@1-13`},
		{`[reference(resourceId('T/t', 'n'), '2020-01-01').outputs.x.value]`,
			`reference@1-10(resourceId@11-21("T/t"@22-27, "n"@29-32)@11-33, "2020-01-01"@35-47)@1-48.outputs@49-56@1-56.x@57-58@1-58.value@59-64@1-64`},
		{`[map(parameters('a'), lambda('x', lambdaVariables('x').id))]`,
			`map@1-4(parameters@5-15("a"@16-19)@5-20, lambda@22-28("x"@29-32, lambdaVariables@34-49("x"@50-53)@34-54.id@55-57@34-57)@22-58)@1-59`},
		{`[f_1_(a_b())]`, `f_1_@1-5(a_b@6-9()@6-11)@1-12`},
	}
	for _, tt := range tests {
		n, err := Parse(tt.expr, offsets)
		if err != nil {
			t.Errorf("Parse(%s): %s", tt.expr, err.Msg)
			continue
		}
		if got := dump(n); got != tt.want {
			t.Errorf("Parse(%s)\n got %s\nwant %s", tt.expr, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		expr       string
		start, end int
		msg        string
	}{
		{`[]`, 0, 2, "expression is empty"},
		{"[ \t\n ]", 0, 6, "expression is empty"},
		{`x`, 0, 1, "an expression is written in '[' and ']'"},
		{`[concat('a', 'b'))]`, 17, 18, "expected the end of the expression, found ')'"},
		{`[parameters('a')] and [parameters('b')]`, 17, 39, "text after the expression's closing ']'"},
		{`[concat('a' 'b')]`, 12, 15, "expected ',' or ')' after an argument of concat, found the string 'b'"},
		{`[concat('a']`, 11, 12, "expected ')' to close the arguments of concat"},
		{`[concat(]`, 8, 9, "expected ')' to close the arguments of concat"},
		{`[concat('a',]`, 12, 13, "expected ')' to close the arguments of concat"},
		{`[concat('a]`, 8, 10, "unterminated string"},
		{`[']`, 1, 2, "unterminated string"},
		{`['it''s]`, 1, 7, "unterminated string"},
		{`[parameters]`, 1, 11, `expected '(' after "parameters"; a name on its own must be a function call`},
		{`[true]`, 1, 5, `expected '(' after "true"; ARM writes it true()`},
		{`[ns.f]`, 1, 5, `expected '(' after "ns.f"; a name on its own must be a function call`},
		{`[a(&)]`, 3, 4, `unexpected character '&'`},
		{`[a("x")]`, 3, 4, `unexpected character '"'; ARM strings are written in single quotes`},
		{`[a(é)]`, 3, 5, `unexpected character 'é'`},
		{"[a(\xff)]", 3, 4, `unexpected character byte 0xff`},
		{`[a().]`, 5, 6, `expected a property name after '.', found the end of the expression`},
		{`[a().1]`, 5, 6, `expected a property name after '.', found the number 1`},
		{`[a()[1]`, 6, 7, `expected ']' to close the index, found the end of the expression`},
		{`[a()[1)]`, 6, 7, `expected ']' to close the index, found ')'`},
		{`[a()[]]`, 5, 6, `expected a value, found ']'`},
		{`[a(1,)]`, 5, 6, `expected an argument of a after ',', found ')'`},
		{`[a(1,,2)]`, 5, 6, `expected an argument of a after ',', found ','`},
		{`[a(,)]`, 3, 4, `expected a value, found ','`},
		{`[(1)]`, 1, 2, `expected a value, found '('`},
		{`[.a]`, 1, 2, `expected a value, found '.'`},
		{`[-]`, 1, 2, `expected digits after '-'`},
		{`[- 1]`, 1, 2, `expected digits after '-'`},
		{`[99999999999999999999]`, 1, 21, `number 99999999999999999999 is out of range for a 64-bit integer`},
		{`[a(1.5)]`, 3, 6, `decimal number 1.5 is not allowed in an expression; write json('1.5')`},
		{`[ns.('a')]`, 4, 5, `expected a function name after "ns.", found '('`},
		{`[1a]`, 2, 3, `expected the end of the expression, found the name a`},
		{`['a' 'b']`, 5, 8, `expected the end of the expression, found the string 'b'`},
		{`[a() b()]`, 5, 6, `expected the end of the expression, found the name b`},
		{`[a(b() c)]`, 7, 8, `expected ',' or ')' after an argument of a, found the name c`},
		{`[a(b c)]`, 3, 4, `expected '(' after "b"; a name on its own must be a function call`},
		{`[a('` + strings.Repeat("x", 60) + `' 'y')]`, 66, 69, `expected ',' or ')' after an argument of a, found the string 'y'`},
		{`[a(1 '` + strings.Repeat("x", 80) + `')]`, 5, 87, `expected ',' or ')' after an argument of a, found the string '` + strings.Repeat("x", 63) + `…`},
	}
	for _, tt := range tests {
		n, err := Parse(tt.expr, offsets)
		if err == nil {
			t.Errorf("Parse(%s) = %s, want %q", tt.expr, dump(n), tt.msg)
			continue
		}
		got := [2]int{int(err.Pos()) - base, int(err.End()) - base}
		if got != [2]int{tt.start, tt.end} || err.Msg != tt.msg {
			t.Errorf("Parse(%s) = %d-%d %q\n                  want %d-%d %q", tt.expr, got[0], got[1], err.Msg, tt.start, tt.end, tt.msg)
		}
		if err.Error() != err.Msg {
			t.Errorf("Error() = %q, want the message", err.Error())
		}
	}
}

func TestParseBounds(t *testing.T) {
	deep := "[" + strings.Repeat("a(", 1000) + strings.Repeat(")", 1000) + "]"
	if _, err := Parse(deep, offsets); err == nil || err.Msg != "expression nests too deeply" || err.Pos() != base+1+2*(maxParseDepth+1) {
		t.Errorf("Parse(1000 nested calls) = %v, want the nesting bound at call %d", err, maxParseDepth+2)
	}
	chain := "[a()" + strings.Repeat(".b", 1000) + "]"
	if _, err := Parse(chain, offsets); err == nil || err.Msg != "expression nests too deeply" {
		t.Errorf("Parse(1000 property accesses) = %v, want the nesting bound", err)
	}
	index := "[a()" + strings.Repeat("[0]", 1000) + "]"
	if _, err := Parse(index, offsets); err == nil || err.Msg != "expression nests too deeply" {
		t.Errorf("Parse(1000 indexes) = %v, want the nesting bound", err)
	}
	ok := "[" + strings.Repeat("a(", 200) + strings.Repeat(")", 200) + "]"
	if _, err := Parse(ok, offsets); err != nil {
		t.Errorf("Parse(200 nested calls) = %v, want it parsed", err)
	}
	long := "['" + strings.Repeat("x", MaxLength) + "']"
	if _, err := Parse(long, offsets); err == nil || err.Msg != "expression is 24580 characters long, more than Azure's limit of 24576" || err.Pos() != base || err.End() != base+tokenPos(len(long)) {
		t.Errorf("Parse(a %d-character expression) = %v, want the length limit", len(long), err)
	}
	fits := "['" + strings.Repeat("x", MaxLength-4) + "']"
	if _, err := Parse(fits, offsets); err != nil {
		t.Errorf("Parse(a %d-character expression) = %v, want it parsed", len(fits), err)
	}
	// The limit counts characters, not bytes.
	wide := "['" + strings.Repeat("é", MaxLength-4) + "']"
	if _, err := Parse(wide, offsets); err != nil {
		t.Errorf("Parse(%d characters in %d bytes) = %v, want it parsed", MaxLength, len(wide), err)
	}
}

func TestIsExpressionAndUnescape(t *testing.T) {
	tests := []struct {
		s    string
		is   bool
		text string
	}{
		{"[x()]", true, "[x()]"},
		{"[[x()]", false, "[x()]"},
		{"[[x]", false, "[x]"},
		{"[x] y", false, "[x] y"},
		{" [x()]", false, " [x()]"},
		{"[x()] ", false, "[x()] "},
		{"[", false, "["},
		{"[]", true, "[]"},
		{"]", false, "]"},
		{"", false, ""},
		{"plain", false, "plain"},
	}
	for _, tt := range tests {
		if got := IsExpression(tt.s); got != tt.is {
			t.Errorf("IsExpression(%q) = %v, want %v", tt.s, got, tt.is)
		}
		if !tt.is {
			if got := Unescape(tt.s); got != tt.text {
				t.Errorf("Unescape(%q) = %q, want %q", tt.s, got, tt.text)
			}
		}
	}
}

func tokenPos(i int) token.Pos { return token.Pos(i) }
