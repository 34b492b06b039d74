package bicep

import (
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/arm"
	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
)

// knownDisagreements are the values on which the lowering and the ARM
// evaluation of the compiled template are allowed to differ, by dataset,
// kind and name, each with the reason.
var knownDisagreements = map[string]string{}

// TestDifferential evaluates the parameter defaults, variables and outputs
// of every valid dataset of the Bicep sample suite twice: from main.bicep
// through the lowering and Env, and from the main.json the compiler wrote
// for it through internal/expr, as ARM evaluates it. Every value both know
// must agree, but for knownDisagreements.
func TestDifferential(t *testing.T) {
	root := os.Getenv("LHLINT_BICEP_SAMPLES")
	if root == "" {
		t.Skip("LHLINT_BICEP_SAMPLES is not set; point it at src/Bicep.Core.Samples/Files of a copy of github.com/Azure/bicep to compare the lowering with the compiled templates")
	}
	var dirs []string
	for _, set := range []string{"baselines", "user_submitted"} {
		err := filepath.WalkDir(filepath.Join(root, set), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || d.Name() != "main.json" || strings.Contains(path, "Invalid") {
				return nil
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(path), "main.bicep")); err == nil {
				dirs = append(dirs, filepath.Dir(path))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(dirs)
	counts := map[string]map[string]int{}
	count := func(kind, verdict string) {
		if counts[kind] == nil {
			counts[kind] = map[string]int{}
		}
		counts[kind][verdict]++
	}
	for _, dir := range dirs {
		rel, _ := filepath.Rel(root, dir)
		for _, c := range compareDataset(t, dir, "main.json") {
			count(c.kind, c.verdict)
			key := rel + " " + c.kind + " " + c.name
			if c.verdict != "disagree" {
				continue
			}
			if _, ok := knownDisagreements[key]; ok {
				continue
			}
			t.Errorf("%s: bicep %s, arm %s", key, show(c.bicep), show(c.arm))
		}
		// The symbolic-name compilation writes the same parameters,
		// variables and outputs, in the template language version 2.0.
		if _, err := os.Stat(filepath.Join(dir, "main.symbolicnames.json")); err != nil {
			continue
		}
		for _, c := range compareDataset(t, dir, "main.symbolicnames.json") {
			count(c.kind+" (symbolic names)", c.verdict)
			key := rel + " symbolic " + c.kind + " " + c.name
			if _, ok := knownDisagreements[key]; c.verdict == "disagree" && !ok {
				t.Errorf("%s: bicep %s, arm %s", key, show(c.bicep), show(c.arm))
			}
		}
	}
	var kinds []string
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		c := counts[k]
		t.Logf("%-25s agree %d, disagree %d, unknown in bicep only %d, unknown in arm only %d, unknown in both %d, partly unknown %d, not in main.json %d",
			k, c["agree"], c["disagree"], c["unknown-bicep"], c["unknown-arm"], c["unknown-both"], c["partial"], c["absent"])
	}
	t.Logf("%d datasets", len(dirs))
}

// TestDifferentialParams evaluates the parameters of every valid
// .bicepparam dataset of the sample suite and compares them with the
// parameters.json the compiler wrote for it, whose values it evaluated
// itself.
func TestDifferentialParams(t *testing.T) {
	root := os.Getenv("LHLINT_BICEP_SAMPLES")
	if root == "" {
		t.Skip("LHLINT_BICEP_SAMPLES is not set; point it at src/Bicep.Core.Samples/Files of a copy of github.com/Azure/bicep to compare the lowering with the compiled parameters files")
	}
	dirs, _ := filepath.Glob(filepath.Join(root, "baselines_bicepparam", "*"))
	counts := map[string]int{}
	for _, dir := range dirs {
		if strings.Contains(filepath.Base(dir), "Invalid") {
			continue
		}
		src, err1 := os.ReadFile(filepath.Join(dir, "parameters.bicepparam"))
		js, err2 := os.ReadFile(filepath.Join(dir, "parameters.json"))
		if err1 != nil || err2 != nil {
			continue
		}
		fset := token.NewFileSet()
		f := ParseParams(fset, "parameters.bicepparam", src)
		compiled := arm.Parse(fset, "parameters.json", js).Root().Get("parameters")
		e := NewEnv(f, Options{ReadFile: func(path string) ([]byte, error) {
			return os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		}})
		for _, st := range f.Stmts {
			p, ok := st.(*Param)
			if !ok || p.Name == nil {
				continue
			}
			a := compiled.Get(p.Name.Name).Get("value")
			if a.IsMissing() {
				counts["not in parameters.json"]++
				continue
			}
			b, _ := e.Parameter(p.Name.Name)
			v := verdict(b, a)
			counts[v]++
			key := filepath.Base(dir) + " param " + p.Name.Name
			if _, ok := knownDisagreements[key]; v == "disagree" && !ok {
				t.Errorf("%s: bicep %s, compiled %s", key, show(b), show(a))
			}
		}
	}
	t.Logf("parameters: agree %d, disagree %d, unknown in bicep only %d, partly unknown %d, not in parameters.json %d",
		counts["agree"], counts["disagree"], counts["unknown-bicep"], counts["partial"], counts["not in parameters.json"])
}

type comparison struct {
	kind, name, verdict string
	bicep, arm          model.Value
}

func compareDataset(t *testing.T, dir, compiled string) []comparison {
	src, err := os.ReadFile(filepath.Join(dir, "main.bicep"))
	if err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile(filepath.Join(dir, compiled))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f := Parse(fset, "main.bicep", src)
	af := arm.Parse(fset, compiled, js)
	root := af.Root()
	be := NewEnv(f, Options{ReadFile: func(path string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
	}})
	ae := newARMEnv(root)
	var out []comparison
	add := func(kind, name string, b, a model.Value) {
		out = append(out, comparison{kind: kind, name: name, verdict: verdict(b, a), bicep: b, arm: a})
	}
	for _, st := range f.Stmts {
		switch d := st.(type) {
		case *Param:
			if d.Name == nil || d.Value == nil {
				continue
			}
			decl := root.Get("parameters").Get(d.Name.Name)
			if decl.Get("defaultValue").IsMissing() {
				add("param", d.Name.Name, model.Value{}, model.Value{})
				continue
			}
			b, _ := be.Parameter(d.Name.Name)
			a, _ := ae.Parameter(d.Name.Name)
			add("param", d.Name.Name, b, a)
		case *Var:
			if d.Name == nil {
				continue
			}
			if _, ok := ae.vars[strings.ToLower(d.Name.Name)]; !ok {
				add("var", d.Name.Name, model.Value{}, model.Value{})
				continue
			}
			b, _ := be.Variable(d.Name.Name)
			a, _ := ae.Variable(d.Name.Name)
			add("var", d.Name.Name, b, a)
		case *Output:
			if d.Name == nil {
				continue
			}
			o := root.Get("outputs").Get(d.Name.Name)
			if o.IsMissing() {
				add("output", d.Name.Name, model.Value{}, model.Value{})
				continue
			}
			var a model.Value
			if c := o.Get("copy"); !c.IsMissing() {
				a = ae.copyArray(c, "")
			} else {
				a = ae.eval(o.Get("value"))
			}
			add("output", d.Name.Name, be.Eval(d.Value), a)
		}
	}
	return out
}

// verdict compares what the two sides evaluate a value to.
func verdict(b, a model.Value) string {
	switch {
	case b.IsMissing() && a.IsMissing():
		return "absent"
	case !b.IsKnown() && !a.IsKnown():
		return "unknown-both"
	case !b.IsKnown():
		return "unknown-bicep"
	case !a.IsKnown():
		return "unknown-arm"
	case model.Equal(b, a):
		return "agree"
	case model.Differ(b, a):
		return "disagree"
	}
	return "partial"
}

// armEnv is a small expr.Env over a compiled template, enough to evaluate
// its parameter defaults, variables, outputs and functions as ARM does.
type armEnv struct {
	root   model.Value
	params map[string]*armSlot
	vars   map[string]*armSlot
	funcs  map[string]model.Value
	fn     map[string]model.Value // the arguments of the function being evaluated
	inFunc bool
	loops  []armLoop
	ctx    *expr.Context
	budget *expr.Budget
	steps  *int
}

type armSlot struct {
	name  string
	lit   model.Value
	copy  bool
	value model.Value
	state evalState
}

type armLoop struct {
	name  string
	index int
}

func newARMEnv(root model.Value) *armEnv {
	e := &armEnv{root: root, params: map[string]*armSlot{}, vars: map[string]*armSlot{}, funcs: map[string]model.Value{}, budget: expr.NewBudget(maxEvalWork), steps: new(int)}
	for _, m := range root.Get("parameters").Members() {
		e.params[strings.ToLower(m.Key)] = &armSlot{name: m.Key, lit: m.Value.Get("defaultValue")}
	}
	for _, m := range root.Get("variables").Members() {
		if strings.EqualFold(m.Key, "copy") {
			for _, c := range m.Value.Items() {
				name := c.Get("name").Text()
				e.vars[strings.ToLower(name)] = &armSlot{name: name, lit: c, copy: true}
			}
			continue
		}
		e.vars[strings.ToLower(m.Key)] = &armSlot{name: m.Key, lit: m.Value}
	}
	for _, ns := range root.Get("functions").Items() {
		for _, m := range ns.Get("members").Members() {
			e.funcs[strings.ToLower(ns.Get("namespace").Text()+"."+m.Key)] = m.Value
		}
	}
	kind := model.ScopeResourceGroup
	switch s := strings.ToLower(root.Get("$schema").Text()); {
	case strings.Contains(s, "subscriptiondeploymenttemplate"):
		kind = model.ScopeSubscription
	case strings.Contains(s, "managementgroupdeploymenttemplate"):
		kind = model.ScopeManagementGroup
	case strings.Contains(s, "tenantdeploymenttemplate"):
		kind = model.ScopeTenant
	}
	e.ctx = expr.ContextOf(model.Scope{Kind: kind})
	return e
}

func (e *armEnv) slot(s *armSlot, what string) model.Value {
	switch s.state {
	case busy:
		return model.UnknownValue(fmt.Sprintf("%s %q refers to itself", what, s.name), s.lit.Span)
	case pending:
		s.state = busy
		switch {
		case s.copy:
			s.value = e.copyArray(s.lit, s.name)
		case s.lit.IsMissing():
			s.value = model.UnknownValue("no value", s.lit.Span)
		default:
			s.value = e.eval(s.lit)
		}
		s.state = done
	}
	return s.value
}

func (e *armEnv) Parameter(name string) (model.Value, bool) {
	if e.inFunc {
		v, ok := e.fn[strings.ToLower(name)]
		return v, ok
	}
	s, ok := e.params[strings.ToLower(name)]
	if !ok {
		return model.Value{}, false
	}
	return e.slot(s, "parameter"), true
}

func (e *armEnv) Variable(name string) (model.Value, bool) {
	if e.inFunc {
		return model.UnknownValue("a function reads a variable", model.Span{}), true
	}
	s, ok := e.vars[strings.ToLower(name)]
	if !ok {
		return model.Value{}, false
	}
	return e.slot(s, "variable"), true
}

func (e *armEnv) CopyIndex(name string) (int, bool) {
	for i := len(e.loops) - 1; i >= 0; i-- {
		if name == "" || strings.EqualFold(e.loops[i].name, name) {
			return e.loops[i].index, true
		}
	}
	return 0, false
}

func (e *armEnv) Context() *expr.Context { return e.ctx }
func (e *armEnv) Budget() *expr.Budget   { return e.budget }

func (e *armEnv) Function(namespace, name string, args []model.Value) (model.Value, bool) {
	f, ok := e.funcs[strings.ToLower(namespace+"."+name)]
	if !ok {
		return model.Value{}, false
	}
	params := f.Get("parameters").Items()
	if len(params) != len(args) || *e.steps > maxEvalSteps {
		return model.UnknownValue("bad call", model.Span{}), true
	}
	fe := &armEnv{root: e.root, funcs: e.funcs, fn: map[string]model.Value{}, inFunc: true, ctx: e.ctx, budget: e.budget, steps: e.steps}
	for i, p := range params {
		fe.fn[strings.ToLower(p.Get("name").Text())] = args[i]
	}
	return fe.eval(f.Get("output").Get("value")), true
}

// eval evaluates a JSON value of the template as ARM does: expression
// strings are evaluated, containers member by member, copy blocks expanded.
func (e *armEnv) eval(v model.Value) model.Value {
	if *e.steps++; *e.steps > maxEvalSteps {
		return model.UnknownValue("too large", v.Span)
	}
	switch v.Kind() {
	case model.String:
		s := v.Text()
		if expr.IsExpression(s) {
			n, err := expr.Parse(s, func(int) token.Pos { return token.NoPos })
			if err != nil {
				return model.UnknownValue("the expression does not parse", v.Span)
			}
			return expr.Eval(e, n)
		}
		if strings.HasPrefix(s, "[[") {
			return model.StringValue(expr.Unescape(s), v.Span)
		}
		return v
	case model.Array:
		items := make([]model.Value, 0, v.Len())
		for _, it := range v.Items() {
			items = append(items, e.eval(it))
		}
		return model.ArrayValue(items, v.Span)
	case model.Object:
		var members model.Members
		for _, m := range v.Members() {
			if strings.EqualFold(m.Key, "copy") && m.Value.Kind() == model.Array {
				for _, c := range m.Value.Items() {
					name := c.Get("name")
					members = append(members, model.Member{Key: name.Text(), KeySpan: name.Span, Value: e.copyArray(c, name.Text())})
				}
				continue
			}
			key := m.Key
			if expr.IsExpression(key) {
				key = e.eval(model.StringValue(key, m.KeySpan)).Text()
			}
			members = append(members, model.Member{Key: key, KeySpan: m.KeySpan, Value: e.eval(m.Value)})
		}
		return model.ObjectValue(members, v.Span)
	}
	return v
}

func (e *armEnv) copyArray(block model.Value, name string) model.Value {
	count := e.eval(block.Get("count"))
	n, ok := count.Int()
	if !ok {
		return model.UnknownValue("copy count: "+count.Reason(), block.Span)
	}
	if n > maxCopies {
		return model.UnknownValue("too many copies", block.Span)
	}
	input := block.Get("input")
	items := make([]model.Value, 0, max(n, 0))
	for i := range int(max(n, 0)) {
		e.loops = append(e.loops, armLoop{name: name, index: i})
		items = append(items, e.eval(input))
		e.loops = e.loops[:len(e.loops)-1]
	}
	return model.ArrayValue(items, block.Span)
}
