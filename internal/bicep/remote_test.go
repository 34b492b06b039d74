package bicep

import (
	"go/token"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/rules"
)

// lintOnly loads a fixture (with its parameters file, "" for none) and
// returns what the rules report, as lintFixture does, unresolved_value
// included.
func lintOnly(t *testing.T, template, params string, only ...*lint.Rule) ([]string, *model.Deployment, *token.FileSet) {
	t.Helper()
	fset := token.NewFileSet()
	var p frontend.File
	if params != "" {
		p = fixture(t, fset, params)
	}
	d := FrontEnd{}.Load(fixture(t, fset, template), p)
	for _, pr := range d.Problems {
		t.Errorf("%s: %s", at(fset, pr.Pos()), pr.Message)
	}
	found, err := lintDeployment(fset, d, only)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range found {
		line := at(fset, f.Pos) + ": " + f.Rule.Name + ": " + f.Message
		for _, r := range f.Related {
			line += "; " + at(fset, r.Pos)
		}
		out = append(out, line)
	}
	return out, d, fset
}

// TestAVMRegistrationModule lints templates that onboard through the
// public registry's AVM module: it is understood from its parameters, so
// owner_role reports at the caller's literal (in the template, or in the
// .bicepparam file, through the template's parameter), and the model is
// the definition and assignment the module writes.
func TestAVMRegistrationModule(t *testing.T) {
	got, d, fset := lintOnly(t, "avm/main.bicep", "", rules.All...)
	// What is known of the module does not say how it
	// names the assignment, so its name is unknown.
	want := `main.bicep:8:23: owner_role: authorization for "Fabrikam Operators" grants Owner, which Azure Lighthouse cannot delegate; main.bicep:23:21
main.bicep:17:21: unresolved_value: registration assignment name is not known before deployment (the AVM module names the registration assignment itself)`
	if strings.Join(got, "\n") != want {
		t.Errorf("reports\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if len(d.Definitions) != 1 || len(d.Assignments) != 1 || len(d.Deployments) != 1 {
		t.Fatalf("got %d definitions, %d assignments, %d deployments, want 1, 1, 1", len(d.Definitions), len(d.Assignments), len(d.Deployments))
	}
	def, a := d.Definitions[0], d.Assignments[0]
	if def.OfferName.Text() != "Fabrikam Managed Operations" || at(fset, def.OfferName.Pos()) != "main.bicep:20:11" {
		t.Errorf("offer %s at %s, want the caller's name at main.bicep:20:11", showValue(def.OfferName), at(fset, def.OfferName.Pos()))
	}
	if def.Scope.Kind != model.ScopeSubscription || a.Scope.Kind != model.ScopeSubscription {
		t.Errorf("definition at %s and assignment at %s, want both at the subscription", def.Scope.Kind, a.Scope.Kind)
	}
	if id, ok := model.DefinitionName(a.RegistrationDefinitionID.Text()); !ok || !strings.EqualFold(id, def.Name.Text()) {
		t.Errorf("the assignment assigns %s, not the definition %s", showValue(a.RegistrationDefinitionID), showValue(def.Name))
	}

	// At a resource group, with every value from the .bicepparam file.
	got, d, _ = lintOnly(t, "avm/rg.bicep", "avm/rg.bicepparam", rules.All...)
	want = `rg.bicepparam:9:23: owner_role: authorization for "Fabrikam Operators" grants Owner, which Azure Lighthouse cannot delegate; rg.bicep:13:21
rg.bicep:7:21: unresolved_value: registration assignment name is not known before deployment (the AVM module names the registration assignment itself)`
	if strings.Join(got, "\n") != want {
		t.Errorf("at a resource group, reports\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if len(d.Assignments) != 1 || len(d.Deployments) != 2 {
		t.Fatalf("got %d assignments and %d deployments, want 1 and 2", len(d.Assignments), len(d.Deployments))
	}
	a = d.Assignments[0]
	if a.Scope.Kind != model.ScopeResourceGroup || a.Scope.ResourceGroup.Text() != "rg-fabrikam-apps" {
		t.Errorf("assignment at %s %s, want the resource group rg-fabrikam-apps", a.Scope.Kind, showValue(a.Scope.ResourceGroup))
	}
	if def := d.Definitions[0]; def.Name.Text() == "" || def.Name.IsUnknown() {
		t.Errorf("the definition's name is %s, want the module's guid()", showValue(def.Name))
	}
}

// TestRemoteModuleIsUnknown checks that a module from a registry or a
// template spec, which lhlint does not fetch, is said to be unknown, with
// the reason, at its path.
func TestRemoteModuleIsUnknown(t *testing.T) {
	got, d, _ := lintOnly(t, "remote/main.bicep", "", rules.UnresolvedValue)
	want := []string{
		`main.bicep:3:19: unresolved_value: what the module deploys is not known before deployment (module "delegation" deploys the registry module br:contoso.azurecr.io/bicep/lighthouse/onboard:1.4.0, which lhlint does not fetch)`,
		`main.bicep:10:13: unresolved_value: what the module deploys is not known before deployment (module "spec" deploys the template spec ts:00000000-0000-0000-0000-000000000000/rg-specs/lighthouse:2.0, which lhlint does not fetch)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reports\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(d.Definitions)+len(d.Assignments) != 0 {
		t.Errorf("a module that is not read gives %d registration resources", len(d.Definitions)+len(d.Assignments))
	}
}

// TestAVMModuleIsItsResources compares the model built from the AVM
// module's parameters with the one built from the same resources written
// by hand (testdata/load/avm/registration.bicep), and what the rules
// report on each. What the module decides for itself and lhlint does not
// know (the API version, the assignment's name, the name of its nested
// deployment) and what the hand-written copy adds (its if conditions) are
// left out of the comparison.
func TestAVMModuleIsItsResources(t *testing.T) {
	unknowable := regexp.MustCompile(` (api|cond)=\S+`)
	named := regexp.MustCompile(` (name|in)=\S+`)
	normal := func(d *model.Deployment) string {
		var lines []string
		for _, line := range strings.Split(describe(d), "\n") {
			line = unknowable.ReplaceAllString(line, "")
			if strings.HasPrefix(line, "assignment") || strings.HasPrefix(line, "deployment") {
				line = named.ReplaceAllString(line, "")
			}
			lines = append(lines, line)
		}
		slices.Sort(lines)
		return strings.Join(lines, "\n")
	}
	for _, c := range []struct{ avm, equiv, params string }{
		{"avm/main.bicep", "avm/equiv.bicep", ""},
		{"avm/rg.bicep", "avm/rgequiv.bicep", "avm/rg.bicepparam"},
		{"avm/loop.bicep", "avm/loopequiv.bicep", ""},
	} {
		got, a, _ := lintOnly(t, c.avm, c.params, rules.All...)
		want, b, _ := lintOnly(t, c.equiv, c.params, rules.All...)
		if x, y := normal(a), normal(b); x != y {
			t.Errorf("%s gives the model\n%s\nwhile %s gives\n%s", c.avm, x, c.equiv, y)
		}
		messages := func(found []string) string {
			var out []string
			for _, f := range found {
				if !strings.Contains(f, ": unresolved_value: ") {
					_, msg, _ := strings.Cut(f, ": ")
					out = append(out, strings.Split(msg, "; ")[0])
				}
			}
			slices.Sort(out)
			return strings.Join(out, "\n")
		}
		if x, y := messages(got), messages(want); x != y {
			t.Errorf("%s reports\n%s\nwhile %s reports\n%s", c.avm, x, c.equiv, y)
		}
	}
}

// TestAVMModuleWithUnknownParams checks that parameters lhlint cannot know
// leave the definition unknown, not empty: no rule reports a property as
// missing when the module is given it.
func TestAVMModuleWithUnknownParams(t *testing.T) {
	src := "targetScope = 'subscription'\nparam onboarding object\nmodule r 'br/public:avm/res/managed-services/registration-definition:0.2.1' = {\n  name: 'r'\n  params: onboarding\n}\n"
	fset := token.NewFileSet()
	d := FrontEnd{}.Load(FrontEnd{}.Parse(fset, "main.bicep", []byte(src)), nil)
	found, err := lintDeployment(fset, d, rules.All)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		if f.Rule != rules.UnresolvedValue {
			t.Errorf("%s: %s [%s]", at(fset, f.Pos), f.Message, f.Rule.Name)
		}
	}
	if len(d.Definitions) != 1 || !d.Definitions[0].AuthorizationsValue.IsUnknown() || !d.Definitions[0].ManagedByTenantID.IsUnknown() {
		t.Errorf("the definition of a module given unknown parameters is not unknown: %s", describe(d))
	}
}
