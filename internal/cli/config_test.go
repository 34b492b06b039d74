package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/source/sourcetest"
)

func TestIgnoreGlobs(t *testing.T) {
	dir := t.TempDir()
	c := &config{dir: dir}
	for _, g := range []string{"archive/**", "**/*.test.json", "customers/?ld.json", "v[0-9]/*.[jJ]son", "tmp[!a-c]/x.json", "[[]1].json", "ü[ä-ö].json"} {
		re, err := globRegexp(g)
		if err != nil {
			t.Fatalf("globRegexp(%q): %v", g, err)
		}
		c.ignore = append(c.ignore, re)
	}
	tests := map[string]bool{
		"archive/a.json":             true,
		"archive/deep/b.json":        true,
		"customers/x.test.json":      true,
		"x.test.json":                true,
		"customers/old.json":         true,
		"customers/older.json":       false,
		"customers/contoso.json":     false,
		"archived/a.json":            false,
		"customers/archive/old.json": false,
		"v1/a.json":                  true,
		"v1/a.Json":                  true,
		"vx/a.json":                  false,
		"v1/a.xson":                  false,
		"tmpd/x.json":                true,
		"tmpb/x.json":                false,
		"tmp/x.json":                 false,
		"[1].json":                   true,
		"1.json":                     false,
		"üø.json":                    false,
		"üö.json":                    true,
	}
	for name, want := range tests {
		if got := c.ignored(filepath.Join(dir, filepath.FromSlash(name))); got != want {
			t.Errorf("ignored(%s) = %v, want %v", name, got, want)
		}
	}
	if (*config)(nil).ignored("any.json") {
		t.Error("no configuration ignores nothing")
	}
}

// TestLoadConfigUTF16 checks that a .lhlint.json saved as UTF-16 (Windows
// PowerShell 5's Out-File) is read like a UTF-8 one.
func TestLoadConfigUTF16(t *testing.T) {
	path := filepath.Join(t.TempDir(), configName)
	text := "// Trey Research\r\n{\"rules\": {\"owner_role\": \"warning\"}}\r\n"
	if err := os.WriteFile(path, sourcetest.UTF16LE(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := loadConfig(path, configName)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.levels["owner_role"]; got != lint.Warning {
		t.Errorf("owner_role level = %v, want warning", got)
	}
}

func TestGlobErrors(t *testing.T) {
	tests := map[string]string{
		"[":             `has a "[" that is never closed`,
		"archive/[ab":   `has a "[" that is never closed`,
		"[!":            `has a "[" that is never closed`,
		"a[].json":      `has an empty class "[]"`,
		"[!]":           `has an empty class "[]"`,
		"v[9-0]/*.json": `has the range "9-0", which goes backwards`,
	}
	for glob, want := range tests {
		if _, err := globRegexp(glob); err == nil || err.Error() != want {
			t.Errorf("globRegexp(%q) error = %v, want %q", glob, err, want)
		}
	}
}
