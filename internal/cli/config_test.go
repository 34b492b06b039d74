package cli

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/lhlint/lhlint/internal/lint"
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

// TestLoadConfigUTF16 checks that a .lhlint.json saved as UTF-16 (Windows
// PowerShell 5's Out-File) is read like a UTF-8 one.
func TestLoadConfigUTF16(t *testing.T) {
	path := filepath.Join(t.TempDir(), configName)
	text := "// Trey Research\r\n{\"rules\": {\"owner_role\": \"warning\"}}\r\n"
	content := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(text)) {
		content = append(content, byte(u), byte(u>>8))
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
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
