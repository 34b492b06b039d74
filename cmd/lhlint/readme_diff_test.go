package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestReadmeDiffExample checks that the job summary the README shows for
// lhlint diff is what lhlint prints: the markdown golden of
// testdata/script/diff_arm_changes.txtar.
func TestReadmeDiffExample(t *testing.T) {
	a, err := txtar.ParseFile(filepath.Join(repoRoot, "testdata/script/diff_arm_changes.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var want string
	for _, f := range a.Files {
		if f.Name == "want.md" {
			want = string(f.Data)
		}
	}
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want == "" || !strings.Contains(string(readme), "```markdown\n"+want+"```\n") {
		t.Errorf("README.md does not show the markdown of diff_arm_changes.txtar's want.md in a markdown block:\n%s", want)
	}
}
