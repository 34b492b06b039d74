package bicep

import (
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/arm"
	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/rules"
)

// withJSON is the front-end as internal/frontends builds it: it reads a
// local ARM JSON module with the ARM front-end.
var withJSON = FrontEnd{Modules: func(string) frontend.FrontEnd { return arm.FrontEnd{} }}

// TestLoadJSONModule deploys a local ARM JSON module with the params the
// Bicep module passes, to the scope it names: a finding on a value the
// JSON writes lands in the JSON file; one on a value the .bicepparam file
// gives lands there, through the Bicep module param and the JSON
// expression that reads it.
func TestLoadJSONModule(t *testing.T) {
	fset := token.NewFileSet()
	tmpl := withJSON.Parse(fset, filepath.Join(loadDir, "jsonmod/main.bicep"), mustRead(t, "jsonmod/main.bicep"))
	params := withJSON.Parse(fset, filepath.Join(loadDir, "jsonmod/main.bicepparam"), mustRead(t, "jsonmod/main.bicepparam"))
	d := withJSON.Load(tmpl, params)
	for _, p := range d.Problems {
		t.Errorf("%s: %s", at(fset, p.Pos()), p.Message)
	}
	if len(d.Definitions) != 1 || len(d.Assignments) != 1 || len(d.Deployments) != 1 {
		t.Fatalf("got %d definitions, %d assignments, %d deployments, want 1 of each", len(d.Definitions), len(d.Assignments), len(d.Deployments))
	}
	nd := d.Deployments[0]
	if d.Definitions[0].Deployment != nd || d.Assignments[0].Deployment != nd {
		t.Errorf("the registration resources are not in the module's nested deployment")
	}
	if got, want := at(fset, d.Assignments[0].Scope.Pos()), "main.bicep:8:10"; got != want || d.Assignments[0].Scope.Kind != model.ScopeSubscription {
		t.Errorf("the module deploys to %v decided at %s, want a subscription at %s", d.Assignments[0].Scope.Kind, got, want)
	}
	if got, want := d.Definitions[0].OfferName.Text(), "Fabrikam managed operations"; got != want {
		t.Errorf("offer name %q, want %q from the Bicep default", got, want)
	}
	if got, want := at(fset, d.Definitions[0].OfferName.Pos()), "main.bicep:3:29"; got != want {
		t.Errorf("offer name at %s, want %s", got, want)
	}
	var loaded []string
	for _, f := range tmpl.Loaded() {
		loaded = append(loaded, filepath.Base(f.Name))
	}
	if !slices.Equal(loaded, []string{"onboard.json"}) {
		t.Errorf("loaded %q, want the JSON module", loaded)
	}

	found, err := lintDeployment(fset, d, rules.All)
	if err != nil {
		t.Fatal(err)
	}
	var owner []string
	for _, f := range found {
		t.Logf("%s: %s [%s]", at(fset, f.Pos), f.Message, f.Rule.Name)
		if f.Rule != rules.OwnerRole {
			continue
		}
		line := at(fset, f.Pos) + ": " + f.Message
		for _, r := range f.Related {
			line += "; " + at(fset, r.Pos) + ": " + r.Message
		}
		owner = append(owner, line)
	}
	slices.Sort(owner)
	want := []string{
		`main.bicepparam:3:21: authorization for "Fabrikam Admins" grants Owner, which Azure Lighthouse cannot delegate; onboard.json:26:35: value flows through this expression; main.bicep:11:18: value flows through this expression`,
		`onboard.json:21:33: authorization for "Fabrikam Owners" grants Owner, which Azure Lighthouse cannot delegate`,
	}
	if !slices.Equal(owner, want) {
		t.Errorf("owner_role reports\n%s\nwant\n%s", strings.Join(owner, "\n"), strings.Join(want, "\n"))
	}
}

// TestLoadJSONModuleUnread keeps a local ARM JSON module unread without a
// front-end for it, as Load does: the deployment has no registration
// resources, and no problem, since the file exists.
func TestLoadJSONModuleUnread(t *testing.T) {
	fset := token.NewFileSet()
	d := FrontEnd{}.Load(FrontEnd{}.Parse(fset, filepath.Join(loadDir, "jsonmod/main.bicep"), mustRead(t, "jsonmod/main.bicep")), nil)
	if len(d.Problems) != 0 || len(d.Definitions) != 0 {
		t.Errorf("got %d problems and %d definitions, want none", len(d.Problems), len(d.Definitions))
	}
}

// TestClassifyJSONModule lists a local ARM JSON module among the modules
// discovery follows.
func TestClassifyJSONModule(t *testing.T) {
	info := Classify(mustRead(t, "jsonmod/main.bicep"))
	if !slices.Equal(info.Modules, []string{"onboard.json"}) || info.Onboarding {
		t.Errorf("modules %q, onboarding %v; want onboard.json, false until discovery reads it", info.Modules, info.Onboarding)
	}
}

// mustRead reads a file of the load fixtures.
func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	content, err := os.ReadFile(filepath.Join(loadDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return content
}
