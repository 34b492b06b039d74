package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"golang.org/x/tools/txtar"
)

// jsonGolden is a script line comparing standard output with a JSON file.
var jsonGolden = regexp.MustCompile(`(?m)^cmp stdout (\S+\.json)$`)

// TestDiffJSONSchema validates every JSON golden file of the lhlint diff
// scripts against schema/diff.schema.json, the documented layout other
// tools read.
func TestDiffJSONSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft7
	const url = "https://github.com/lhlint/lhlint/schema/diff.schema.json"
	raw, err := os.ReadFile(filepath.Join(repoRoot, "schema/diff.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource(url, bytes.NewReader(raw)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	scripts, err := filepath.Glob(filepath.Join(repoRoot, "testdata/script/diff_*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	validated := 0
	for _, script := range scripts {
		a, err := txtar.ParseFile(script)
		if err != nil {
			t.Fatal(err)
		}
		goldens := map[string]bool{}
		for _, m := range jsonGolden.FindAllStringSubmatch(string(a.Comment), -1) {
			goldens[m[1]] = true
		}
		for _, f := range a.Files {
			if !goldens[f.Name] {
				continue
			}
			var doc any
			if err := json.Unmarshal(f.Data, &doc); err != nil {
				t.Errorf("%s: %s: %v", filepath.Base(script), f.Name, err)
				continue
			}
			if err := s.Validate(doc); err != nil {
				t.Errorf("%s: %s: %v", filepath.Base(script), f.Name, err)
			}
			validated++
		}
	}
	if validated < 5 {
		t.Errorf("validated %d JSON goldens, want every diff script's (at least 5)", validated)
	}
}
