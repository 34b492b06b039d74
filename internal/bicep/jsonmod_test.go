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
// TestResourceTypeAsModuleWithJSONModules checks that a module path that is
// a resource type is not taken for a JSON module when JSON modules are
// read, as on the command line: it still cannot be read, with the hint.
func TestResourceTypeAsModuleWithJSONModules(t *testing.T) {
	d, fset := loadFilesWith(t, withJSON, map[string]string{
		"main.bicep": "targetScope = 'subscription'\nmodule m 'Microsoft.Example/widgets@2024-01-01' = {\n  name: 'm'\n}\n",
	})
	want := `main.bicep:2:10: module "Microsoft.Example/widgets@2024-01-01" cannot be read: no such file or directory; a resource type is declared with "resource", not "module"`
	if got := problems(fset, d); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

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

// TestLoadJSONModuleLoopAtResourceGroups deploys a loop of a JSON module to
// the resource groups it names: each instance is a nested deployment at
// its resource group, whose assignment sees the value its instance passes,
// and a fix in the JSON file is written as JSON.
func TestLoadJSONModuleLoopAtResourceGroups(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.bicep": `targetScope = 'subscription'

param groups array = ['rg-a', 'rg-b']

module assign 'assign.json' = [for g in groups: {
  name: 'assign-${g}'
  scope: resourceGroup(g)
  params: {
    definitionId: '/subscriptions/x/providers/Microsoft.ManagedServices/registrationDefinitions/${g}'
  }
}]
`,
		"assign.json": `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "definitionId": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.ManagedServices/registrationAssignments",
      "apiVersion": "2022-10-01",
      "name": "[guid(parameters('definitionId'), resourceGroup().name)]",
      "properties": { "registrationDefinitionId": "[parameters('definitionId')]" }
    }
  ]
}
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fset := token.NewFileSet()
	d := withJSON.Load(withJSON.Parse(fset, filepath.Join(dir, "main.bicep"), []byte(files["main.bicep"])), nil)
	for _, p := range d.Problems {
		t.Errorf("%s: %s", at(fset, p.Pos()), p.Message)
	}
	if len(d.Assignments) != 2 || len(d.Deployments) != 2 {
		t.Fatalf("got %d assignments in %d deployments, want 2 in 2", len(d.Assignments), len(d.Deployments))
	}
	for i, g := range []string{"rg-a", "rg-b"} {
		a := d.Assignments[i]
		if a.Scope.Kind != model.ScopeResourceGroup || a.Scope.ResourceGroup.Text() != g || a.Deployment != d.Deployments[i] {
			t.Errorf("assignment %d deploys to %v %q, want resource group %q in its own deployment", i, a.Scope.Kind, a.Scope.ResourceGroup.Text(), g)
		}
		if got := a.RegistrationDefinitionID.Text(); !strings.HasSuffix(got, "/"+g) {
			t.Errorf("assignment %d names definition %q, want the one of %q", i, got, g)
		}
		if got, want := at(fset, a.Scope.Pos()), "main.bicep:7:10"; got != want {
			t.Errorf("assignment %d scope decided at %s, want %s", i, got, want)
		}
	}
	// A string the template would evaluate is escaped in the JSON file.
	fix, ok := d.Syntax.Literal(d.Assignments[0].Span.Pos(), model.StringValue("[x]", model.Span{}))
	if !ok || string(fix) != `"[[x]"` {
		t.Errorf("a fix in the JSON module is written %s, want %q", fix, `"[[x]"`)
	}
}

// TestJSONModulesShareTheBudget deploys a costly JSON module many times:
// its work is charged to the one budget of the Bicep deployment, so the
// later instances run out of it, as the same expression written in Bicep
// would, instead of each having a budget of its own.
func TestJSONModulesShareTheBudget(t *testing.T) {
	d, _ := loadFilesWith(t, withJSON, map[string]string{
		"main.bicep": `targetScope = 'subscription'
module onboard 'onboard.json' = [for i in range(0, 60): {
  name: 'onboard-${i}'
  params: {
    index: i
  }
}]
`,
		"onboard.json": `{
  "$schema": "https://schema.management.azure.com/schemas/2019-08-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"index": {"type": "int"}},
  "resources": [{
    "type": "Microsoft.ManagedServices/registrationDefinitions",
    "apiVersion": "2022-10-01",
    "name": "[guid(string(parameters('index')))]",
    "properties": {
      "registrationDefinitionName": "[format('Tailspin {0} {1}', parameters('index'), length(string(map(range(0, 5000), lambda('i', range(0, 10))))))]",
      "managedByTenantId": "2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21",
      "authorizations": []
    }
  }]
}`,
	})
	if len(d.Definitions) != 60 {
		t.Fatalf("got %d definitions, want 60", len(d.Definitions))
	}
	known := 0
	for _, def := range d.Definitions {
		if def.OfferName.Kind() == model.String {
			known++
		}
	}
	if known == 0 || known == 60 {
		t.Errorf("%d of 60 offer names are known; want the budget to run out part of the way", known)
	}
	last := d.Definitions[59].OfferName
	if want := "the expression is too costly to evaluate"; last.Reason() != want {
		t.Errorf("the last offer name is %s %q, want unknown for %q", last.Kind(), last.Reason(), want)
	}
}
