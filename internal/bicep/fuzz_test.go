package bicep

import (
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/model"
)

// addSeeds adds the files of testdata/parse whose names end in ext.
func addSeeds(f *testing.F, ext string) {
	paths, _ := filepath.Glob("testdata/parse/*" + ext)
	for _, path := range paths {
		content, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(content)
	}
}

// fuzzParse checks what must hold for any input: the parse returns, every
// node's span nests inside its parent's, errors are sorted, inside the
// file and worded as findings.
func fuzzParse(t *testing.T, content []byte, params bool) {
	f := parseFile(token.NewFileSet(), "fuzz", content, params)
	checkSpans(t, f)
	lo, hi := token.Pos(f.Tok.Base()), token.Pos(f.Tok.Base()+f.Tok.Size())
	for i, e := range f.Errors {
		if e.Pos() < lo || e.End() > hi || e.Pos() > e.End() {
			t.Fatalf("error %q at [%d,%d) outside the file [%d,%d]", e.Msg, e.Pos(), e.End(), lo, hi)
		}
		if i > 0 && f.Errors[i-1].Pos() >= e.Pos() {
			t.Fatalf("errors out of order or repeated at %d: %q", e.Pos(), e.Msg)
		}
		if e.Msg == "" || strings.HasSuffix(e.Msg, ".") || strings.ToLower(e.Msg[:1]) != e.Msg[:1] {
			t.Fatalf("message %q is not worded as a finding", e.Msg)
		}
	}
}

// FuzzParseBicep feeds any bytes to the .bicep parser: it must not panic,
// and what it returns must be well formed.
func FuzzParseBicep(f *testing.F) {
	addSeeds(f, ".bicep")
	f.Add([]byte("var x = " + strings.Repeat("[", 300)))
	f.Add([]byte("var x = '${'${'${a}'}'}' ?? (a) => $'''${b}'''"))
	f.Fuzz(func(t *testing.T, content []byte) {
		fuzzParse(t, content, false)
		fuzzClassify(t, content)
	})
}

// fuzzClassify checks that Classify, which parses without a line table,
// calls a file malformed exactly when the parse the lint job makes of it
// as what Classify says it is has syntax errors.
func fuzzClassify(t *testing.T, content []byte) {
	info := Classify(content)
	f := parseFile(token.NewFileSet(), "fuzz", content, info.Kind == frontend.Parameters)
	if info.Malformed != (len(f.Errors) > 0) {
		t.Fatalf("Classify says malformed %v, the parse finds %d errors", info.Malformed, len(f.Errors))
	}
	for _, name := range []string{"fuzz.bicep", "fuzz.bicepparam"} {
		parsed, both := FrontEnd{}.ParseClassify(token.NewFileSet(), name, content)
		if !reflect.DeepEqual(both, info) {
			t.Fatalf("ParseClassify of %s says %+v, Classify %+v", name, both, info)
		}
		alone := FrontEnd{}.Parse(token.NewFileSet(), name, content).(*File)
		if got := parsed.(*File); got.Params != alone.Params || len(got.Stmts) != len(alone.Stmts) || len(got.Errors) != len(alone.Errors) {
			t.Fatalf("ParseClassify of %s parses %d statements and %d errors, Parse %d and %d", name, len(got.Stmts), len(got.Errors), len(alone.Stmts), len(alone.Errors))
		}
	}
}

// FuzzParseBicepParam is FuzzParseBicep for .bicepparam files.
func FuzzParseBicepParam(f *testing.F) {
	addSeeds(f, ".bicepparam")
	f.Fuzz(func(t *testing.T, content []byte) { fuzzParse(t, content, true) })
}

// FuzzLowerBicep lowers and evaluates every expression of any parsed
// input: it must not panic, and every value must be spanned inside the
// file or not at all.
func FuzzLowerBicep(f *testing.F) {
	addSeeds(f, ".bicep")
	f.Add([]byte(lowerPrelude + "var v = [for (x, i) in ids: { '${x}': map(range(0, i), y => y ?? x.?z[?^1]!) }]\n"))
	f.Add([]byte("var a = b\nvar b = [for x in a: x]\nfunc f(x int) int => f(x)\noutput o int = f(1)\n"))
	f.Fuzz(func(t *testing.T, content []byte) {
		file := Parse(token.NewFileSet(), "fuzz.bicep", content)
		lo, hi := token.Pos(file.Tok.Base()), token.Pos(file.Tok.Base()+file.Tok.Size())
		check := func(v model.Value) {
			if v.Span.IsValid() && (v.Pos() < lo || v.End() > hi || v.Pos() > v.End()) {
				t.Fatalf("value %s spanned at [%d,%d), outside the file [%d,%d]", show(v), v.Pos(), v.End(), lo, hi)
			}
		}
		e := NewEnv(file, Options{})
		for _, st := range file.Stmts {
			switch d := st.(type) {
			case *Param:
				if d.Name != nil {
					v, _ := e.Parameter(d.Name.Name)
					check(v)
				}
			case *Var:
				if d.Name != nil {
					v, _ := e.Variable(d.Name.Name)
					check(v)
				}
			case *Output:
				check(e.Eval(d.Value))
			}
		}
		for _, st := range file.Stmts {
			Inspect(st, func(n Node) bool {
				if x, ok := n.(Expr); ok {
					check(expr.Eval(e, e.Lower(x)))
				}
				return true
			})
		}
	})
}

// FuzzLoadBicep classifies any input and loads it as a template whose every local module is
// the input again, deployed with the input read as a .bicepparam file: it
// must not panic or hang, and every value of the model must be spanned
// inside a file of the deployment or not at all.
func FuzzLoadBicep(f *testing.F) {
	addSeeds(f, ".bicep")
	paths, _ := filepath.Glob("testdata/load/*/*.bicep*")
	for _, path := range paths {
		content, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(content)
	}
	f.Add([]byte("module m './m.bicep' = [for i in range(0, 800): {\n  name: 'm${i}'\n  scope: resourceGroup('${i}')\n}]\n"))
	f.Add([]byte("#disable-diagnostics owner_role -- x\r/* lhlint-ignore:\n*/ var a = 1 // lhlint-ignore: a, , b --\r\n#restore-diagnostics owner_role\n#disable-next-line"))
	f.Add([]byte("// lhlint-ignore"))
	// A policy definition, whose template the ARM front-end reads with the
	// positions of Bicep's escapes.
	f.Add([]byte("resource p 'Microsoft.Authorization/policyDefinitions@2021-06-01' = {\n  name: 'p'\n  properties: {\n    policyRule: {\n      then: {\n        details: {\n          deployment: {\n            properties: {\n              template: {\n                resources: [\n                  {\n                    type: 'Microsoft.ManagedServices/registrationDefinitions'\n                    name: '[concat(\\'a\\u{1F600}\\', ]'\n                  }\n                ]\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}\n"))
	f.Fuzz(func(t *testing.T, content []byte) {
		Classify(content)
		fset := token.NewFileSet()
		tmpl := Parse(fset, "main.bicep", content)
		given := ParseParams(fset, "main.bicepparam", content).Given()
		read := func(string) ([]byte, error) { return content, nil }
		d := load(tmpl, &given, read, withJSON)
		inFile := func(p token.Pos) bool { return fset.File(p) != nil }
		check := func(what string, v model.Value) {
			if v.Span.IsValid() && (!inFile(v.Pos()) || v.End() < v.Pos() || fset.File(v.Pos()) != fset.File(v.End())) {
				t.Fatalf("%s %s spanned at [%d,%d), outside the files", what, show(v), v.Pos(), v.End())
			}
		}
		for _, def := range d.Definitions {
			check("definition name", def.Name)
			check("properties", def.Properties)
			for _, g := range def.Grants() {
				check("role", g.RoleDefinitionID)
				check("principal", g.PrincipalID)
			}
		}
		for _, a := range d.Assignments {
			check("assignment name", a.Name)
			check("definition ID", a.RegistrationDefinitionID)
		}
		for _, s := range d.Suppressions {
			check("suppression", model.Value{Span: s.Span})
			check("what a suppression covers", model.Value{Span: s.Covers})
			for _, n := range s.Rules {
				check("suppressed rule", model.Value{Span: n.Span})
			}
		}
		for _, p := range d.Problems {
			if !inFile(p.Pos()) {
				t.Fatalf("problem %q outside the files", p.Message)
			}
		}
	})
}
