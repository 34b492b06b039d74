package cli

import (
	"path/filepath"
	"testing"
)

func TestIgnoreGlobs(t *testing.T) {
	dir := t.TempDir()
	c := &config{dir: dir}
	for _, g := range []string{"archive/**", "**/*.test.json", "customers/?ld.json"} {
		c.ignore = append(c.ignore, globRegexp(g))
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
