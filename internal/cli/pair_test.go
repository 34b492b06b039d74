package cli

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/arm"
)

// The files of a pairing table: what arm.Classify says of each.
func tmpl(path string, params ...string) file {
	return testFile(path, arm.Info{Kind: arm.Template, Onboarding: true, Parameters: params})
}

func otherTmpl(path string, params ...string) file {
	return testFile(path, arm.Info{Kind: arm.Template, Parameters: params})
}

func prm(path string, params ...string) file {
	return testFile(path, arm.Info{Kind: arm.Parameters, Onboarding: true, Parameters: params})
}

func plainPrm(path string, params ...string) file {
	return testFile(path, arm.Info{Kind: arm.Parameters, Parameters: params})
}

func refPrm(path, ref string) file {
	return testFile(path, arm.Info{Kind: arm.Parameters, Onboarding: true, TemplateRef: ref, Parameters: []string{"authorizations"}})
}

func broken(path string, onboarding bool) file {
	return testFile(path, arm.Info{Malformed: true, Onboarding: onboarding})
}

func other(path string) file { return testFile(path, arm.Info{}) }

func explicit(f file) file {
	f.origin = named
	return f
}

// companion marks a file as read only to pair a found one.
func companionOf(f file) file {
	f.origin = companion
	return f
}

func testFile(path string, info arm.Info) file {
	return file{path: path, abs: filepath.Join("/w", path), info: info}
}

func TestPair(t *testing.T) {
	onboardParams := []string{"mspOfferName", "managedByTenantId", "authorizations"}
	tests := []struct {
		name   string
		files  []file
		forced *file
		jobs   []job
		notes  []string
	}{
		{
			name: "every name form pairs beside the template",
			files: []file{
				tmpl("a/onboard.json"),
				prm("a/onboard.parameters.json"),
				prm("a/onboard.params.json"),
				prm("a/ONBOARD.PARAMETERS.PROD.JSON"),
				prm("a/onboard.test.Parameters.jsonc"),
				prm("a/onboard.a.b.parameters.json"),
				prm("b/onboard.parameters.json"), // another folder
			},
			jobs: []job{
				{template: "a/onboard.json", params: []string{"a/ONBOARD.PARAMETERS.PROD.JSON", "a/onboard.a.b.parameters.json", "a/onboard.parameters.json", "a/onboard.params.json", "a/onboard.test.Parameters.jsonc"}},
				{params: []string{"b/onboard.parameters.json"}},
			},
			notes: []string{
				"a/ONBOARD.PARAMETERS.PROD.JSON pairs with a/onboard.json by name",
				"a/onboard.a.b.parameters.json pairs with a/onboard.json by name",
				"a/onboard.parameters.json pairs with a/onboard.json by name",
				"a/onboard.params.json pairs with a/onboard.json by name",
				"a/onboard.test.Parameters.jsonc pairs with a/onboard.json by name",
				"b/onboard.parameters.json pairs with no template; its values are checked on their own",
			},
		},
		{
			name: "names that only look alike do not pair",
			files: []file{
				tmpl("onboard.json"), // declaring no parameter, so that content cannot pair them
				prm("onboarding.parameters.json", "authorizations"),
				prm("onboard.parametersx.json", "authorizations"),
				prm("onboard..parameters.json", "authorizations"),
				prm("onboard.values.json", "authorizations"),
			},
			jobs: []job{
				{params: []string{"onboard..parameters.json"}},
				{template: "onboard.json"},
				{params: []string{"onboard.parametersx.json"}},
				{params: []string{"onboard.values.json"}},
				{params: []string{"onboarding.parameters.json"}},
			},
			notes: []string{
				"onboard..parameters.json pairs with no template; its values are checked on their own",
				"onboard.json has no parameters file; it is linted with its defaults",
				"onboard.parametersx.json pairs with no template; its values are checked on their own",
				"onboard.values.json pairs with no template; its values are checked on their own",
				"onboarding.parameters.json pairs with no template; its values are checked on their own",
			},
		},
		{
			name: "a .bicepparam pairs by its using line only; using none pairs with nothing",
			files: []file{
				tmpl("main.bicep", onboardParams...),
				refPrm("dev.bicepparam", "main.bicep"),
				prm("none.bicepparam", onboardParams...), // using none, though main.bicep declares all it sets
				prm("main.parameters.json", onboardParams...),
			},
			jobs: []job{
				{template: "main.bicep", params: []string{"dev.bicepparam", "main.parameters.json"}},
				{params: []string{"none.bicepparam"}},
			},
			notes: []string{
				"dev.bicepparam pairs with main.bicep by its using line",
				"main.parameters.json pairs with main.bicep by name",
				"none.bicepparam pairs with no template; its values are checked on their own",
			},
		},
		{
			name: "a template the Bicep compiler wrote beside its source is skipped",
			files: []file{
				tmpl("main.bicep", onboardParams...),
				testFile("main.json", arm.Info{Kind: arm.Template, Onboarding: true, Parameters: onboardParams, Generator: "bicep"}),
				prm("main.parameters.json", onboardParams...),
				testFile("other.json", arm.Info{Kind: arm.Template, Onboarding: true, Generator: "bicep"}), // no source beside it
			},
			jobs: []job{
				{template: "main.bicep", params: []string{"main.parameters.json"}},
				{template: "other.json"},
			},
			notes: []string{
				"skipped main.json: compiled from main.bicep, which is linted instead",
				"main.parameters.json pairs with main.bicep by name",
				"other.json has no parameters file; it is linted with its defaults",
			},
		},
		{
			name: "a template another deploys as a local module is linted with it",
			files: []file{
				testFile("main.bicep", arm.Info{Kind: arm.Template, Onboarding: true, Modules: []string{"modules/delegation.bicep"}}),
				tmpl("modules/delegation.bicep"),
				tmpl("modules/unused.bicep"),
			},
			jobs: []job{
				{template: "main.bicep"},
				{template: "modules/unused.bicep"},
			},
			notes: []string{
				"main.bicep has no parameters file; it is linted with its defaults",
				"skipped modules/delegation.bicep: it is a module of main.bicep, linted with it",
				"modules/unused.bicep has no parameters file; it is linted with its defaults",
			},
		},
		{
			name:  "a malformed Bicep file is linted as far as it parses",
			files: []file{broken("main.bicep", true), broken("other.bicep", false)},
			jobs:  []job{{template: "main.bicep"}},
			notes: []string{
				"main.bicep is not valid Bicep; it is linted as far as it parses",
				"skipped other.bicep: not valid Bicep, and it mentions no Microsoft.ManagedServices resource",
			},
		},
		{
			name: "the longest template name wins",
			files: []file{
				tmpl("main.json"),
				tmpl("main.dev.json"),
				prm("main.dev.parameters.json"),
			},
			jobs: []job{
				{template: "main.dev.json", params: []string{"main.dev.parameters.json"}},
				{template: "main.json"},
			},
			notes: []string{
				"main.dev.parameters.json pairs with main.dev.json by name",
				"main.json has no parameters file; it is linted with its defaults",
			},
		},
		{
			name: "metadata.template, relative to the parameters file, beats the name",
			files: []file{
				tmpl("templates/onboard.json"),
				tmpl("templates/legacy.json"),
				refPrm("templates/legacy.parameters.json", "onboard.json"),
				refPrm("customers/fabrikam.json", "../templates/onboard.json"),
				refPrm("customers/contoso.json", `..\templates\legacy.json`),
			},
			jobs: []job{
				{template: "templates/legacy.json", params: []string{"customers/contoso.json"}},
				{template: "templates/onboard.json", params: []string{"customers/fabrikam.json", "templates/legacy.parameters.json"}},
			},
			notes: []string{
				`customers/contoso.json pairs with templates/legacy.json by its metadata.template`,
				"customers/fabrikam.json pairs with templates/onboard.json by its metadata.template",
				"templates/legacy.parameters.json pairs with templates/onboard.json by its metadata.template",
			},
		},
		{
			name: "a metadata.template that names no template found falls back to the name",
			files: []file{
				tmpl("onboard.json"),
				refPrm("onboard.parameters.json", "https://example.com/onboard.json"),
			},
			jobs:  []job{{template: "onboard.json", params: []string{"onboard.parameters.json"}}},
			notes: []string{"onboard.parameters.json pairs with onboard.json by name"},
		},
		{
			name: "content pairs with the one template declaring every parameter",
			files: []file{
				tmpl("n/multi-rg.json", append([]string{"rgNames"}, onboardParams...)...),
				otherTmpl("n/storage.json", "storageAccountName"),
				prm("n/multiple-rg.parameters.json", "MSPOFFERNAME", "authorizations"),
				tmpl("m/multi-rg.json", onboardParams...), // another folder
			},
			jobs: []job{
				{template: "m/multi-rg.json"},
				{template: "n/multi-rg.json", params: []string{"n/multiple-rg.parameters.json"}},
			},
			notes: []string{
				"m/multi-rg.json has no parameters file; it is linted with its defaults",
				"n/multiple-rg.parameters.json pairs with n/multi-rg.json by the parameters it sets",
				"skipped n/storage.json: no Microsoft.ManagedServices resource",
			},
		},
		{
			name: "content that fits two templates pairs with neither",
			files: []file{
				tmpl("v1.json", onboardParams...),
				tmpl("v2.json", append([]string{"rgName"}, onboardParams...)...),
				prm("customer.json", "authorizations"),
			},
			jobs: []job{
				{params: []string{"customer.json"}},
				{template: "v1.json"},
				{template: "v2.json"},
			},
			notes: []string{
				"customer.json pairs with no template; its values are checked on their own",
				"v1.json has no parameters file; it is linted with its defaults",
				"v2.json has no parameters file; it is linted with its defaults",
			},
		},
		{
			name: "a name claims before content does",
			files: []file{
				tmpl("a.json", onboardParams...),
				tmpl("b.json", onboardParams...),
				prm("b.parameters.json", "authorizations"),
			},
			jobs: []job{
				{template: "a.json"},
				{template: "b.json", params: []string{"b.parameters.json"}},
			},
			notes: []string{
				"a.json has no parameters file; it is linted with its defaults",
				"b.parameters.json pairs with b.json by name",
			},
		},
		{
			name: "--parameters pairs with every onboarding template and displaces the rest",
			files: []file{
				tmpl("t/onboard.json"),
				tmpl("t/other.json"),
				otherTmpl("t/storage.json"),
				prm("t/onboard.parameters.json"),
				prm("p/prod.json"), // the forced file, found by the walk too
			},
			forced: ptr(explicit(prm("p/prod.json"))),
			jobs: []job{
				{template: "t/onboard.json", params: []string{"p/prod.json"}},
				{template: "t/other.json", params: []string{"p/prod.json"}},
			},
			notes: []string{
				"p/prod.json pairs with t/onboard.json by --parameters",
				"p/prod.json pairs with t/other.json by --parameters",
				"skipped p/prod.json: its template t/storage.json has no Microsoft.ManagedServices resource",
				"skipped t/onboard.parameters.json: --parameters p/prod.json is used instead",
				"skipped t/storage.json: no Microsoft.ManagedServices resource",
			},
		},
		{
			name:   "--parameters with no onboarding template is checked alone",
			files:  []file{otherTmpl("storage.json")},
			forced: ptr(explicit(prm("prod.json"))),
			jobs:   []job{{params: []string{"prod.json"}}},
			notes: []string{
				"prod.json pairs with no template; its values are checked on their own",
				"skipped storage.json: no Microsoft.ManagedServices resource",
			},
		},
		{
			name: "an unpaired parameters file without onboarding values is skipped",
			files: []file{
				plainPrm("storage.parameters.json", "storageAccountName"),
				explicit(plainPrm("named.parameters.json", "location")),
			},
			notes: []string{
				"skipped named.parameters.json: it pairs with no template and sets no onboarding values",
				"skipped storage.parameters.json: it pairs with no template and sets no onboarding values",
			},
		},
		{
			name: "a template without Microsoft.ManagedServices takes its parameters files with it",
			files: []file{
				otherTmpl("storage.json", "name"),
				plainPrm("storage.parameters.json", "name"),
				plainPrm("storage-prod.json", "name"),
			},
			notes: []string{
				"skipped storage-prod.json: its template storage.json has no Microsoft.ManagedServices resource",
				"skipped storage.json: no Microsoft.ManagedServices resource",
				"skipped storage.parameters.json: its template storage.json has no Microsoft.ManagedServices resource",
			},
		},
		{
			name: "malformed files matter when named, onboarding, or named for a template",
			files: []file{
				tmpl("onboard.json"),
				broken("onboard.parameters.json", false),
				broken("broken.json", true),
				prm("broken.parameters.json"),
				explicit(broken("named.json", false)),
				broken("package.json", false),
			},
			jobs: []job{
				{template: "broken.json", params: []string{"broken.parameters.json"}},
				{template: "named.json"},
				{template: "onboard.json", params: []string{"onboard.parameters.json"}},
			},
			notes: []string{
				"broken.json is not valid JSON; only its syntax is checked",
				"broken.parameters.json pairs with broken.json by name",
				"named.json is not valid JSON; only its syntax is checked",
				"onboard.parameters.json pairs with onboard.json by name",
				"skipped package.json: not valid JSON, and it mentions no Microsoft.ManagedServices resource",
			},
		},
		{
			name: "a companion is linted only in a deployment with a named file",
			files: []file{
				explicit(prm("a/x.parameters.json")),
				companionOf(tmpl("a/x.json")),
				companionOf(tmpl("a/y.json")),
				companionOf(prm("a/y.parameters.json")),
				companionOf(prm("a/x.parameters.prod.json")),
				companionOf(other("a/package.json")),
				companionOf(broken("a/broken.json", false)),
			},
			jobs:  []job{{template: "a/x.json", params: []string{"a/x.parameters.json"}}},
			notes: []string{"a/x.parameters.json pairs with a/x.json by name"},
		},
		{
			name: "a named template takes the parameters files of its folder only",
			files: []file{
				explicit(tmpl("t/onboard.json", "authorizations")),
				companionOf(prm("t/onboard.parameters.json")),
				companionOf(prm("t/customer.json", "authorizations")),
				companionOf(refPrm("c/fabrikam.json", "../t/onboard.json")),
			},
			jobs: []job{{template: "t/onboard.json", params: []string{"t/customer.json", "t/onboard.parameters.json"}}},
			notes: []string{
				"t/customer.json pairs with t/onboard.json by the parameters it sets",
				"t/onboard.parameters.json pairs with t/onboard.json by name",
			},
		},
		{
			name: "a walked template is not deployed with a companion",
			files: []file{
				tmpl("t/onboard.json"),
				companionOf(refPrm("c/fabrikam.json", "../t/onboard.json")),
			},
			jobs:  []job{{template: "t/onboard.json"}},
			notes: []string{"t/onboard.json has no parameters file; it is linted with its defaults"},
		},
		{
			name: "a walked parameters file is deployed with the companion its metadata.template names",
			files: []file{
				refPrm("c/fabrikam.json", "../t/onboard.json"),
				companionOf(tmpl("t/onboard.json")),
				companionOf(otherTmpl("t/storage.json")),
			},
			jobs:  []job{{template: "t/onboard.json", params: []string{"c/fabrikam.json"}}},
			notes: []string{"c/fabrikam.json pairs with t/onboard.json by its metadata.template"},
		},
		{
			name:  "JSON that is neither template nor parameters is skipped",
			files: []file{other("package.json"), explicit(other("tsconfig.json"))},
			notes: []string{
				"skipped package.json: neither a template nor a parameters file",
				"skipped tsconfig.json: neither a template nor a parameters file",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := append([]file(nil), tt.files...)
			jobs, notes := pair(tt.files, tt.forced, func(s string) string { return filepath.ToSlash(s) })
			if !reflect.DeepEqual(tt.files, before) {
				t.Errorf("pair changed its input")
			}
			if !reflect.DeepEqual(jobs, tt.jobs) {
				t.Errorf("jobs:\n got %+v\nwant %+v", jobs, tt.jobs)
			}
			var got []string
			for _, n := range sortNotes(notes) {
				if !strings.Contains(n.text, n.path) {
					t.Errorf("note %q is filed under %q, which it does not name", n.text, n.path)
				}
				got = append(got, n.text)
			}
			if !reflect.DeepEqual(got, tt.notes) {
				t.Errorf("notes:\n got %q\nwant %q", got, tt.notes)
			}
			// Without --verbose: the same jobs, and no notes made.
			jobs, notes = pair(tt.files, tt.forced, nil)
			if !reflect.DeepEqual(jobs, tt.jobs) || notes != nil {
				t.Errorf("without notes: jobs %+v, notes %q; want the jobs above and no notes", jobs, notes)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestIsNameFor(t *testing.T) {
	tests := []struct {
		params, template string
		want             bool
	}{
		{"x.parameters.json", "x.json", true},
		{"x.params.json", "x.json", true},
		{"x.parameter.json", "x.json", true},
		{"x.parameter.dev.json", "x.json", true},
		{"x.parameters.prod.json", "x.json", true},
		{"x.parameters.eu.prod.json", "x.json", true},
		{"x.prod.parameters.json", "x.json", true},
		{"X.Parameters.JSON", "x.json", true},
		{"x.parameters.jsonc", "x.json", true},
		{"x.parameters.json", "x.jsonc", true},
		{"x.parameters.json", "X.JSON", true},
		{"x.json", "x.json", false},
		{"x.parameters.json", "x.parameters.json", false},
		{"xy.parameters.json", "x.json", false},
		{"x.params.prod.json", "x.json", false},
		{"x.prod.json", "x.json", false},
		{"x..parameters.json", "x.json", false},
		{"x.parameters..json", "x.json", false},
		{"x.parameters.txt", "x.json", false},
		{"x.parameters.json", "x.txt", false},
		{"parameters.json", "x.json", false},
		{".parameters.json", ".json", false},
	}
	for _, tt := range tests {
		if got := isNameFor(tt.params, tt.template); got != tt.want {
			t.Errorf("isNameFor(%q, %q) = %v, want %v", tt.params, tt.template, got, tt.want)
		}
	}
}
