package bicep

import (
	"go/token"
	"testing"
)

func TestHelpers(t *testing.T) {
	src := `@sys.description('Tier')
@secure
@batchSize(2)
@az.other()
@sys.export
param p string = 'x${y}'
var s = 'plain'
`
	f := Parse(token.NewFileSet(), "test.bicep", []byte(src))
	if len(f.Errors) > 0 {
		t.Fatal(f.Errors[0].Msg)
	}
	p := f.Stmts[0].(*Param)
	var names []string
	for _, d := range p.Decorators {
		names = append(names, d.Name())
	}
	if got, want := sexpr(names), `["description" "secure" "batchSize" "" "export"]`; got != want {
		t.Errorf("decorator names %s, want %s", got, want)
	}
	d := FindDecorator(p.Decorators, "batchSize")
	if d == nil || len(d.Args()) != 1 || sexpr(d.Args()[0]) != "2" {
		t.Errorf("FindDecorator(batchSize) = %v", d)
	}
	if FindDecorator(p.Decorators, "secure").Args() != nil || FindDecorator(p.Decorators, "minLength") != nil {
		t.Error("a bare decorator has arguments, or a missing one is found")
	}
	if _, ok := p.Value.(*StringLit).Text(); ok {
		t.Error("an interpolated string has a text")
	}
	if got, ok := f.Stmts[1].(*Var).Value.(*StringLit).Text(); !ok || got != "plain" {
		t.Errorf("Text() = %q, %v", got, ok)
	}
}
