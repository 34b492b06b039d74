package rules

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/lint/linttest"
)

func testdata(rule *lint.Rule) string { return filepath.Join("..", "testdata", "rules", rule.Name) }

// TestRules runs every rule over its fixtures.
func TestRules(t *testing.T) {
	for _, r := range All {
		t.Run(r.Name, func(t *testing.T) { linttest.Run(t, testdata(r), r, All) })
	}
}

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// TestCatalog checks what every rule's metadata must be: a snake_case name,
// a short title, a doc with a fix.
func TestCatalog(t *testing.T) {
	if !slices.IsSortedFunc(All, func(a, b *lint.Rule) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("All is not sorted by name")
	}
	seen := map[string]bool{}
	for _, r := range All {
		if seen[r.Name] {
			t.Errorf("rule %s is in All twice", r.Name)
		}
		seen[r.Name] = true
		if !snakeCase.MatchString(r.Name) {
			t.Errorf("rule name %q is not snake_case", r.Name)
		}
		if _, err := os.Stat(r.Name + ".go"); err != nil {
			t.Errorf("rule %s: rules/%s.go does not exist", r.Name, r.Name)
		}
		if r.Severity == lint.Off || r.Run == nil {
			t.Errorf("rule %s has no severity or no Run", r.Name)
		}
		title := []rune(r.Title)
		if len(title) == 0 || len(title) > 60 || !unicode.IsUpper(title[0]) || strings.HasSuffix(r.Title, ".") {
			t.Errorf("rule %s: title %q must be sentence case, at most 60 characters, without a final period", r.Name, r.Title)
		}
		if !strings.Contains(r.Doc, "\nFix: ") || !strings.Contains(r.Doc, "https://learn.microsoft.com/") {
			t.Errorf("rule %s: Doc must have a \"Fix:\" paragraph and a link to Microsoft's documentation", r.Name)
		}
	}
}

// TestFixtures checks that every rule has bad and ok cases and an example,
// and that every golden file, of JSON and of Bicep cases, has the rule's
// findings in lhlint's words.
func TestFixtures(t *testing.T) {
	for _, r := range All {
		cases, err := linttest.Cases(testdata(r))
		if err != nil {
			t.Errorf("rule %s: %v", r.Name, err)
			continue
		}
		var bad, ok, example bool
		for _, c := range cases {
			bad = bad || strings.HasPrefix(c.Name, "bad_")
			ok = ok || strings.HasPrefix(c.Name, "ok_")
			example = example || c.Name == "example.json"
			if c.Bad() {
				checkGolden(t, r, c.Golden())
			}
		}
		if !bad || !ok || !example {
			t.Errorf("rule %s needs at least one bad_ case, one ok_ case and example.json", r.Name)
		}
	}
}

// header matches the first line of a finding in pretty output.
var header = regexp.MustCompile(`^\S+:\d+:\d+: (.*) \[([a-z_]+)\]$`)

func checkGolden(t *testing.T, r *lint.Rule, path string) {
	f, err := os.Open(path)
	if err != nil {
		return // TestRules reports missing golden files
	}
	defer f.Close()
	n := 0
	for s := bufio.NewScanner(f); s.Scan(); {
		m := header.FindStringSubmatch(s.Text())
		if m == nil {
			continue
		}
		n++
		msg := []rune(m[1])
		if m[2] != r.Name {
			t.Errorf("%s: finding of rule %s in a golden file of %s", path, m[2], r.Name)
		}
		if unicode.IsUpper(msg[0]) || strings.HasSuffix(m[1], ".") {
			t.Errorf("%s: message %q must start lower-case and have no final period", path, m[1])
		}
	}
	if n == 0 {
		t.Errorf("%s has no finding", path)
	}
}

// TestNoStrayFiles checks that every golden and fixed file belongs to a
// case that reports its rule, so none is left behind when a case changes.
func TestNoStrayFiles(t *testing.T) {
	for _, r := range All {
		cases, err := linttest.Cases(testdata(r))
		if err != nil {
			continue
		}
		bad := map[string]bool{}
		for _, c := range cases {
			if c.Bad() {
				bad[c.Name] = true
				bad[c.Stem()] = true
			}
		}
		files, _ := filepath.Glob(filepath.Join(testdata(r), "*"))
		for _, f := range files {
			name := filepath.Base(f)
			var stem string
			switch {
			case strings.HasSuffix(name, ".golden"):
				stem = strings.TrimSuffix(name, ".golden") // the case's file name
			case strings.Contains(name, ".fixed."):
				stem = strings.TrimSuffix(strings.TrimSuffix(name[:strings.Index(name, ".fixed.")], ".parameters"), ".bicepparam")
			default:
				continue
			}
			if !bad[stem] {
				t.Errorf("%s belongs to no bad_ case or example", f)
			}
		}
	}
}

// TestInventoryRulesNeedPrincipals checks that the rules whose fixtures come
// with a directory export say nothing without one.
func TestInventoryRulesNeedPrincipals(t *testing.T) {
	n := 0
	for _, r := range All {
		if _, err := os.Stat(filepath.Join(testdata(r), linttest.PrincipalsFile)); err != nil {
			continue
		}
		n++
		cases, _ := linttest.Cases(testdata(r))
		for _, c := range cases {
			if found := linttest.LintWithoutPrincipals(t, r, All, c); c.Bad() && len(found) > 0 {
				t.Errorf("%s/%s reports %q without --principals", r.Name, c.Name, found[0].Message)
			}
		}
	}
	if n != 5 {
		t.Errorf("%d rules have a directory export in their fixtures, want the 5 inventory rules", n)
	}
}

// TestREADMEListsRules keeps the README's rule table in step with All.
func TestREADMEListsRules(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range All {
		row := "| `" + r.Name + "` | " + r.Severity.String() + " | " + r.Title + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md lacks the row %s", row)
		}
	}
}
