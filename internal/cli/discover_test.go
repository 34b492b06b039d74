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
	d := discover([]string{dir, filepath.Join(dir, "a", "onboard.json")}, p)
	if len(d.errs) > 0 || len(d.notes) > 0 {
		t.Errorf("errs %q, notes %v", d.errs, d.notes)
	}
	var got []string
	for _, f := range d.files {
		got = append(got, p.printed(f.path))
		if f.abs != filepath.Join(dir, filepath.FromSlash(p.printed(f.path))) {
			t.Errorf("%s: abs is %q", f.path, f.abs)
		}
		if want := strings.HasSuffix(f.path, "onboard.json"); f.explicit != want {
			t.Errorf("%s: explicit is %v, want %v", f.path, f.explicit, want)
		}
	}
	// Found once although named twice; hidden files are read, hidden
	// folders and node_modules are not.
	want := []string{"a/onboard.json", "a/onboard.parameters.JSONC", "b/.dotfile.json"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	// A hidden folder named on the command line is walked.
	d = discover([]string{filepath.Join(dir, "b", ".hidden")}, p)
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

	d := discover([]string{dir}, p)
	if len(d.files) != 0 || len(d.errs) != 0 {
		t.Errorf("walk: files %v, errs %q", d.files, d.errs)
	}
	if want := []note{{"big.json", "skipped big.json: larger than 32 MiB"}}; !reflect.DeepEqual(d.notes, want) {
		t.Errorf("walk: notes %v, want %v", d.notes, want)
	}

	d = discover([]string{big}, p)
	if want := []string{"reading big.json: larger than the 32 MiB lhlint reads"}; !reflect.DeepEqual(d.errs, want) || len(d.files) != 0 {
		t.Errorf("named: files %v, errs %q, want errs %q", d.files, d.errs, want)
	}
}

func TestDiscoverNamedFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"main.bicep": "targetScope = 'subscription'\n"})
	p := &paths{wd: dir, root: dir}
	d := discover([]string{filepath.Join(dir, "main.bicep"), filepath.Join(dir, "missing.json"), filepath.Join(dir, "gone")}, p)
	if want := []note{{"main.bicep", "skipped main.bicep: not a .json or .jsonc file"}}; !reflect.DeepEqual(d.notes, want) {
		t.Errorf("notes %v, want %v", d.notes, want)
	}
	want := []string{"reading missing.json: no such file or directory", "reading gone: no such file or directory"}
	if !reflect.DeepEqual(d.errs, want) {
		t.Errorf("errs %q, want %q", d.errs, want)
	}
}
