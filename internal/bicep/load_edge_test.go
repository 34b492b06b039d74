package bicep

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/rules"
)

// loadFiles writes files into a temporary folder and loads main.bicep
// from there, with main.bicepparam when it is one of them.
func loadFiles(t *testing.T, files map[string]string) (*model.Deployment, *token.FileSet) {
	t.Helper()
	return loadFilesWith(t, FrontEnd{}, files)
}

// loadFilesWith is loadFiles with the front-end fe.
func loadFilesWith(t *testing.T, fe FrontEnd, files map[string]string) (*model.Deployment, *token.FileSet) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fset := token.NewFileSet()
	parse := func(name string) frontend.File {
		path := filepath.Join(dir, name)
		return fe.Parse(fset, path, []byte(files[name]))
	}
	var params frontend.File
	if _, ok := files["main.bicepparam"]; ok {
		params = parse("main.bicepparam")
	}
	return fe.Load(parse("main.bicep"), params), fset
}

func problems(fset *token.FileSet, d *model.Deployment) string {
	var out []string
	for _, p := range d.Problems {
		out = append(out, at(fset, p.Pos())+": "+p.Message)
	}
	return strings.Join(out, "\n")
}

const assignmentModule = `param definitionId string
resource a 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid(definitionId, resourceGroup().id)
  properties: {
    registrationDefinitionId: definitionId
  }
}
`

func TestLoadModuleProblems(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"cycle", map[string]string{
			"main.bicep": "module self './main.bicep' = {\n  name: 'again'\n}\n",
		}, "main.bicep:1:13: module \"./main.bicep\" includes itself"},
		{"cycle through another", map[string]string{
			"main.bicep": "module b './b.bicep' = {\n  name: 'b'\n}\n",
			"b.bicep":    "module c 'c.bicep' = {\n  name: 'c'\n}\n",
			"c.bicep":    "module b 'b.bicep' = {\n  name: 'b'\n}\n",
		}, "c.bicep:1:10: module \"b.bicep\" includes itself"},
		{"missing file", map[string]string{
			"main.bicep": "module m './absent.bicep' = {\n  name: 'm'\n}\n",
		}, "main.bicep:1:10: module \"./absent.bicep\" cannot be read: no such file or directory"},
		{"missing file named like a resource type", map[string]string{
			"main.bicep": "targetScope = 'subscription'\nmodule m 'Microsoft.Example/widgets@2024-01-01' = {\n  name: 'm'\n}\n",
		}, "main.bicep:2:10: module \"Microsoft.Example/widgets@2024-01-01\" cannot be read: no such file or directory; a resource type is declared with \"resource\", not \"module\""},
		{"missing JSON module", map[string]string{
			"main.bicep": "module m './absent.json' = {\n  name: 'm'\n}\n",
		}, "main.bicep:1:10: module \"./absent.json\" cannot be read: no such file or directory"},
		{"JSON module that is there", map[string]string{
			"main.bicep":   "module m './present.json' = {\n  name: 'm'\n}\n",
			"present.json": "{}",
		}, ""},
		{"syntax error in a module", map[string]string{
			"main.bicep": "module m './m.bicep' = {\n  name: 'm'\n}\n",
			"m.bicep":    "param x string =\n",
		}, "m.bicep:1:17: expected an expression after \"=\", found the end of the line"},
		{"registry module", map[string]string{
			"main.bicep": "module m 'br/public:avm/res/x:1.0.0' = {\n  name: 'm'\n}\n",
		}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, fset := loadFiles(t, c.files)
			if got := problems(fset, d); got != c.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

func TestLoadModuleDepthIsBounded(t *testing.T) {
	files := map[string]string{}
	for i := range maxNesting + 5 {
		files[name(i)] = "module next './" + name(i+1) + "' = {\n  name: 'n'\n}\n"
	}
	files["main.bicep"] = files[name(0)]
	d, fset := loadFiles(t, files)
	if got := problems(fset, d); !strings.Contains(got, "modules are nested more than 32 deep") {
		t.Errorf("problems:\n%s\nwant modules nested too deep", got)
	}
}

func name(i int) string { return "m" + strings.Repeat("x", i) + ".bicep" }

func TestLoadLoopOfModulesOverUnknownItems(t *testing.T) {
	d, fset := loadFiles(t, map[string]string{
		"main.bicep": `targetScope = 'subscription'
param rgNames array
param definitionId string = '/subscriptions/x/providers/Microsoft.ManagedServices/registrationDefinitions/y'
module rg './rg.bicep' = [for (rg, i) in rgNames: {
  name: 'lh-${i}'
  scope: resourceGroup(rg)
  params: {
    definitionId: definitionId
  }
}]
`,
		"rg.bicep": assignmentModule,
	})
	if p := problems(fset, d); p != "" {
		t.Fatal(p)
	}
	if len(d.Assignments) != 1 || len(d.Deployments) != 1 {
		t.Fatalf("got %d assignments in %d deployments, want one standing for all", len(d.Assignments), len(d.Deployments))
	}
	nd := d.Deployments[0]
	if nd.Copy == nil || nd.Copy.Index != -1 || !nd.Copy.Count.IsUnknown() {
		t.Errorf("copy %+v, want index -1 and an unknown count", nd.Copy)
	}
	if !nd.Scope.ResourceGroup.IsUnknown() || !nd.Name.IsUnknown() {
		t.Errorf("resource group %s and name %s, want both unknown", showValue(nd.Scope.ResourceGroup), showValue(nd.Name))
	}
	if got := d.Assignments[0].RegistrationDefinitionID.Text(); !strings.HasSuffix(got, "/y") {
		t.Errorf("definition ID %q, want the parameter's default", got)
	}
}

func TestLoadExistingConditionsAndResourceGroups(t *testing.T) {
	d, fset := loadFiles(t, map[string]string{
		"main.bicep": `targetScope = 'subscription'
param deployIt bool
var skipIt = false
resource def 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' existing = {
  name: 'b2f0c7a1-1d2e-4f3a-9b8c-7d6e5f4a3b2c'
}
resource group 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-${def.name}'
  location: 'westeurope'
}
resource maybe 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = if (deployIt) {
  name: guid('maybe')
  properties: {
    registrationDefinitionId: def.id
  }
}
resource never 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = if (skipIt) {
  name: guid('never')
  properties: {
    registrationDefinitionId: def.id
  }
}
module inGroup './rg.bicep' = {
  name: 'in-group'
  scope: group
  params: {
    definitionId: def.id
  }
}
`,
		"rg.bicep": assignmentModule,
	})
	if p := problems(fset, d); p != "" {
		t.Fatal(p)
	}
	if len(d.Definitions) != 0 || len(d.Assignments) != 2 {
		t.Fatalf("got %d definitions and %d assignments, want 0 and 2", len(d.Definitions), len(d.Assignments))
	}
	maybe, inGroup := d.Assignments[0], d.Assignments[1]
	if !maybe.Condition.IsUnknown() || len(maybe.DependsOn) != 0 {
		t.Errorf("condition %s and %d dependencies, want unknown and none on an existing resource", showValue(maybe.Condition), len(maybe.DependsOn))
	}
	want := "/subscriptions/{subscription().subscriptionId}/providers/Microsoft.ManagedServices/registrationDefinitions/b2f0c7a1-1d2e-4f3a-9b8c-7d6e5f4a3b2c"
	if got := maybe.RegistrationDefinitionID.Text(); got != want {
		t.Errorf("definition ID %q, want %q", got, want)
	}
	if s := inGroup.Scope; s.Kind != model.ScopeResourceGroup || s.ResourceGroup.Text() != "rg-b2f0c7a1-1d2e-4f3a-9b8c-7d6e5f4a3b2c" {
		t.Errorf("module deploys to %s, want the resource group the file declares", showScope(s))
	}
	if deps := d.Deployments[0].DependsOn; len(deps) != 1 || deps[0].Text() != "group" {
		t.Errorf("module depends on %v, want the resource group", deps)
	}
}

func TestGivenBicepParam(t *testing.T) {
	fset := token.NewFileSet()
	f := ParseParams(fset, "main.bicepparam", []byte(`using './main.bicep'
var base = 'Contoso'
param offer = '${base} Operations'
param secret = readEnvironmentVariable('MSP_TENANT')
param Offer = 'again'
`))
	g := f.Given()
	if len(g.Values) != 2 || g.Values[0].Value.Text() != "Contoso Operations" {
		t.Fatalf("values %v, want offer and secret", g.Values)
	}
	if v := g.Values[1].Value; !v.IsUnknown() || !strings.Contains(v.Reason(), "readEnvironmentVariable") {
		t.Errorf("secret is %s (%s), want unknown, read when the deployment runs", showValue(v), v.Reason())
	}
	if len(g.Duplicates) != 1 || at(fset, g.Duplicates[0].Pos()) != "main.bicepparam:5:7" {
		t.Errorf("duplicates %v, want Offer at 5:7", g.Duplicates)
	}
}

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		text string
		want frontend.Info
	}{
		{"using './main.bicep'\nparam authorizations = []\n",
			frontend.Info{Kind: frontend.Parameters, Onboarding: true, Parameters: []string{"authorizations"}, TemplateRef: "./main.bicep"}},
		{"using none\nparam x = 1\n", frontend.Info{Kind: frontend.Parameters, Parameters: []string{"x"}}},
		{"param x string\nresource d 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {\n  name: x\n}\n",
			frontend.Info{Kind: frontend.Template, Onboarding: true, Parameters: []string{"x"}}},
		{"resource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'x'\n}\n", frontend.Info{Kind: frontend.Template}},
		{"targetScope = 'subscription'\nmodule r 'br/public:avm/res/managed-services/registration-definition:0.2.1' = {\n  name: 'r'\n}\n",
			frontend.Info{Kind: frontend.Template, Onboarding: true}},
		{"module r 'br:contoso.azurecr.io/lighthouse:1.0' = {\n  name: 'r'\n}\n", frontend.Info{Kind: frontend.Template}},
		{"targetScope = 'subscription'\nmodule d 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {\n  name: 'd'\n}\n",
			frontend.Info{Kind: frontend.Template, Onboarding: true}},
		{"resource d 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {\n  name: \n",
			frontend.Info{Kind: frontend.Template, Onboarding: true, Malformed: true}},
	} {
		got := Classify([]byte(c.text))
		if got.Kind != c.want.Kind || got.Onboarding != c.want.Onboarding || got.TemplateRef != c.want.TemplateRef ||
			got.Malformed != c.want.Malformed || strings.Join(got.Parameters, ",") != strings.Join(c.want.Parameters, ",") {
			t.Errorf("Classify(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
}

// TestParametersFileAlone checks a .bicepparam file no template claims:
// its onboarding values stand for one definition, as for a JSON one.
func TestParametersFileAlone(t *testing.T) {
	fset := token.NewFileSet()
	p := FrontEnd{}.Parse(fset, "alone.bicepparam", []byte(`using none
param managedByTenantId = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'
param authorizations = [
  {
    principalId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a'
    roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  }
]
`))
	d := FrontEnd{}.Load(p, nil)
	if d.ParametersFile != "alone.bicepparam" || len(d.Definitions) != 1 || len(d.Definitions[0].Authorizations) != 1 {
		t.Fatalf("got %s", describe(d))
	}
	role := d.Definitions[0].Authorizations[0].RoleDefinitionID
	if got := at(fset, role.Pos()); got != "alone.bicepparam:6:23" {
		t.Errorf("role at %s, want alone.bicepparam:6:23", got)
	}
	if b, ok := d.Syntax.Literal(role.Pos(), model.StringValue("x'y", model.Span{})); !ok || string(b) != `'x\'y'` {
		t.Errorf("literal %s, want 'x\\'y'", b)
	}
}

// TestExistingDefinitionAtTheSubscription checks the reference to an
// existing definition scoped to the subscription from a resource-group
// file: the compiler writes subscriptionResourceId().
func TestExistingDefinitionAtTheSubscription(t *testing.T) {
	d, fset := loadFiles(t, map[string]string{"main.bicep": `resource def 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' existing = {
  name: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'
  scope: subscription()
}
resource a 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid(def.id, resourceGroup().id)
  properties: {
    registrationDefinitionId: def.id
    tenant: def.properties.managedByTenantId
  }
}
`})
	if p := problems(fset, d); p != "" {
		t.Fatal(p)
	}
	a := d.Assignments[0]
	if got, want := a.RegistrationDefinitionID.Text(), "/subscriptions/{subscription().subscriptionId}/providers/Microsoft.ManagedServices/registrationDefinitions/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"; got != want {
		t.Errorf("definition ID %q, want %q", got, want)
	}
	if got, want := at(fset, a.RegistrationDefinitionID.Pos()), "main.bicep:8:31"; got != want {
		t.Errorf("definition ID at %s, want %s", got, want)
	}
	if v := a.Properties.Get("tenant"); !v.IsUnknown() || !strings.Contains(v.Reason(), "when the deployment runs") {
		t.Errorf("tenant is %s (%s), want unknown until the deployment runs", showValue(v), v.Reason())
	}
	if a.Scope.Kind != model.ScopeResourceGroup || d.TargetScope.Kind != model.ScopeResourceGroup {
		t.Errorf("assignment at %s in a deployment at %s, want resource groups", a.Scope.Kind, d.TargetScope.Kind)
	}
}

func TestClassifyFindsUsingAfterComments(t *testing.T) {
	info := Classify([]byte("\ufeff// customer A\n/* prod */\nusing 'main.bicep'\n"))
	if info.Kind != frontend.Parameters || info.TemplateRef != "main.bicep" {
		t.Errorf("got %+v, want a parameters file for main.bicep", info)
	}
	if info := Classify([]byte("var using = 'x'\noutput o string = using\n")); info.Kind != frontend.Template {
		t.Errorf("a variable named using makes %+v, want a template", info)
	}
}

// TestDefinitionWithoutTargetScope checks that a definition in a file
// without targetScope is reported at its declaration, the file having no
// line that decides the scope.
func TestDefinitionWithoutTargetScope(t *testing.T) {
	d, fset := loadFiles(t, map[string]string{"main.bicep": `param tenant string = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'

resource def 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid(tenant)
  properties: {
    managedByTenantId: tenant
  }
}
`})
	found, err := lintDeployment(fset, d, []*lint.Rule{rules.DefinitionScope})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || at(fset, found[0].Pos) != "main.bicep:3:1" {
		t.Errorf("got %v, want definition_scope at main.bicep:3:1", found)
	}
}

// TestModulesInsideModules checks that a module without a scope deploys
// where its parent module does, and that each module knows the one it is
// declared in, as nested deployments inside nested deployments do.
func TestModulesInsideModules(t *testing.T) {
	d, fset := loadFiles(t, map[string]string{
		"main.bicep": `targetScope = 'managementGroup'
module sub './sub.bicep' = {
  name: 'to-sub'
  scope: subscription('9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b')
}
`,
		"sub.bicep": `targetScope = 'subscription'
module rg './rg.bicep' = {
  name: 'to-rg'
  scope: resourceGroup('rg-contoso')
  params: {
    definitionId: '/subscriptions/9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b/providers/Microsoft.ManagedServices/registrationDefinitions/d'
  }
}
`,
		"rg.bicep": `param definitionId string
module inner './inner.bicep' = {
  name: 'inner'
  params: {
    definitionId: definitionId
  }
}
`,
		"inner.bicep": assignmentModule,
	})
	if p := problems(fset, d); p != "" {
		t.Fatal(p)
	}
	if len(d.Assignments) != 1 || len(d.Deployments) != 3 {
		t.Fatalf("got %d assignments in %d deployments, want 1 in 3", len(d.Assignments), len(d.Deployments))
	}
	a := d.Assignments[0]
	if got, want := showScope(a.Scope), `resource group sub="9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b" rg="rg-contoso"`; got != want {
		t.Errorf("assignment at %s, want %s", got, want)
	}
	var chain []string
	for nd := a.Deployment; nd != nil; nd = nd.Deployment {
		chain = append(chain, nd.Name.Text())
	}
	if got := strings.Join(chain, " in "); got != "inner in to-rg in to-sub" {
		t.Errorf("assignment in %s, want inner in to-rg in to-sub", got)
	}
	if got := a.Properties.Get("registrationDefinitionId"); !strings.HasSuffix(got.Text(), "/d") || at(fset, got.Pos()) != "sub.bicep:6:19" {
		t.Errorf("definition ID %s at %s, want the literal of sub.bicep:6:19", showValue(got), at(fset, got.Pos()))
	}
	if got := hops(fset, a.RegistrationDefinitionID); got != "inner.bicep:5:31 rg.bicep:5:19" {
		t.Errorf("definition ID flows through %q", got)
	}
}

// TestPropertyWrittenTwice checks that a property written twice in one
// object is a duplicate for the syntax rule, and that the model reads the
// last one, as for ARM.
func TestPropertyWrittenTwice(t *testing.T) {
	d, fset := loadFiles(t, map[string]string{"main.bicep": `targetScope = 'subscription'
resource def 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid('northwind')
  properties: {
    managedByTenantId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b'
    authorizations: [
      {
        principalId: 'f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b9c'
        roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
        'RoleDefinitionId': 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
    ]
  }
}
`})
	if len(d.Duplicates) != 1 {
		t.Fatalf("got %d duplicates, want 1", len(d.Duplicates))
	}
	dup := d.Duplicates[0]
	if at(fset, dup.Pos()) != "main.bicep:10:9" || at(fset, dup.First.Pos()) != "main.bicep:9:9" || dup.Key != "RoleDefinitionId" || dup.FirstKey != "roleDefinitionId" {
		t.Errorf("duplicate %+v", dup)
	}
	if got := d.Definitions[0].Authorizations[0].RoleDefinitionID.Text(); got != "acdd72a7-3385-48ef-bd42-f606fba81ae7" {
		t.Errorf("role %q, want the last one written", got)
	}
}

// TestDuplicateNamesLowerCased checks that property names are duplicates
// when they lower-case to the same name, in small objects (compared member
// by member) as in large ones (through a map): 'Ä' is 'ä' written again,
// but 'ſ' is not 's', though strings.EqualFold folds them together.
func TestDuplicateNamesLowerCased(t *testing.T) {
	large := ""
	for i := range maxScanned {
		large += fmt.Sprintf("  k%d: %d\n", i, i)
	}
	src := "var small = {\n  'Ä': 1\n  'ſ': 2\n  'ä': 3\n  s: 4\n}\nvar large = {\n" + large + "  'Ä': 1\n  'ſ': 2\n  'ä': 3\n  s: 4\n}\n"
	fset := token.NewFileSet()
	f := Parse(fset, "main.bicep", []byte(src))
	if len(f.Errors) > 0 {
		t.Fatal(f.Errors[0].Msg)
	}
	var got []string
	for _, d := range findDuplicates(f) {
		got = append(got, fmt.Sprintf("%s %s (first %s %s)", at(fset, d.Pos()), d.Key, at(fset, d.First.Pos()), d.FirstKey))
	}
	want := []string{
		"main.bicep:4:3 ä (first main.bicep:2:3 Ä)",
		fmt.Sprintf("main.bicep:%d:3 ä (first main.bicep:%d:3 Ä)", 10+maxScanned, 8+maxScanned),
	}
	if !slices.Equal(got, want) {
		t.Errorf("duplicates %q, want %q", got, want)
	}
}

// TestReferenceToResourceNotDeployed checks that the ID of a resource
// whose condition is false is known: the compiler builds it from the name.
func TestReferenceToResourceNotDeployed(t *testing.T) {
	d, fset := loadFiles(t, map[string]string{"main.bicep": `targetScope = 'subscription'
resource def 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = if (false) {
  name: 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f0a'
}
resource a 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid('a')
  properties: {
    registrationDefinitionId: def.id
  }
}
`})
	if p := problems(fset, d); p != "" {
		t.Fatal(p)
	}
	if len(d.Definitions) != 0 || !strings.HasSuffix(d.Assignments[0].RegistrationDefinitionID.Text(), "/d7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f0a") {
		t.Errorf("got %s", describe(d))
	}
}

// importedOnboarding declares its values in a shared file, as MSP
// repositories that onboard several offers do, and imports them.
const importedOnboarding = `targetScope = 'subscription'
import { providerTenant, grants as permanent } from './shared.bicep'
resource def 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid('offer')
  properties: {
    registrationDefinitionName: 'Offer'
    managedByTenantId: providerTenant
    authorizations: permanent
  }
}
`

// TestImportedVariables lints a template whose values are variables
// imported from another file: the compiler copies them into the template,
// so they are known, and a finding lands on the literal in the file that
// exports them. What cannot be imported stays unknown, with the reason.
func TestImportedVariables(t *testing.T) {
	shared := `@export()
var providerTenant = '6c1d4e2a-95b3-4f70-8a2e-3d9b1f0c7e58'
var people = '0f3b8c5d-2e71-4a96-b4d8-91c7e6a25f03'
@export()
var grants = [
  {
    principalId: people
    principalIdDisplayName: 'Operations'
    roleDefinitionId: owner
  }
]
var owner = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
`
	d, fset := loadFiles(t, map[string]string{"main.bicep": importedOnboarding, "shared.bicep": shared})
	if got := problems(fset, d); got != "" {
		t.Errorf("problems:\n%s", got)
	}
	found, err := lintDeployment(fset, d, []*lint.Rule{rules.OwnerRole, rules.UnresolvedValue})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, at(fset, f.Pos)+": "+f.Rule.Name)
	}
	if want := "shared.bicep:12:13: owner_role"; strings.Join(got, "\n") != want {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}

	// The same values through a namespace.
	namespaced := strings.NewReplacer("import { providerTenant, grants as permanent } from", "import * as shared from",
		"managedByTenantId: providerTenant", "managedByTenantId: shared.providerTenant",
		"authorizations: permanent", "authorizations: shared.grants").Replace(importedOnboarding)
	d, fset = loadFiles(t, map[string]string{"main.bicep": namespaced, "shared.bicep": shared})
	found, err = lintDeployment(fset, d, []*lint.Rule{rules.OwnerRole, rules.UnresolvedValue})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, f := range found {
		got = append(got, at(fset, f.Pos)+": "+f.Rule.Name)
	}
	if want := "shared.bicep:12:13: owner_role"; strings.Join(got, "\n") != want {
		t.Errorf("through a namespace, findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}

	for _, c := range []struct {
		name, shared, reason string
	}{
		{"not exported", strings.ReplaceAll(shared, "@export()\nvar grants", "var grants"), `"./shared.bicep" exports no variable "grants"`},
		{"imported back", "import { loop } from './main.bicep'\n@export()\nvar providerTenant = loop\n@export()\nvar grants = []\n", "from a file that imports it back"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"main.bicep": importedOnboarding, "shared.bicep": c.shared}
			if c.name == "imported back" {
				files["main.bicep"] += "@export()\nvar loop = providerTenant\n"
			}
			d, _ := loadFiles(t, files)
			if len(d.Definitions) != 1 {
				t.Fatalf("%d definitions, want 1", len(d.Definitions))
			}
			p := d.Definitions[0].Properties
			v := p.Get("authorizations")
			if c.name == "imported back" {
				v = p.Get("managedByTenantId")
			}
			if !v.IsUnknown() || !strings.Contains(v.Reason(), c.reason) {
				t.Errorf("value %v, reason %q; want unknown because %s", v.Kind(), v.Reason(), c.reason)
			}
		})
	}
}

// TestImportedFileMissing reports an import of a file that is not there,
// as the compiler does, at the path of the import.
func TestImportedFileMissing(t *testing.T) {
	d, fset := loadFiles(t, map[string]string{"main.bicep": importedOnboarding})
	if got, want := problems(fset, d), `main.bicep:2:53: import "./shared.bicep" cannot be read: no such file or directory`; got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestImportedIntoParameters imports the values a .bicepparam file sets
// from a shared file, as a template can.
func TestImportedIntoParameters(t *testing.T) {
	d, fset := loadFiles(t, map[string]string{
		"main.bicep": `targetScope = 'subscription'
param grants array
resource def 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid('offer')
  properties: {
    registrationDefinitionName: 'Offer'
    managedByTenantId: '6c1d4e2a-95b3-4f70-8a2e-3d9b1f0c7e58'
    authorizations: grants
  }
}
`,
		"main.bicepparam": "using './main.bicep'\nimport { everyone } from 'shared.bicep'\nparam grants = everyone\n",
		"shared.bicep": `@export()
var everyone = [
  {
    principalId: '0f3b8c5d-2e71-4a96-b4d8-91c7e6a25f03'
    principalIdDisplayName: 'Operations'
    roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  }
]
`,
	})
	if got := problems(fset, d); got != "" {
		t.Errorf("problems:\n%s", got)
	}
	found, err := lintDeployment(fset, d, []*lint.Rule{rules.OwnerRole, rules.UnresolvedValue})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, at(fset, f.Pos)+": "+f.Rule.Name)
	}
	if want := "shared.bicep:6:23: owner_role"; strings.Join(got, "\n") != want {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestImportedFilesAreLoaded checks that the command line learns, through
// the template's Loaded, of the files that a template and its .bicepparam
// file import from, so that findings there have a place.
func TestImportedFilesAreLoaded(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.bicep":      "targetScope = 'subscription'\nimport { a } from 'one.bicep'\nparam p string\nresource d 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {\n  name: guid(a)\n}\n",
		"main.bicepparam": "using './main.bicep'\nimport { b } from 'two.bicep'\nparam p = b\n",
		"one.bicep":       "@export()\nvar a = 'one'\n",
		"two.bicep":       "@export()\nvar b = 'two'\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fset := token.NewFileSet()
	tmpl := FrontEnd{}.Parse(fset, filepath.Join(dir, "main.bicep"), []byte(files["main.bicep"]))
	params := FrontEnd{}.Parse(fset, filepath.Join(dir, "main.bicepparam"), []byte(files["main.bicepparam"]))
	d := FrontEnd{}.Load(tmpl, params)
	if v := d.Parameters[0].Given; v.Text() != "two" {
		t.Errorf("p is %q, want the imported \"two\"", v.Text())
	}
	var got []string
	for _, f := range tmpl.Loaded() {
		got = append(got, filepath.Base(f.Name))
	}
	slices.Sort(got)
	if strings.Join(got, ",") != "one.bicep,two.bicep" {
		t.Errorf("Loaded() = %v, want one.bicep and two.bicep", got)
	}
}
