package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestActionDiff runs the action on a pull_request event in a git
// repository whose pull request gives a principal a wider role: the diff
// step checks the base revision out with git, and the job summary starts
// with lhlint diff's markdown comparing it with the head, then the lint
// report. The base worktree is removed afterwards. With diff: false, or on
// a push, the summary is the lint report alone.
func TestActionDiff(t *testing.T) {
	requireProgram(t, "bash")
	git := requireProgram(t, "git")
	ws := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(git, args...)
		cmd.Dir = ws
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Contoso", "GIT_AUTHOR_EMAIL=ci@contoso.example",
			"GIT_COMMITTER_NAME=Contoso", "GIT_COMMITTER_EMAIL=ci@contoso.example", "GIT_CONFIG_GLOBAL=/dev/null")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	template, err := os.ReadFile(filepath.Join(repoRoot, "testdata/integrations/good/fabrikam.json"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(ws, "onboarding", "fabrikam.json")
	write := func(content []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "--quiet", "-b", "main")
	write(template)
	run("add", ".")
	run("commit", "--quiet", "-m", "base")
	base := run("rev-parse", "HEAD")
	// Fabrikam Readers become Contributors.
	widened := strings.Replace(string(template), `"acdd72a7-3385-48ef-bd42-f606fba81ae7"`, `"b24988ac-6180-42a0-ab88-20f7382dd24c"`, 1)
	write([]byte(widened))
	run("commit", "--quiet", "-am", "head")

	old := t.TempDir()
	if err := os.WriteFile(filepath.Join(old, "fabrikam.json"), template, 0o644); err != nil {
		t.Fatal(err)
	}
	var review, report string
	t.Run("lhlint itself", func(t *testing.T) { // lhlint changes directory until this subtest ends
		var status int
		review, _, status = lhlint(t, ws, "diff", "-format", "markdown", old, "onboarding")
		if status != 1 || !strings.Contains(review, "Contributor permits actions that Reader does not") {
			t.Fatalf("unexpected review from lhlint diff itself (exit %d):\n%s", status, review)
		}
		report, _, _ = lhlint(t, ws, "-format", "markdown", "onboarding")
	})

	pullRequest := map[string]string{"github.event_name": "pull_request", "github.event.pull_request.base.sha": base}
	for _, tc := range []struct {
		name   string
		inputs map[string]string
		event  map[string]string
		want   string
	}{
		{"pull request", map[string]string{"path": "onboarding"}, pullRequest, review + report},
		{"diff off", map[string]string{"path": "onboarding", "diff": "false"}, pullRequest, report},
		{"push", map[string]string{"path": "onboarding"}, map[string]string{"github.event_name": "push"}, report},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, status := runActionOn(t, ws, tc.inputs, tc.event)
			if status != 0 {
				t.Fatalf("the action exited %d, want 0\n%s", status, r.stderr)
			}
			if got := r.summary.String(); got != tc.want {
				t.Errorf("the job summary:\n%s\nwant:\n%s", got, tc.want)
			}
			if s := r.stderr["Compare with the base revision"]; s != "" {
				t.Errorf("the diff step wrote to standard error:\n%s", s)
			}
			if worktrees := run("worktree", "list", "--porcelain"); strings.Count(worktrees, "worktree ") != 1 {
				t.Errorf("the base worktree was not removed:\n%s", worktrees)
			}
		})
	}
}
