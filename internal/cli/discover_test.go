package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeTree writes files (slash-separated path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// testDiscover discovers args with no configuration and no flags.
func testDiscover(t *testing.T, p *paths, args ...string) discovered {
	t.Helper()
	s, err := newSettings(&options{}, p)
	if err != nil {
		t.Fatal(err)
	}
	d, err := discover(args, s, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const minimalTemplate = `{"$schema": "https://schema.management.azure.com/schemas/2019-08-01/subscriptionDeploymentTemplate.json#",
 "resources": [{"type": "Microsoft.ManagedServices/registrationDefinitions", "apiVersion": "2022-10-01", "name": "x"}]}`

func TestDiscoverWalk(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a/onboard.json":                  minimalTemplate,
		"a/onboard.parameters.JSONC":      `{"parameters": {"x": {"value": 1}}}`,
		"a/readme.md":                     "not JSON",
		"a/onboard.json.bak":              minimalTemplate,
		".git/config.json":                minimalTemplate,
		"b/.hidden/onboard.json":          minimalTemplate,
		"b/node_modules/pkg/package.json": minimalTemplate,
		"b/.dotfile.json":                 minimalTemplate,
	})
	p := &paths{wd: dir, root: dir}
	d := testDiscover(t, p, dir, filepath.Join(dir, "a", "onboard.json"))
	if len(d.errs) > 0 || len(d.notes) > 0 {
		t.Errorf("errs %q, notes %v", d.errs, d.notes)
	}
	var got []string
	for _, f := range d.files {
		got = append(got, p.printed(f.path))
		if f.abs != filepath.Join(dir, filepath.FromSlash(p.printed(f.path))) {
			t.Errorf("%s: abs is %q", f.path, f.abs)
		}
		if want := strings.HasSuffix(f.path, "onboard.json"); (f.origin == named) != want {
			t.Errorf("%s: origin is %v, want named %v", f.path, f.origin, want)
		}
	}
	// Found once although named twice; hidden files are read, hidden
	// folders and node_modules are not.
	want := []string{"a/onboard.json", "a/onboard.parameters.JSONC", "b/.dotfile.json"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	// A hidden folder named on the command line is walked.
	d = testDiscover(t, p, filepath.Join(dir, "b", ".hidden"))
	if len(d.files) != 1 || d.files[0].info.Kind == 0 {
		t.Errorf("walking a named hidden folder found %+v", d.files)
	}
}

func TestDiscoverLargeFiles(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: large to Stat, cheap to make.
	if err := f.Truncate(maxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p := &paths{wd: dir, root: dir}

	d := testDiscover(t, p, dir)
	if len(d.files) != 0 || len(d.errs) != 0 {
		t.Errorf("walk: files %v, errs %q", d.files, d.errs)
	}
	if want := []note{{"big.json", "skipped big.json: larger than 32 MiB"}}; !reflect.DeepEqual(d.notes, want) {
		t.Errorf("walk: notes %v, want %v", d.notes, want)
	}

	d = testDiscover(t, p, big)
	if want := []string{"reading big.json: larger than the 32 MiB lhlint reads"}; !reflect.DeepEqual(d.errs, want) || len(d.files) != 0 {
		t.Errorf("named: files %v, errs %q, want errs %q", d.files, d.errs, want)
	}
}

func TestDiscoverNamedFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"main.tf": "terraform {}\n"})
	p := &paths{wd: dir, root: dir}
	d := testDiscover(t, p, filepath.Join(dir, "main.tf"), filepath.Join(dir, "missing.json"), filepath.Join(dir, "gone"))
	if want := []note{{"main.tf", "skipped main.tf: not a .json, .jsonc, .bicep or .bicepparam file"}}; !reflect.DeepEqual(d.notes, want) {
		t.Errorf("notes %v, want %v", d.notes, want)
	}
	want := []string{"reading missing.json: no such file or directory", "reading gone: no such file or directory"}
	if !reflect.DeepEqual(d.errs, want) {
		t.Errorf("errs %q, want %q", d.errs, want)
	}
}

// A file named in a folder no walk went through brings the files its
// pairing depends on, and no more: its metadata.template, else the
// templates its name may extend, else its whole folder; a named template
// brings its whole folder and the templates its parameters files name.
// Ignored files are not read.
func TestDiscoverCompanions(t *testing.T) {
	dir := t.TempDir()
	params := func(ref string) string {
		return `{"metadata": {"template": "` + ref + `"}, "parameters": {"authorizations": {"value": []}}}`
	}
	writeTree(t, dir, map[string]string{
		".lhlint.json":                `{"ignore": ["ignored/**"]}`,
		"t/onboard.json":              minimalTemplate,
		"t/other.json":                minimalTemplate,
		"a/x.json":                    minimalTemplate,
		"a/y.json":                    minimalTemplate,
		"a/x.parameters.json":         params(""),
		"a/by-ref.json":               params("../t/onboard.json"),
		"a/by-content.json":           params(""),
		"b/x.json":                    minimalTemplate,
		"b/x.parameters.json":         params(""),
		"b/x.dev.parameters.json":     params("../t/onboard.json"),
		"ignored/x.json":              minimalTemplate,
		"ignored/x.parameters.json":   params(""),
		"ignored/x.parameters.b.json": params(""),
	})
	p := &paths{wd: dir, root: dir}
	tests := []struct {
		args []string
		want []string // the files read, named first
	}{
		{[]string{"a/by-ref.json"}, []string{"a/by-ref.json", "t/onboard.json"}},
		{[]string{"a/x.parameters.json"}, []string{"a/x.parameters.json", "a/x.json"}},
		// The metadata.template of a parameters file beside it does not
		// matter: that file cannot be deployed.
		{[]string{"a/by-content.json"}, []string{"a/by-content.json", "a/by-ref.json", "a/x.json", "a/x.parameters.json", "a/y.json"}},
		{[]string{"b/x.json"}, []string{"b/x.json", "b/x.dev.parameters.json", "b/x.parameters.json", "t/onboard.json"}},
		{[]string{"ignored/x.parameters.b.json"}, nil},
		// A walk of the folder found them all.
		{[]string{"a/x.parameters.json", "a"}, []string{"a/x.parameters.json", "a/by-content.json", "a/by-ref.json", "a/x.json", "a/y.json", "t/onboard.json"}},
	}
	for _, tt := range tests {
		var args []string
		for _, a := range tt.args {
			args = append(args, filepath.Join(dir, filepath.FromSlash(a)))
		}
		d := testDiscover(t, p, args...)
		var got []string
		for _, f := range d.files {
			got = append(got, p.printed(f.path))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("discover(%q) read %q, want %q", tt.args, got, tt.want)
		}
	}
}

// A Bicep template that reaches a registration resource only through its
// local modules, however deep, is an onboarding template; one whose
// modules reach none, or that includes itself, is not.
func TestDiscoverThroughModules(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"main.bicep":        "module a 'mods/a.bicep' = {\n  name: 'a'\n}\n",
		"mods/a.bicep":      "module b '../deep/b.bicep' = {\n  name: 'b'\n}\n",
		"deep/b.bicep":      "resource d 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {\n  name: 'x'\n}\n",
		"storage.bicep":     "module s 'mods/none.bicep' = {\n  name: 's'\n}\n",
		"mods/none.bicep":   "resource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'x'\n}\n",
		"loop/self.bicep":   "module s 'self.bicep' = {\n  name: 's'\n}\n",
		"loop/broken.bicep": "module m 'missing.bicep' = {\n  name: 'm'\n}\n",
	})
	p := &paths{wd: dir, root: dir}
	d := testDiscover(t, p, filepath.Join(dir, "main.bicep"), filepath.Join(dir, "storage.bicep"), filepath.Join(dir, "loop"))
	got := map[string]bool{}
	for _, f := range d.files {
		got[p.printed(f.path)] = f.info.Onboarding
	}
	want := map[string]bool{"main.bicep": true, "storage.bicep": false, "loop/self.bicep": false, "loop/broken.bicep": false}
	for path, onboarding := range want {
		if got[path] != onboarding {
			t.Errorf("%s: Onboarding = %v, want %v (files %v)", path, got[path], onboarding, got)
		}
	}
}
