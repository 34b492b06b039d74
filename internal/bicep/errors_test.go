package bicep

import (
	"go/token"
	"strings"
	"testing"
)

// errorsOf parses src and writes its errors as line:col-line:col: message,
// one a line; columns count characters.
func errorsOf(src string, params bool) string {
	f := parseFile(token.NewFileSet(), "test", []byte(src), params)
	var b strings.Builder
	writeErrors(&b, f)
	return b.String()
}

func TestDeclarationErrors(t *testing.T) {
	tests := []struct {
		src    string
		params bool
		want   string
	}{
		{"param x = 1", true, ""},
		{"param x string = 1", true, `1:9-1:15: expected "=" after the parameter name, found "string"` + "\n"},
		{"param = 1", false, `1:7-1:8: expected a parameter name after "param", found "="` + "\n"},
		{"param p string 'x'", false, `1:16-1:19: expected "=" or the end of the line after the parameter type, found "'x'"` + "\n"},
		{"param p", false, "1:8-1:8: expected a type such as string, int, bool, object or array, found the end of the file\n"},
		{"var x 1", false, "1:8-1:8: expected \"=\" after the variable type, found the end of the file\n"},
		{"var = 1", false, `1:5-1:6: expected a variable name after "var", found "="` + "\n"},
		{"output o = 1", false, `1:10-1:11: expected the output type after the output name, found "="` + "\n"},
		{"resource r = {}", false, `1:12-1:13: expected a resource type such as 'Microsoft.Storage/storageAccounts@2023-01-01' after the resource name, found "="` + "\n"},
		{"resource r 'T@1' = 'x'", false, `1:20-1:23: expected "{", "if" or "[" after "=" in the resource declaration, found "'x'"` + "\n"},
		{"resource r 'T@1' = if true {}", false, `1:23-1:27: expected "(" and a condition after "if", found "true"` + "\n"},
		{"resource r 'T@1' = [for x in xs: 1]", false, `1:34-1:35: expected "{" or "if" after ":" in the loop, found "1"` + "\n"},
		{"module m = {}", false, `1:10-1:11: expected the path of the module such as './child.bicep' after the module name, found "="` + "\n"},
		{"targetScope 'x'", false, `1:13-1:16: expected "=" after "targetScope", found "'x'"` + "\n"},
		{"metadata = 1", false, `1:10-1:11: expected a name after "metadata", found "="` + "\n"},
		{"import x from 'a.bicep'", false, `1:8-1:9: expected "{" or "*" after "import", found "x"` + "\n"},
		{"import * from 'a.bicep'", false, `1:10-1:14: expected "as" and a namespace name after "import *", found "from"` + "\n"},
		{"import {a} 'a.bicep'", false, `1:12-1:21: expected "from" and the path of the file to import from after the imported names, found "'a.bicep'"` + "\n"},
		{"extension k8s foo", false, `1:15-1:18: expected "with", "as" or the end of the line after the extension, found "foo"` + "\n"},
		{"func f(a) string => a", false, `1:9-1:10: expected a type such as string, int, bool, object or array, found ")"` + "\n"},
		{"func f() string = 1", false, `1:17-1:18: expected "=>" after the result type, found "="` + "\n"},
		{"type t = string |\n  int", false, `1:18-1:18: expected a type after "|", found the end of the line` + "\n" +
			`2:3-2:6: expected a declaration such as "param", "var", "resource", "module" or "output", found "int"` + "\n"},
		{"@secure() param p string", false, `1:11-1:16: expected a line break after the decorator, found "param"` + "\n"},
		{"@description('x')\n", false, "1:1-1:18: expected a declaration after the decorator, found the end of the file\n"},
		{"param p string param q string", false, `1:16-1:21: expected "=" or the end of the line after the parameter type, found "param"` + "\n"},
		{"paramx p string", false, `1:1-1:7: expected a declaration such as "param", "var", "resource", "module" or "output", found "paramx"` + "\n"},
		{"resource r 'T@1' existing = {}", true, `1:1-1:9: expected a declaration such as "using", "param" or "var", found "resource"` + "\n"},
		{"using", true, `1:6-1:6: expected the path of the template such as './main.bicep', or "none" after "using", found the end of the file` + "\n"},
		{"var s = 'héllo' + \"x\"", false, "1:19-1:22: strings are written in single quotes in Bicep, not double quotes\n"},
		{"resource r 'T@1' = []\nvar x = 1", false, `1:21-1:22: expected "for" after "[", found "]"` + "\n"},
		{"resource r 'T@1' =\n\nvar x = 1", false, `1:19-1:19: expected "{", "if" or "[" after "=" in the resource declaration, found the end of the line` + "\n"},
		{"resource r 'T@1' =\n  if (c) {}", false, ""},
		{"var f = x =>\n\nvar y = 1", false, `1:13-1:13: expected an expression after "=>", found the end of the line` + "\n"},
		{"resource r 'T@1' = if (\n\nvar y = 1", false, `1:24-1:24: expected an expression after "(", found the end of the line` + "\n"},
		{"var x = concat(1,\n\nvar y = 2", false, `1:18-1:18: expected an expression after ",", found the end of the line` + "\n"},
		{"var s = 'a${{a: 1}}b'", false, "1:13-1:19: an object or array cannot be written inside ${...}; declare it in a variable\n"},
		{"func f(\n  a string\n  , b int) int => 1", false, ""},
		{"var o = {\n  resource: 1\n  resource x: 2\n}", false, `3:12-3:13: expected ":" after the property name, found "x"` + "\n"},
		{"resource r 'T@1' = {\n  properties: {\n    @batchSize(1)\n  }\n}", false, `3:5-3:6: expected a property name, found "@"` + "\n"},
		{"resource r 'T@1' = {\n  properties: {\n    a: 1\n  resource c 'd' = {}\n}", false, `3:9-3:9: expected "}" to close the object before the next declaration` + "\n"},
		{"var a = 1\rvar b = \r\nvar c = 2", false, "2:9-2:9: expected an expression after \"=\", found the end of the line\n"},
		{"var a = 1\r\rvar b = +", false, "3:9-3:10: expected an expression after \"=\", found \"+\"\n"},
		{"var 🍕 = 1", false, "1:5-1:6: unexpected character \"🍕\"\n"},
	}
	for _, tt := range tests {
		if got := errorsOf(tt.src, tt.params); got != tt.want {
			t.Errorf("%q\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// TestRecovery checks that one mistake costs one error: the parser goes on
// after it and finds the next one, and the declarations around it parse.
func TestRecovery(t *testing.T) {
	src := `param a string = 'x' +
var b = {
  one: 1,
  two 2
  three: [1, 2
  four: 4
}
output c string = b.?
resource d 'T@1' = {
  name: f(1 2)
  properties: {
    x: 'a${b c}d'
  }
}
var e = 'fine'
`
	want := `1:23-1:23: expected an expression after "+", found the end of the line
3:9-3:10: a comma cannot end a line here; separate items with a comma or a line break but not both
4:7-4:8: expected ":" after the property name, found "2"
5:15-5:15: expected "]" to close the array before the next property
8:22-8:22: expected a property or function name after ".?", found the end of the line
10:13-10:14: expected "," or ")" after the argument of f, found "2"
12:14-12:15: expected "}" to close the ${...} of the string after the expression, found "c"
`
	f := Parse(token.NewFileSet(), "test.bicep", []byte(src))
	var b strings.Builder
	writeErrors(&b, f)
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var names []string
	for _, s := range f.Stmts {
		switch s := s.(type) {
		case *Param:
			names = append(names, s.Name.Name)
		case *Var:
			names = append(names, s.Name.Name)
		case *Output:
			names = append(names, s.Name.Name)
		case *Resource:
			names = append(names, s.Name.Name)
		}
	}
	if got := strings.Join(names, " "); got != "a b c d e" {
		t.Errorf("declarations parsed: %s, want a b c d e", got)
	}
}

// TestDepth checks that nesting beyond maxDepth is one error, not a deep
// recursion, and that the rest of the file still parses.
func TestDepth(t *testing.T) {
	deep := strings.Repeat("[", 100000)
	src := "var deep = " + deep + "\nvar after = 1\n"
	f := Parse(token.NewFileSet(), "test.bicep", []byte(src))
	var b strings.Builder
	writeErrors(&b, f)
	want := "1:139-1:140: brackets, calls or operators nest too deeply here to be read\n"
	if got := b.String(); !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant it to start with\n%s", got, want)
	}
	if n := len(f.Stmts); n != 2 {
		t.Fatalf("%d declarations, want 2", n)
	}
	if v, ok := f.Stmts[1].(*Var); !ok || v.Name.Name != "after" {
		t.Errorf("second declaration is %s, want var after", sexpr(f.Stmts[1]))
	}
}
