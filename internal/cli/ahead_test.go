package cli

import (
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
	"github.com/lhlint/lhlint/internal/report"
)

// lintResult is what a lint found.
type lintResult struct {
	findings []report.Finding
	errs     []string
}

// lintTwice lints args, once linting ahead and once not, and returns what
// each found, with the linter that linted ahead; before is given it before
// its run.
func lintTwice(t *testing.T, args []string, opts *options, before func(*linter)) (ahead, plain lintResult, l *linter) {
	t.Helper()
	lint := func(withAhead bool) lintResult {
		p := newPaths()
		l = newLinter(p)
		var al *linter
		if withAhead {
			al = l
		}
		in, err := gather(opts, args, p, al)
		if err != nil {
			t.Fatal(err)
		}
		if withAhead && before != nil {
			before(l)
		}
		findings := l.run(in.jobs, in.opts)
		return lintResult{findings, slices.Concat(in.errs, l.errs, l.internal)}
	}
	plain = lint(false)
	ahead = lint(true)
	return ahead, plain, l
}

func TestLintAheadFindsTheSame(t *testing.T) {
	for _, dir := range []string{"corpus", "rules", "encodings"} {
		t.Run(dir, func(t *testing.T) {
			o, _, err := parseFlags([]string{"-format", "sarif"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			ahead, plain, _ := lintTwice(t, []string{filepath.Join("..", "..", "testdata", dir)}, o, nil)
			if len(plain.findings) == 0 {
				t.Fatal("no findings")
			}
			if !reflect.DeepEqual(ahead, plain) {
				t.Errorf("linting ahead found\n%+v\nwithout\n%+v", ahead, plain)
			}
		})
	}
}

func TestLintAhead(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a/onboard.json":            minimalTemplate,
		"a/onboard.parameters.json": `{"parameters": {"x": {"value": 1}}}`,
		"b/onboard.json":            minimalTemplate,
		"b/onboard.parameters.json": `{"parameters": {"x": {"value": 1}}}`,
		// Pairing gives b/onboard.json this file too: the job linted
		// ahead in b, without it, is not the one pairing gives.
		"c/extra.parameters.json": `{"metadata": {"template": "../b/onboard.json"}, "parameters": {"managedByTenantId": {"value": "7b1f3c2e-5d4a-4f6b-9c8d-1e2f3a4b5c6d"}}}`,
	})
	t.Chdir(dir)
	o, _, err := parseFlags(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var linted []string
	ahead, plain, l := lintTwice(t, []string{"."}, o, func(l *linter) {
		for id := range l.ahead.done {
			linted = append(linted, id)
		}
	})
	slices.Sort(linted)
	// By their keys: the template, or the parameters file alone.
	want := []string{filepath.Join("a", "onboard.json"), filepath.Join("b", "onboard.json"), filepath.Join("c", "extra.parameters.json")}
	if !reflect.DeepEqual(linted, want) {
		t.Errorf("linted ahead %q, want %q", linted, want)
	}
	var left []string
	for id := range l.ahead.done {
		left = append(left, id)
	}
	slices.Sort(left)
	if dropped := want[1:]; !reflect.DeepEqual(left, dropped) {
		t.Errorf("after the run, the outcomes of %q are left, want %q: the other taken", left, dropped)
	}
	if !reflect.DeepEqual(ahead, plain) {
		t.Errorf("linting ahead found\n%+v\nwithout\n%+v", ahead, plain)
	}
}

func TestLintAheadByFolder(t *testing.T) {
	dir := t.TempDir()
	tree := map[string]string{
		// The walk lists a/m between the files of a: they are linted
		// ahead together all the same.
		"a/b.json":             minimalTemplate,
		"a/m/c.json":           minimalTemplate,
		"a/zz.parameters.json": `{"metadata": {"template": "./b.json"}, "parameters": {"x": {"value": 1}}}`,
	}
	for i := range maxAheadFiles + 1 { // too many to lint ahead
		tree[fmt.Sprintf("large/t%d.json", i)] = minimalTemplate
	}
	// Too much to lint ahead: classified all the same.
	tree["heavy/onboard.json"] = minimalTemplate
	tree["heavy/data.json"] = `{"data": "` + strings.Repeat("x", maxAheadBytes) + `"}`
	writeTree(t, dir, tree)
	t.Chdir(dir)
	o, _, err := parseFlags(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ahead, plain, l := lintTwice(t, []string{"."}, o, func(l *linter) {
		var got []job
		for _, linted := range l.ahead.done {
			got = append(got, linted.job)
		}
		slices.SortFunc(got, func(a, b job) int { return strings.Compare(a.template, b.template) })
		want := []job{
			{template: filepath.Join("a", "b.json"), params: []string{filepath.Join("a", "zz.parameters.json")}},
			{template: filepath.Join("a", "m", "c.json")},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("linted ahead %q, want %q", got, want)
		}
	})
	if len(l.ahead.done) != 0 {
		t.Errorf("%d jobs linted ahead are left", len(l.ahead.done))
	}
	if !reflect.DeepEqual(ahead, plain) {
		t.Errorf("linting ahead found\n%+v\nwithout\n%+v", ahead, plain)
	}
}

// panicking parses like its front-end, and panics parsing an empty file.
type panicking struct{ frontend.FrontEnd }

func (p panicking) ParseClassify(fset *token.FileSet, name string, content []byte) (frontend.File, frontend.Info) {
	if len(content) == 0 {
		panic("empty")
	}
	return p.FrontEnd.(frontend.ParseClassifier).ParseClassify(fset, name, content)
}

func TestParseClassifyPanics(t *testing.T) {
	fe := panicking{frontends.For("main.json")}
	fset := token.NewFileSet()
	if parsed, info := parseClassify(fset, "main.json", fe, []byte(minimalTemplate)); parsed == nil || info.Kind != frontend.Template {
		t.Errorf("a template: parsed %v, %+v", parsed, info)
	}
	if parsed, info := parseClassify(fset, "empty.json", fe, nil); parsed != nil || !reflect.DeepEqual(info, fe.Classify(nil)) {
		t.Errorf("a parse that panics: parsed %v, %+v, want nil and Classify's %+v", parsed, info, fe.Classify(nil))
	}
}
