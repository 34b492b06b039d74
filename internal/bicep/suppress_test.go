package bicep

import (
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/rules"
)

// lintFixture loads a fixture of testdata/load (with its parameters file,
// "" for none) through the front-end and runs every rule on it; it
// returns the findings as "file:line:col: rule: message", sorted.
func lintFixture(t *testing.T, template, params string) []string {
	t.Helper()
	fset := token.NewFileSet()
	var p frontend.File
	if params != "" {
		p = fixture(t, fset, params)
	}
	d := FrontEnd{}.Load(fixture(t, fset, template), p)
	if len(d.Definitions) == 0 || len(d.Suppressions) == 0 {
		t.Errorf("%s gives %d definitions and %d suppressions, want some of each", template, len(d.Definitions), len(d.Suppressions))
	}
	found, err := lintDeployment(fset, d, rules.All)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range found {
		if f.Rule == rules.UnresolvedValue {
			continue // off unless --verbose
		}
		out = append(out, at(fset, f.Pos)+": "+f.Rule.Name+": "+f.Message)
	}
	slices.Sort(out)
	return out
}

// TestSuppressedOwnerIsSilent grants Owner with each form of suppression:
// a comment above the property, a comment after the value, Bicep's pragma
// naming Bicep codes too, and a comment in the .bicepparam file above the
// item that grants it. Nothing is reported: owner_role is silenced, and
// the suppression, which silences something and gives its reason, is
// fine.
func TestSuppressedOwnerIsSilent(t *testing.T) {
	for _, c := range []struct{ template, params string }{
		{"suppress/comment.bicep", ""},
		{"suppress/endofline.bicep", ""},
		{"suppress/pragma.bicep", ""},
		{"suppress/module.bicep", ""},
		{"suppress/params.bicep", "suppress/params.bicepparam"},
	} {
		if got := lintFixture(t, c.template, c.params); len(got) != 0 {
			t.Errorf("%s reports\n%s\nwant nothing", c.template, strings.Join(got, "\n"))
		}
	}
	// Without the suppression, owner_role reports.
	fset := token.NewFileSet()
	src := strings.Replace(readFixture(t, "suppress/comment.bicep"), "lhlint-ignore", "ignore", 1)
	d := FrontEnd{}.Load(FrontEnd{}.Parse(fset, "comment.bicep", []byte(src)), nil)
	found, err := lintDeployment(fset, d, []*lint.Rule{rules.OwnerRole})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 {
		t.Errorf("without the suppression owner_role reports %d findings, want 1", len(found))
	}
}

// TestSuppressionsAreAudited checks that the suppression rule reports the
// suppressions of a Bicep file as those of an ARM file: one that names no
// rule, one that names no existing rule, one without a reason, one that
// silences nothing. Bicep's own codes in a pragma are not reported.
func TestSuppressionsAreAudited(t *testing.T) {
	got := lintFixture(t, "suppress/bad.bicep", "")
	want := []string{
		`bad.bicep:10:74: suppression: lhlint-ignore names "not_a_rule", which is not a rule; 'lhlint rules' lists them`,
		`bad.bicep:14:9: suppression: #disable-next-line of owner_role silences nothing; remove it`,
		`bad.bicep:17:9: suppression: lhlint-ignore of role_id_not_guid gives no reason; add one after " -- "`,
		`bad.bicep:17:9: suppression: lhlint-ignore of role_id_not_guid silences nothing; remove it`,
		`bad.bicep:18:27: owner_role: authorization for "Wingtip Admins" grants Owner, which Azure Lighthouse cannot delegate`,
		`bad.bicep:6:1: suppression: lhlint-ignore names no rule; write lhlint-ignore: rule -- reason`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reports\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	fset := token.NewFileSet()
	return string(fixture(t, fset, name).Source().Content)
}

// TestRuleNamesAreNotBicepCodes checks that a pragma can name every lhlint
// rule: none is shaped like a Bicep diagnostic code, which the front-end
// leaves to the compiler.
func TestRuleNamesAreNotBicepCodes(t *testing.T) {
	for _, r := range rules.All {
		if isBicepCode(r.Name) {
			t.Errorf("rule %s would be taken for a Bicep code in #disable-next-line", r.Name)
		}
	}
	for _, code := range []string{"BCP081", "bcp037", "no-unused-params", "use-recent-api-versions", "NoHardcodedLocation"} {
		if !isBicepCode(code) {
			t.Errorf("%s is not taken for a Bicep code", code)
		}
	}
}

// TestSuppressionCovers checks what each form of suppression covers, as
// the text of the file it covers.
func TestSuppressionCovers(t *testing.T) {
	for _, c := range []struct {
		name, src string
		params    bool
		want      []string // per suppression: rules | reason | covered text
	}{
		{"comment above a decorated declaration covers it whole", "// lhlint-ignore: a -- r\n@description('x')\nparam p object = {\n  k: 1\n}\nvar v = 2\n", false,
			[]string{"a|r|@description('x')\nparam p object = {\n  k: 1\n}"}},
		{"comment after code covers its line through what starts there", "var v = [ // lhlint-ignore: a, b -- r\n  1\n]\nvar w = 3\n", false,
			[]string{"a,b|r|var v = [ // lhlint-ignore: a, b -- r\n  1\n]"}},
		{"comment above an array item covers the item", "var v = [\n  /* lhlint-ignore: a -- r */\n\n  {\n    k: 1\n  }\n  2\n]\n", false,
			[]string{"a|r|  {\n    k: 1\n  }"}},
		{"pragma covers exactly the next line", "var v = {\n  #disable-next-line a BCP081 no-unused-vars // -- r\n  k: {\n    j: 1\n  }\n}\n", false,
			[]string{"a|r|  k: {"}},
		{"pragma with a reason after --", "#disable-next-line a -- r\r\nvar v = 1\r\n", false,
			[]string{"a|r|var v = 1"}},
		{"pragma of Bicep codes only is none", "#disable-next-line no-unused-vars BCP081\nvar v = 1\n", false, nil},
		{"disable-diagnostics covers up to its restore", "#disable-diagnostics a\nvar v = 1\nvar w = 2\n#restore-diagnostics a\nvar x = 3\n", false,
			[]string{"a||var v = 1\nvar w = 2\n"}},
		{"in a .bicepparam file", "using './main.bicep'\n\n#disable-next-line a // r\nparam p = 'x'\n// lhlint-ignore: b -- s\nparam q = [\n  1\n]\n", true,
			[]string{"a|r|param p = 'x'", "b|s|param q = [\n  1\n]"}},
		{"comment at the end of the file covers nothing", "var v = 1\n// lhlint-ignore: a -- r", false, []string{"a|r|"}},
	} {
		fset := token.NewFileSet()
		f := parseFile(fset, "x.bicep", []byte(c.src), c.params)
		var got []string
		for _, s := range suppressionsOf(f) {
			var names []string
			for _, n := range s.Rules {
				names = append(names, n.Name)
			}
			covered := string(f.Content[f.Offset(s.Covers.Pos()):f.Offset(s.Covers.End())])
			got = append(got, strings.Join(names, ",")+"|"+s.Reason+"|"+covered)
		}
		if strings.Join(got, "\n~\n") != strings.Join(c.want, "\n~\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, strings.Join(got, "\n~\n"), strings.Join(c.want, "\n~\n"))
		}
	}
}
