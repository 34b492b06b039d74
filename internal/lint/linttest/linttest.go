// Package linttest runs one rule over its fixtures in testdata/rules and
// compares what it reports with golden files of lhlint's pretty output.
package linttest

import (
	"bytes"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
	"github.com/lhlint/lhlint/internal/golden"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/principals"
	"github.com/lhlint/lhlint/internal/report"
	"github.com/lhlint/lhlint/internal/source"
	"github.com/lhlint/lhlint/roles"
)

// CustomerTenant is the tenant every case is linted for, as if lhlint were
// run with --customer-tenant CustomerTenant.
const CustomerTenant = "7d1c0e2f-3a4b-4c5d-8e6f-9a0b1c2d3e4f"

// PrincipalsFile is the directory export the cases of a rule's folder are
// linted with, as if lhlint were run with --principals, when the folder
// has one.
const PrincipalsFile = "principals.json"

// frontEnd returns the front-end that reads a fixture, as the command
// line picks it.
func frontEnd(path string) frontend.FrontEnd { return frontends.For(path) }

// templateExts are the extensions of the templates of cases, each with the
// extensions of its case's parameters file, first found first.
var templateExts = []struct {
	ext    string
	params []string
}{
	{".json", []string{".parameters.json"}},
	{".bicep", []string{".bicepparam", ".parameters.json"}},
}

// Case is one fixture of a rule: bad_* and example.* must report the
// rule, ok_* must not. A case's parameters file, when it has one, is
// <case>.parameters.json, or <case>.bicepparam for a .bicep case. When
// <case>.json and <case>.bicep both exist, they are the same deployment
// written in two languages, and must report the same findings of every
// rule, by rule and message, each at its own position (twinFindings).
//
// Some cases are about ARM JSON only, and have no .bicep twin: those of
// missing_depends_on (Bicep writes dependsOn itself from the references
// between resources), the syntax and suppression cases about JSON text
// (its comments, its strings, the metadata of a resource), the schema
// cases about the members of the ARM template itself (its outputs, its
// parameter declarations, its nested deployments), which the Bicep
// compiler writes, and a message that names ARM's reference(). Bicep's
// own syntax errors and unknowns are cases of their own, without a JSON
// twin.
type Case struct {
	Name     string // the template file name, such as bad_owner_by_guid.json
	Dir      string
	Template string
	Params   string // "" when the case has no parameters file
}

// Cases returns the cases in dir, sorted by name.
func Cases(dir string) ([]Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var cases []Case
	for _, e := range entries {
		name := e.Name()
		if name == PrincipalsFile || strings.HasSuffix(name, ".parameters.json") || strings.Contains(name, ".fixed.") {
			continue
		}
		for _, t := range templateExts {
			if !strings.HasSuffix(name, t.ext) {
				continue
			}
			c := Case{Name: name, Dir: dir, Template: filepath.Join(dir, name)}
			for _, ext := range t.params {
				if p := strings.TrimSuffix(c.Template, t.ext) + ext; exists(p) {
					c.Params = p
					break
				}
			}
			cases = append(cases, c)
		}
	}
	return cases, nil
}

// Bad reports whether the case must report its rule.
func (c Case) Bad() bool { return strings.HasPrefix(c.Name, "bad_") || c.Stem() == "example" }

// Golden returns the path of the case's golden file.
func (c Case) Golden() string { return c.Template + ".golden" }

// Stem returns the case's name without its extension, which its twin in
// the other language shares.
func (c Case) Stem() string { return strings.TrimSuffix(c.Name, filepath.Ext(c.Name)) }

// FixedName returns the name of the file holding name with every fix
// applied: x.fixed.json for x.json, x.parameters.fixed.json for
// x.parameters.json, x.fixed.bicep for x.bicep.
func FixedName(name string) string {
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + ".fixed" + ext
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Lint runs every rule of all over a case, as lhlint does, so that
// suppressions apply, with the case folder's directory export when it has
// one, and returns the findings of rule, resolved with file names as paths,
// and the sources they refer to.
func Lint(t *testing.T, rule *lint.Rule, all []*lint.Rule, c Case) ([]report.Finding, map[string]*source.File) {
	t.Helper()
	found, sources := run(t, rule, all, c, inventory(t, c.Dir))
	return only(rule, found), sources
}

// LintWithoutPrincipals is Lint as if the user gave no directory export.
func LintWithoutPrincipals(t *testing.T, rule *lint.Rule, all []*lint.Rule, c Case) []report.Finding {
	t.Helper()
	found, _ := run(t, rule, all, c, nil)
	return only(rule, found)
}

// only returns the findings of rule.
func only(rule *lint.Rule, found []report.Finding) []report.Finding {
	var out []report.Finding
	for _, f := range found {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func run(t *testing.T, rule *lint.Rule, all []*lint.Rule, c Case, inv *principals.Inventory) ([]report.Finding, map[string]*source.File) {
	t.Helper()
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	sources := map[string]*source.File{}
	byTok := map[*token.File]*source.File{}
	parse := func(path string) frontend.File {
		content, err := os.ReadFile(filepath.Join(dir, filepath.Base(path)))
		if err != nil {
			t.Fatal(err)
		}
		f := frontEnd(path).Parse(fset, filepath.Base(path), content)
		src := f.Source()
		sources[src.Name], byTok[src.Tok] = src, src
		return f
	}
	tmpl := parse(c.Template)
	var params frontend.File
	if c.Params != "" {
		params = parse(c.Params)
	}
	// A Bicep template reads its local modules relative to its own name,
	// which is the case's file name: load it from the case's folder.
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	d := frontEnd(c.Template).Load(tmpl, params)
	if err := os.Chdir(wd); err != nil {
		t.Fatal(err)
	}
	opts := lint.Options{Roles: roles.Builtin(), CustomerTenant: CustomerTenant, Principals: inv}
	found, err := lint.Run(fset, []*model.Deployment{d}, all, opts)
	if err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	// Findings in a module the template read resolve to the module,
	// named relative to the case's folder.
	for _, src := range tmpl.Loaded() {
		sources[src.Name], byTok[src.Tok] = src, src
	}
	fileOf := func(p token.Pos) *source.File { return byTok[fset.File(p)] }
	var out []report.Finding
	for _, f := range found {
		if f.Rule.Name == "syntax" && rule.Name != "syntax" && !strings.Contains(c.Name, "malformed") {
			// A case that does not parse would pass as ok without showing
			// anything, unless it is about malformed files.
			t.Errorf("%s: %s", c.Name, f.Message)
		}
		out = append(out, report.Resolve(f, fileOf, nil))
	}
	return out, sources
}

// inventory reads dir's principals file, nil when it has none.
func inventory(t *testing.T, dir string) *principals.Inventory {
	t.Helper()
	content, err := os.ReadFile(filepath.Join(dir, PrincipalsFile))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	inv := principals.New()
	if err := inv.Parse(PrincipalsFile, content); err != nil {
		t.Fatal(err)
	}
	return inv
}

// Run checks every case of rule in dir, linted with every rule of all: the
// pretty output of bad cases and the example against their golden files,
// no finding for ok cases, the files with every fix applied against their
// FixedName, and the same findings, by rule and message, for the two
// languages of a case written in both. With -update it rewrites the golden
// and fixed files instead.
func Run(t *testing.T, dir string, rule *lint.Rule, all []*lint.Rule) {
	cases, err := Cases(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string][]string{} // twinFindings by stem, of the case seen first
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			found, sources := run(t, rule, all, c, inventory(t, c.Dir))
			findings := only(rule, found)
			mine := twinFindings(found, c)
			if twin, ok := seen[c.Stem()]; ok {
				if !slices.Equal(mine, twin) {
					t.Errorf("%s reports\n\t%s\nwhile its twin in the other language reports\n\t%s",
						c.Name, strings.Join(mine, "\n\t"), strings.Join(twin, "\n\t"))
				}
			} else {
				seen[c.Stem()] = mine
			}
			if !c.Bad() {
				if len(findings) > 0 {
					t.Errorf("%s must not report %s, but it reports %q", c.Name, rule.Name, findings[0].Message)
				}
				return
			}
			if len(findings) == 0 {
				t.Errorf("%s must report %s, but it reports nothing", c.Name, rule.Name)
			}
			var got bytes.Buffer
			if err := report.Write(&got, "pretty", findings, report.Options{}); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, c.Golden(), got.Bytes())
			fixed := applyFixes(findings, sources)
			for name, content := range fixed {
				golden.Check(t, filepath.Join(c.Dir, FixedName(name)), content)
			}
			if len(fixed) > 0 {
				checkFixed(t, rule, all, c, findings, fixed)
			}
		})
	}
}

// checkFixed lints the case with its fixes applied, in a copy of its
// folder: the rule must report only what had no fix.
func checkFixed(t *testing.T, rule *lint.Rule, all []*lint.Rule, c Case, findings []report.Finding, fixed map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(c.Dir)); err != nil {
		t.Fatal(err)
	}
	for name, content := range fixed {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var want, got []string
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			want = append(want, f.Message)
		}
	}
	c.Dir, c.Template = dir, filepath.Join(dir, c.Name)
	if c.Params != "" {
		c.Params = filepath.Join(dir, filepath.Base(c.Params))
	}
	left, _ := run(t, rule, all, c, inventory(t, dir))
	for _, f := range only(rule, left) {
		got = append(got, f.Message)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s with its fixes applied reports %s:\n\t%s\nwant only the findings without a fix:\n\t%s",
			c.Name, rule.Name, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// jsonOnly are the rules whose findings are about ARM JSON's own syntax,
// which the Bicep twin of a case does not share.
var jsonOnly = map[string]bool{"missing_depends_on": true}

// twinFindings returns what the two languages of one case must agree on,
// each at its own position: the rule and message of the findings of every
// rule but those of jsonOnly, sorted. The case's file names are left out
// of messages, and so is the reason an unresolved_value finding gives,
// which names the language's way of reading a value at deployment time
// (reference() in ARM, a resource's properties in Bicep).
func twinFindings(found []report.Finding, c Case) []string {
	out := make([]string, 0, len(found))
	for _, f := range found {
		if jsonOnly[f.Rule.Name] {
			continue
		}
		m := f.Message
		if c.Params != "" {
			m = strings.ReplaceAll(m, filepath.Base(c.Params), "<parameters>")
		}
		m = strings.ReplaceAll(m, c.Name, "<template>")
		if f.Rule.Name == "unresolved_value" {
			m, _, _ = strings.Cut(m, " (")
		}
		out = append(out, f.Rule.Name+": "+m)
	}
	slices.Sort(out)
	return out
}

// applyFixes applies every edit of every fix, back to front, and returns
// the edited files by name.
func applyFixes(findings []report.Finding, sources map[string]*source.File) map[string][]byte {
	edits := map[string][]report.Edit{}
	for _, f := range findings {
		for _, fix := range f.Fixes {
			for _, e := range fix.Edits {
				edits[e.Path] = append(edits[e.Path], e)
			}
		}
	}
	fixed := map[string][]byte{}
	for name, es := range edits {
		slices.SortFunc(es, func(a, b report.Edit) int { return b.Start.Offset - a.Start.Offset })
		content := slices.Clone(sources[name].Content)
		for _, e := range es {
			content = slices.Concat(content[:e.Start.Offset], []byte(e.NewText), content[e.End.Offset:])
		}
		fixed[name] = content
	}
	return fixed
}
