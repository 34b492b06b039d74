package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestActionlint runs actionlint (a tool of go.mod) in a repository made of
// this action and workflows: every workflow of docs/github-action.md and
// the README; one that uses the action with every input, so that actionlint
// checks them against action.yml; and action.yml's own steps as the steps
// of a reusable workflow, so that actionlint checks their expressions and,
// with shellcheck, their scripts.
func TestActionlint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds actionlint; skipped with -short")
	}
	goBin := requireProgram(t, "go")
	requireProgram(t, "shellcheck")
	checkout, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goBin, "tool", "-n", "actionlint")
	cmd.Dir = checkout
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go tool -n actionlint: %v", err)
	}
	actionlint := strings.TrimSpace(string(out))

	repo := t.TempDir()
	workflows := filepath.Join(repo, ".github/workflows")
	if err := os.MkdirAll(workflows, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "action.yml"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(workflows, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	n := 0
	for _, doc := range []string{"docs/github-action.md", "README.md"} {
		for i, block := range codeBlocks(t, filepath.Join(repoRoot, doc), "yaml") {
			var top map[string]any
			if err := yaml.Unmarshal([]byte(block), &top); err != nil {
				t.Fatalf("%s, yaml block %d: %v", doc, i+1, err)
			}
			if _, ok := top["jobs"]; !ok {
				continue // not a workflow, such as a .pre-commit-config.yaml
			}
			write(fmt.Sprintf("%s-%d.yml", strings.NewReplacer("/", "-", ".", "-").Replace(doc), i+1), block)
			n++
		}
	}
	if n < 3 {
		t.Fatalf("found %d workflows in the docs, want the README's and the two of docs/github-action.md", n)
	}

	a, _ := readAction(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range a.Inputs {
			if !yield(name) {
				return
			}
		}
	})
	var uses, call strings.Builder
	uses.WriteString("on: pull_request\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v6\n      - id: lhlint\n        uses: ./\n        with:\n")
	call.WriteString("on:\n  workflow_call:\n    inputs:\n")
	for _, name := range names {
		fmt.Fprintf(&uses, "          %s: %q\n", name, a.Inputs[name].Default+"x")
		fmt.Fprintf(&call, "      %s:\n        type: string\n        default: %q\n", name, a.Inputs[name].Default)
	}
	uses.WriteString("      - run: echo \"$FINDINGS $EXIT_CODE $SARIF\"\n        env:\n")
	uses.WriteString("          FINDINGS: ${{ steps.lhlint.outputs.findings }}\n          EXIT_CODE: ${{ steps.lhlint.outputs.exit-code }}\n          SARIF: ${{ steps.lhlint.outputs.sarif-file }}\n")
	write("uses-action.yml", uses.String())

	var steps struct {
		Runs struct{ Steps []map[string]any }
	}
	if err := yaml.Unmarshal(raw, &steps); err != nil {
		t.Fatal(err)
	}
	body, err := yaml.Marshal(map[string]any{"jobs": map[string]any{"lint": map[string]any{
		"runs-on": "ubuntu-latest",
		"steps":   steps.Runs.Steps,
	}}})
	if err != nil {
		t.Fatal(err)
	}
	write("action-steps.yml", call.String()+string(body))

	cmd = exec.Command(actionlint, "-no-color", "-oneline")
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		files, _ := os.ReadDir(workflows)
		var listing strings.Builder
		for _, f := range files {
			data, _ := os.ReadFile(filepath.Join(workflows, f.Name()))
			fmt.Fprintf(&listing, "--- %s\n%s", f.Name(), data)
		}
		t.Fatalf("actionlint: %v\n%s\n%s", err, out, listing.String())
	}
}
