package arm

import (
	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
)

// Evaluation evaluates what a template declares (its parameters'
// defaults, its variables, its outputs) exactly as a deployment of it with
// no parameters file does. Another front-end's tests use it to compare
// what they evaluate with what this front-end evaluates from the template
// a compiler wrote for the same source.
type Evaluation struct {
	e    *env
	root model.Value
}

// Evaluate returns the evaluation of template.
func Evaluate(template *File) *Evaluation {
	l := &loader{d: &model.Deployment{}, budget: expr.NewBudget(expr.MaxDeploymentWork), problems: map[model.Span]bool{}}
	root := template.Root()
	return &Evaluation{e: l.newEnv(template, root, nil, newContext(schemaScope(root.Get("$schema")))), root: root}
}

// Parameter returns the value of parameter name; false when the template
// declares none.
func (v *Evaluation) Parameter(name string) (model.Value, bool) { return v.e.Parameter(name) }

// Variable returns the value of variable name; false when the template
// declares none.
func (v *Evaluation) Variable(name string) (model.Value, bool) { return v.e.Variable(name) }

// Output returns the value of output name, a copy loop expanded; false
// when the template declares no such output.
func (v *Evaluation) Output(name string) (model.Value, bool) {
	o := v.root.Get("outputs").Get(name)
	if o.IsMissing() {
		return model.Value{}, false
	}
	if c := o.Get("copy"); !c.IsMissing() {
		return v.e.copyArray(c, ""), true
	}
	return v.e.eval(o.Get("value")), true
}
