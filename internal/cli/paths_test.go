package cli

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPathsPrinted(t *testing.T) {
	p := &paths{wd: "/r/sub", root: "/r"}
	tests := []struct{ path, want string }{
		{"a.json", "a.json"},
		{"./a//b.json", "a/b.json"},
		{"/r/sub/c/d.json", "c/d.json"},
		{"../x.json", "../x.json"},
		{"/other/x.json", "/other/x.json"},
		{"/r/sub", "."},
		{"/r/subway/x.json", "/r/subway/x.json"},
	}
	for _, tt := range tests {
		if got := p.printed(tt.path); got != tt.want {
			t.Errorf("printed(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestPathsResolve(t *testing.T) {
	p := &paths{wd: "/r/sub", root: "/r"}
	tests := []struct{ name, uri string }{
		{"a.json", "sub/a.json"},
		{"my file.json", "sub/my%20file.json"},
		{"../b.json", "b.json"},
		{"../../outside/c.json", "file:///outside/c.json"},
		{"/other/x y.json", "file:///other/x%20y.json"},
	}
	for _, tt := range tests {
		printed, uri := p.resolve(tt.name)
		if printed != tt.name || uri != tt.uri {
			t.Errorf("resolve(%q) = %q, %q, want %q, %q", tt.name, printed, uri, tt.name, tt.uri)
		}
	}
	// Without a working directory, paths stay as given.
	if printed, uri := (&paths{}).resolve("a b.json"); printed != "a b.json" || uri != "a%20b.json" {
		t.Errorf("resolve without a working directory = %q, %q", printed, uri)
	}
}

func TestRepositoryRoot(t *testing.T) {
	dir := t.TempDir()
	repo := filepath.Join(dir, "repo")
	deep := filepath.Join(repo, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	// A worktree or submodule has a .git file, not a folder.
	if err := os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := repositoryRoot(deep); got != repo {
		t.Errorf("repositoryRoot(%q) = %q, want %q", deep, got, repo)
	}
	outside := filepath.Join(dir, "plain")
	if err := os.Mkdir(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	// With no .git above (assuming none above the temporary folder), the
	// folder itself is the root.
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), ".git")); err == nil {
		t.Skip("the temporary folder is inside a repository")
	}
	if got := repositoryRoot(outside); got != outside {
		t.Errorf("repositoryRoot(%q) = %q, want itself", outside, got)
	}
}
