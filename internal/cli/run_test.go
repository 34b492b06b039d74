package cli

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/lint"
)

// atSchema reports one finding per deployment at the template's $schema,
// and one naming the deployment's parameters file.
var atSchema = &lint.Rule{
	Name:     "at_schema",
	Severity: lint.Warning,
	Run: func(pass *lint.Pass) error {
		pass.ReportRangef(pass.Template.TargetScope.Span, "the same in every deployment")
		with := "its defaults"
		if pass.Template.ParametersFile != "" {
			with = filepath.Base(pass.Template.ParametersFile)
		}
		pass.ReportRangef(pass.Template.TargetScope.Span, "deployed with %s", with)
		return nil
	},
}

func testLinter(t *testing.T, rules ...*lint.Rule) (*linter, string) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a/onboard.json":                 minimalTemplate,
		"a/onboard.parameters.dev.json":  `{"parameters": {"x": {"value": 1}}}`,
		"a/onboard.parameters.prod.json": `{"parameters": {"x": {"value": 2}}}`,
		"b/onboard.json":                 minimalTemplate,
	})
	l := newLinter(&paths{wd: dir, root: dir})
	l.rules = rules
	return l, dir
}

func TestLinterDeduplicates(t *testing.T) {
	l, dir := testLinter(t, atSchema)
	jobs := []job{
		{template: filepath.Join(dir, "a", "onboard.json"), params: []string{
			filepath.Join(dir, "a", "onboard.parameters.dev.json"),
			filepath.Join(dir, "a", "onboard.parameters.prod.json"),
		}},
		{template: filepath.Join(dir, "b", "onboard.json")},
	}
	var got []string
	for _, f := range l.run(jobs, make([]lint.Options, len(jobs))) {
		got = append(got, f.Path+":"+f.Message)
	}
	want := []string{
		`a/onboard.json:deployed with onboard.parameters.dev.json`,
		`a/onboard.json:deployed with onboard.parameters.prod.json`,
		`a/onboard.json:the same in every deployment`,
		`b/onboard.json:deployed with its defaults`,
		`b/onboard.json:the same in every deployment`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	if len(l.errs)+len(l.internal) > 0 {
		t.Errorf("errs %q, internal %q", l.errs, l.internal)
	}
	if f := l.fset.File(1); f != nil {
		t.Errorf("file %s is still in the FileSet after its job", f.Name())
	}
}

func TestLinterInternalErrors(t *testing.T) {
	panics := &lint.Rule{Name: "panics", Severity: lint.Error, Run: func(*lint.Pass) error { panic("boom") }}
	fails := &lint.Rule{Name: "fails", Severity: lint.Error, Run: func(*lint.Pass) error { return errors.New("cannot work") }}
	for _, tt := range []struct {
		rule *lint.Rule
		want string
	}{
		{panics, "linting a/onboard.json: boom\ngoroutine "},
		{fails, "linting a/onboard.json: rule fails: cannot work"},
	} {
		l, dir := testLinter(t, tt.rule)
		l.run([]job{{template: filepath.Join(dir, "a", "onboard.json")}}, make([]lint.Options, 1))
		if len(l.internal) != 1 || !strings.HasPrefix(l.internal[0], tt.want) {
			t.Errorf("%s: internal errors %q, want one starting %q", tt.rule.Name, l.internal, tt.want)
		}
	}
}

func TestLinterUnreadable(t *testing.T) {
	l, dir := testLinter(t, atSchema)
	findings := l.run([]job{
		{template: filepath.Join(dir, "a", "onboard.json"), params: []string{filepath.Join(dir, "a", "gone.json")}},
		{template: filepath.Join(dir, "gone.json")},
	}, make([]lint.Options, 2))
	// A template whose only parameters file vanished is not linted with
	// its defaults instead: that would report the wrong values.
	if len(findings) != 0 {
		t.Errorf("findings %v", findings)
	}
	want := []string{"reading a/gone.json: no such file or directory", "reading gone.json: no such file or directory"}
	if got := append([]string(nil), l.errs...); !sameSet(got, want) {
		t.Errorf("errs %q, want %q", got, want)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}
