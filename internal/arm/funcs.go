package arm

import (
	"fmt"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// maxCallDepth bounds user-defined functions calling one another, each
// call evaluated inside the one before.
const maxCallDepth = 32

// userFunc is a member of the template's functions section:
//
//	"functions": [{"namespace": "contoso", "members": {"ownerRole": {
//	    "parameters": [{"name": "p", "type": "string"}],
//	    "output": {"type": "string", "value": "[...]"}}}}]
//
// Bicep compiles each func declaration to one, in the namespace __bicep.
// Azure lets a function read only its own parameters: no variables, no
// reference() or list*(), so its value depends on its arguments alone.
type userFunc struct {
	name   string // namespace.name as written
	params []model.Value
	output model.Value
	busy   bool // being evaluated: a call now is recursion
}

// userFuncs reads the functions section of a template body, by lower-case
// namespace.name.
func userFuncs(body model.Value) map[string]*userFunc {
	funcs := map[string]*userFunc{}
	for _, ns := range body.Get("functions").Items() {
		prefix := ns.Get("namespace").Text()
		for _, m := range ns.Get("members").Members() {
			name := prefix + "." + m.Key
			funcs[strings.ToLower(name)] = &userFunc{
				name:   name,
				params: m.Value.Get("parameters").Items(),
				output: m.Value.Get("output").Get("value"),
			}
		}
	}
	return funcs
}

// Function evaluates the user-defined function namespace.name with args:
// its output value, in an environment where parameters() are its
// parameters and nothing else of the template is declared.
func (e *env) Function(namespace, name string, args []model.Value) (model.Value, bool) {
	f, ok := e.funcs[strings.ToLower(namespace+"."+name)]
	if !ok {
		return model.Value{}, false
	}
	switch {
	case f.busy:
		return model.UnknownValue(fmt.Sprintf("function %q calls itself", f.name), f.output.Span), true
	case len(args) != len(f.params):
		return model.UnknownValue(fmt.Sprintf("function %q takes %s, got %d", f.name, arguments(len(f.params)), len(args)), f.output.Span), true
	case e.l.calls >= maxCallDepth:
		return model.UnknownValue("user-defined functions call one another too deeply to evaluate", f.output.Span), true
	case f.output.IsMissing():
		return model.UnknownValue(fmt.Sprintf("function %q has no output value", f.name), f.output.Span), true
	}
	fe := &env{l: e.l, file: e.file, params: map[string]*param{}, ctx: e.ctx, funcs: e.funcs, inFunc: f}
	for i, p := range f.params {
		pname := p.Get("name")
		decl := &model.Parameter{Name: pname.Text(), Span: pname.Span, Decl: p}
		fe.params[strings.ToLower(pname.Text())] = &param{decl: decl, value: args[i], state: done}
	}
	f.busy = true
	e.l.calls++
	v := fe.eval(f.output)
	e.l.calls--
	f.busy = false
	return v, true
}

func arguments(n int) string {
	if n == 1 {
		return "1 argument"
	}
	return fmt.Sprintf("%d arguments", n)
}
