package roles

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseAzureCLI feeds --roles files: any input must give a catalog or
// an error, never a panic, and a catalog must be usable.
func FuzzParseAzureCLI(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`[{"name": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "roleName": "Reader", "permissions": [{"actions": ["*/read"]}]}]`))
	f.Add([]byte(`{"value": [{"name": "x", "properties": {"roleName": "y", "type": "BuiltInRole"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseAzureCLI(data, nil)
		if err != nil {
			return
		}
		exercise(t, c)
	})
}

// FuzzParse feeds the generated format: the embedded file is trusted, but
// Parse is exported and must not panic either.
func FuzzParse(f *testing.F) {
	f.Add([]byte(small))
	f.Add([]byte(builtinText[:4096]))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err != nil {
			return
		}
		exercise(t, c)
	})
}

// exercise calls everything a rule or `lhlint roles` would on every role.
func exercise(t *testing.T, c *Catalog) {
	if c.Len() == 0 {
		t.Fatal("catalog without roles and without error")
	}
	for _, r := range c.All() {
		if !IsGUID(r.ID) {
			t.Fatalf("role ID %q is not a GUID", r.ID)
		}
		if got, ok := c.Lookup(r.ID); !ok || got.ID != r.ID {
			t.Fatalf("Lookup(%q) does not find the role", r.ID)
		}
		if _, ok := c.ByNameFold(r.Name); !ok {
			t.Fatalf("ByNameFold(%q) finds nothing", r.Name)
		}
		e := r.Eligibility()
		if e.Delegable == (e.Reason != "") {
			t.Fatalf("%s: inconsistent eligibility %+v", r.ID, e)
		}
		r.IncludesReader()
		r.KeyActions()
	}
	c.Search("a")
}
