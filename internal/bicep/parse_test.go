package bicep

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/golden"
)

// parseString parses src and writes its statements, one a line, then its
// errors as line:column: message.
func parseString(t testing.TB, src string, params bool) string {
	t.Helper()
	fset := token.NewFileSet()
	var f *File
	if params {
		f = ParseParams(fset, "test.bicepparam", []byte(src))
	} else {
		f = Parse(fset, "test.bicep", []byte(src))
	}
	checkSpans(t, f)
	var b strings.Builder
	for _, s := range f.Stmts {
		b.WriteString(sexpr(s))
		b.WriteByte('\n')
	}
	writeErrors(&b, f)
	return b.String()
}

func writeErrors(b *strings.Builder, f *File) {
	for _, e := range f.Errors {
		p := f.Position(e.Pos())
		q := f.PositionFrom(p, e.End())
		fmt.Fprintf(b, "%d:%d-%d:%d: %s\n", p.Line, p.Column, q.Line, q.Column, e.Msg)
	}
}

// exprOf parses src as the value of a variable and writes that value.
func exprOf(t *testing.T, src string) string {
	t.Helper()
	f := Parse(token.NewFileSet(), "test.bicep", []byte("var v = "+src+"\n"))
	checkSpans(t, f)
	var b strings.Builder
	if len(f.Stmts) > 0 {
		if v, ok := f.Stmts[0].(*Var); ok {
			b.WriteString(sexpr(v.Value))
		}
	}
	for _, e := range f.Errors {
		fmt.Fprintf(&b, " !%d: %s", f.Offset(e.Pos())-len("var v = "), e.Msg)
	}
	return b.String()
}

func TestExpressions(t *testing.T) {
	tests := []struct{ src, want string }{
		{"1", "1"},
		{"-1", "(Unary - 1)"},
		{"'a'", `(StringLit ["a"] [])`},
		{"a + b * c - d", "(Binary - (Binary + a (Binary * b c)) d)"},
		{"a ?? b || c && d", "(Binary ?? a (Binary || b (Binary && c d)))"},
		{"a == b != c", "(Binary != (Binary == a b) c)"},
		{"a =~ b && c !~ d", "(Binary && (Binary =~ a b) (Binary !~ c d))"},
		{"a < b == c >= d", "(Binary == (Binary < a b) (Binary >= c d))"},
		{"a % b / c", "(Binary / (Binary % a b) c)"},
		{"!a.b[0]", "(Unary ! (Index (Member a b) 0))"},
		{"-a.b", "(Unary - (Member a b))"},
		{"a ? b : c ? d : e", "(Ternary a b (Ternary c d e))"},
		{"a ?? b ? c : d", "(Ternary (Binary ?? a b) c d)"},
		{"a\n  ? b\n  : c", "(Ternary a b c)"},
		{"a.?b.c", "(Member (Member a b :Safe) c)"},
		{"a[?0][^1][?^2]", "(Index (Index (Index a 0 :Safe) 1 :FromEnd) 2 :Safe :FromEnd)"},
		{"a!.b", "(Member (NonNull a) b)"},
		{"p::c::d.id", "(Member (ResourceAccess (ResourceAccess p c) d) id)"},
		{"f()", "(Call _ f [])"},
		{"sys.concat(a, 'b')", `(Call sys concat [a (StringLit ["b"] [])])`},
		{"resourceGroup().location", "(Member (Call _ resourceGroup []) location)"},
		{"f(\n  a,\n  b\n)", "(Call _ f [a b])"},
		{"x => x.y", "(Lambda [x] (Member x y))"},
		{"(a, b) => a + b", "(Lambda [a b] (Binary + a b))"},
		{"() => 1", "(Lambda [] 1)"},
		{"map(xs, x =>\n  x)", "(Call _ map [xs (Lambda [x] x)])"},
		{"(a + b) * c", "(Binary * (Paren (Binary + a b)) c)"},
		{"(\n  a\n)", "(Paren a)"},
		{"'a${b}c${d.e}'", `(StringLit ["a" "c" ""] [b (Member d e)])`},
		{"'x${'y${z}'}'", `(StringLit ["x" ""] [(StringLit ["y" ""] [z])])`},
		{"'''\nraw ${x}\n'''", `(StringLit ["raw ${x}\n"] [] :Multi)`},
		{"$'''a${b}'''", `(StringLit ["a" ""] [b] :Multi)`},
		{"{}", "(ObjectLit [])"},
		{"{ a: 1, 'b-c': 2 }", `(ObjectLit [(Property a 1) (Property (StringLit ["b-c"] []) 2)])`},
		{"{\n  a: 1\n  if: 2\n  ...o\n}", "(ObjectLit [(Property a 1) (Property if 2) (Spread o)])"},
		{"{ a: 1, b: 2\n  c: 3 }", "(ObjectLit [(Property a 1) (Property b 2) (Property c 3)])"},
		{"{ '${k}': v }", `(ObjectLit [(Property (StringLit ["" ""] [k]) v)])`},
		{"[]", "(ArrayLit [])"},
		{"[1, 2,]", "(ArrayLit [1 2])"},
		{"[\n  1\n  ...xs\n]", "(ArrayLit [1 (Spread xs)])"},
		{"[for x in xs: x.name]", "(ForExpr x _ xs (Member x name))"},
		{"[for (x, i) in range(0, 3): i]", "(ForExpr x i (Call _ range [0 3]) i)"},
		{"[\n  for x in xs: {\n    n: x\n  }\n]", "(ForExpr x _ xs (ObjectLit [(Property n x)]))"},
		{"[for x in xs: [for y in x: y]]", "(ForExpr x _ xs (ForExpr y _ x y))"},
		{"a.b(1).c", "(Member (Call a b [1]) c)"},
		{"true && !false || null == null", "(Binary || (Binary && true (Unary ! false)) (Binary == null null))"},
		{"18446744073709551615", "18446744073709551615"},
	}
	for _, tt := range tests {
		if got := exprOf(t, tt.src); got != tt.want {
			t.Errorf("%q\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestExpressionErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a +", `(Binary + a (BadExpr)) !3: expected an expression after "+", found the end of the line`},
		{"a\n+ b", `a !2: expected a declaration such as "param", "var", "resource", "module" or "output", found "+"`},
		{"!!a", `(Unary ! (BadExpr)) !1: expected an expression after "!", found "!"`},
		{"f(a\n, b)", `(Call _ f [a b]) !4: expected "," before the line break, or ")" after the argument of f, found ","`},
		{"f(a,)", `(Call _ f [a]) !4: expected an argument after ",", found ")"`},
		{"[\n  1,\n  2\n]", "(ArrayLit [1 2]) !5: a comma cannot end a line here; separate items with a comma or a line break but not both"},
		{"{ a: 1 b: 2 }", `(ObjectLit [(Property a 1)]) !7: expected a comma or a line break after the property, found "b"`},
		{"{ true: 1 }", `(ObjectLit []) !2: expected a property name, found "true"; quote it as 'true'`},
		{"a[]", `(Index a (BadExpr)) !2: expected an index after "[", found "]"`},
		{"a.", `(Member a _) !2: expected a property or function name after ".", found the end of the line`},
		{"(a, b)", "(Paren a) !0: expected one expression between the parentheses, found 2"},
		{"(a.b) => 1", "(Lambda [] 1) !1: expected a parameter name of the lambda, found an expression"},
		{"[for x xs: x]", `(ForExpr x _ (BadExpr) (BadExpr)) !7: expected "in" after the loop variable, found "xs"`},
		{"'a${b c}'", `(StringLit ["a" ""] [b]) !6: expected "}" to close the ${...} of the string after the expression, found "c"`},
		{"99999999999999999999", "99999999999999999999 !0: integer 99999999999999999999 is too large"},
	}
	for _, tt := range tests {
		if got := exprOf(t, tt.src); got != tt.want {
			t.Errorf("%q\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// TestGolden parses every file of testdata/parse and compares its tree and
// errors with the .golden file beside it.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/parse/*.bicep*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		if strings.HasSuffix(path, ".golden") {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := parseString(t, string(src), strings.HasSuffix(path, ".bicepparam"))
			golden.Check(t, path+".golden", []byte(got))
			f := parseFile(token.NewFileSet(), path, src, strings.HasSuffix(path, ".bicepparam"))
			if broken := strings.HasPrefix(filepath.Base(path), "broken"); broken != (len(f.Errors) > 0) {
				t.Errorf("%s has %d syntax errors", path, len(f.Errors))
			}
		})
	}
}

// TestUnionStartingOnTheNextLine parses unions written one member a line,
// each line starting with "|", with the first on the line after the name
// of a parameter or an object type's property: the compiler accepts them,
// and large modules of the public registry write their allowed values so.
func TestUnionStartingOnTheNextLine(t *testing.T) {
	src := "param tier\n  | 'Basic'\n  | 'Premium'\n\ntype plan = {\n  size:\n    | null\n    | 'S'\n    | 'M'\n}\n"
	got := parseString(t, src, false)
	if strings.Contains(got, ": ") || strings.Count(got, "UnionType") != 2 {
		t.Errorf("got\n%s\nwant two unions and no error", got)
	}
	// A "|" with nothing after it is still an error.
	if got := parseString(t, "param tier\n  | 'Basic'\n  |\n", false); !strings.Contains(got, `expected a type after "|"`) {
		t.Errorf("got\n%s\nwant an error after the last \"|\"", got)
	}
}
