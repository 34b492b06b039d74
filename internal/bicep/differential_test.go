package bicep

import (
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/arm"
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
	ae := arm.Evaluate(af)
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
			a, ok := ae.Variable(d.Name.Name)
			if !ok {
				add("var", d.Name.Name, model.Value{}, model.Value{})
				continue
			}
			b, _ := be.Variable(d.Name.Name)
			add("var", d.Name.Name, b, a)
		case *Output:
			if d.Name == nil {
				continue
			}
			a, ok := ae.Output(d.Name.Name)
			if !ok {
				add("output", d.Name.Name, model.Value{}, model.Value{})
				continue
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
