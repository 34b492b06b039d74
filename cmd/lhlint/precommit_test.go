package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestPreCommitHooks runs the hooks of .pre-commit-hooks.yaml as a user's
// repository would, with pre-commit try-repo on this checkout: the golang
// hook builds lhlint from the checkout with go install, and the system hook
// runs the lhlint on the PATH. In a repository with a bad template, a good
// one and a JSON file that is no template, the hook fails and prints
// lhlint's findings; without the bad template it passes.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds lhlint with pre-commit; skipped with -short")
	}
	git := requireProgram(t, "git")
	preCommit := requireProgram(t, "pre-commit")
	goBin := requireProgram(t, "go")
	checkout, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	// try-repo uses the checkout's HEAD, with its changes to tracked files;
	// a hooks file that is not even staged is not there.
	if out, err := exec.Command(git, "-C", checkout, "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml").CombinedOutput(); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml is not tracked by git, so pre-commit cannot see it: %v\n%s", err, out)
	}

	repo := t.TempDir()
	for _, fixture := range []string{"bad", "good"} {
		if err := os.CopyFS(repo, os.DirFS(filepath.Join(repoRoot, "testdata/integrations", fixture))); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(repo, "package.json"), []byte(`{"name": "northwind-tools"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want, _, status := lhlint(t, repo, ".")
	if status != 1 || strings.Count(want, "\n") != 3 {
		t.Fatalf("lhlint . in the test repository: status %d\n%s", status, want)
	}

	home := t.TempDir()
	bin := t.TempDir()
	goEnv, err := exec.Command(goBin, "env", "GOMODCACHE", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	caches := strings.Split(strings.TrimSpace(string(goEnv)), "\n")
	if len(caches) != 2 {
		t.Fatalf("go env GOMODCACHE GOCACHE: %q", goEnv)
	}
	env := append(os.Environ(),
		"HOME="+home, // pre-commit's store, and a git without the user's config
		"PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com",
		// pre-commit sets GOPATH to its environment, and HOME is new: keep
		// the modules the proxy already gave, the build cache, and the Go
		// that is here.
		"GOMODCACHE="+caches[0],
		"GOCACHE="+caches[1],
		"GOTOOLCHAIN=local",
		// Without -trimpath the build cache is keyed by the folder, which
		// is new for each try-repo, so every run would compile lhlint anew.
		"GOFLAGS=-trimpath",
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
	)
	run := func(wantStatus int, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		status := 0
		if exit, ok := err.(*exec.ExitError); ok {
			status = exit.ExitCode()
		} else if err != nil {
			t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
		}
		if status != wantStatus {
			t.Fatalf("%s %s: status %d, want %d\n%s", name, strings.Join(args, " "), status, wantStatus, out)
		}
		return string(out)
	}
	run(0, git, "init", "-q")
	run(0, git, "add", ".")
	run(0, git, "commit", "-qm", "templates")

	out := run(1, preCommit, "try-repo", checkout, "lhlint", "--all-files")
	assertHookOutput(t, out, "Failed", want)

	build := exec.Command(goBin, "build", "-o", filepath.Join(bin, "lhlint"), "./cmd/lhlint")
	build.Dir = checkout
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out = run(1, preCommit, "try-repo", checkout, "lhlint-system", "--all-files")
	assertHookOutput(t, out, "Failed", want)

	run(0, git, "rm", "-rq", "onboard templates")
	run(0, git, "commit", "-qm", "fix")
	for _, hook := range []string{"lhlint", "lhlint-system"} {
		out := run(0, preCommit, "try-repo", checkout, hook, "--all-files")
		assertHookOutput(t, out, "Passed", "")
	}
}

// assertHookOutput checks that pre-commit reports the lhlint hook with
// result, and printed every line of findings.
func assertHookOutput(t *testing.T, out, result, findings string) {
	t.Helper()
	if !strings.Contains(out, "\nlhlint...") || !strings.Contains(out, "..."+result+"\n") {
		t.Errorf("pre-commit did not report the lhlint hook as %s:\n%s", result, out)
	}
	for line := range strings.Lines(findings) {
		if !strings.Contains(out, "\n"+line) {
			t.Errorf("pre-commit's output lacks %q:\n%s", line, out)
		}
	}
	if findings == "" && strings.Contains(out, "[owner_role]") {
		t.Errorf("pre-commit printed findings for a clean repository:\n%s", out)
	}
}

// TestPreCommitSnippet checks the README's .pre-commit-config.yaml: it
// names this repository and hooks that .pre-commit-hooks.yaml defines.
func TestPreCommitSnippet(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct{ ID, Language, Entry, Files string }
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	defined := map[string]bool{}
	for _, h := range hooks {
		defined[h.ID] = true
		if h.Entry != "lhlint" || h.Files != `\.(json|jsonc|bicep|bicepparam)$` {
			t.Errorf("hook %s runs %q on %q", h.ID, h.Entry, h.Files)
		}
	}
	if !defined["lhlint"] || !defined["lhlint-system"] {
		t.Errorf("hooks %v, want lhlint and lhlint-system", defined)
	}
	n := 0
	for _, block := range codeBlocks(t, filepath.Join(repoRoot, "README.md"), "yaml") {
		var config struct {
			Repos []struct {
				Repo, Rev string
				Hooks     []struct{ ID string }
			}
		}
		if err := yaml.Unmarshal([]byte(block), &config); err != nil || len(config.Repos) == 0 {
			continue
		}
		n++
		for _, r := range config.Repos {
			if r.Repo != "https://github.com/lhlint/lhlint" || r.Rev == "" {
				t.Errorf("README's pre-commit config uses repo %q at %q", r.Repo, r.Rev)
			}
			for _, h := range r.Hooks {
				if !defined[h.ID] {
					t.Errorf("README's pre-commit config uses hook %q, which .pre-commit-hooks.yaml does not define", h.ID)
				}
			}
		}
	}
	if n != 1 {
		t.Errorf("README has %d pre-commit configurations, want 1", n)
	}
}
