package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/lhlint/lhlint/internal/cli"
)

// The integrations (the problem matcher, the pre-commit hooks, the GitHub
// Action) are tested with the programs that run them for users: node,
// pre-commit, git and bash. .ci/run installs them and sets CI, where a
// missing program fails the test; elsewhere the test is skipped with a
// message.

// repoRoot is the root of this checkout, from the package's folder.
const repoRoot = "../.."

// requireProgram returns the path of program, or skips the test when it is
// missing and CI is unset, or fails it when CI is set.
func requireProgram(t *testing.T, program string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err == nil {
		return path
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed; .ci/run installs it", program)
	}
	t.Skipf("%s is not installed; skipping (under CI=1 this fails)", program)
	return ""
}

// copyFixture copies testdata/integrations/name into a new temporary folder
// and returns the folder.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(repoRoot, "testdata/integrations", name))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// lhlint runs lhlint in dir, as a user would there.
func lhlint(t *testing.T, dir string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	t.Chdir(dir)
	var out, errs bytes.Buffer
	status = cli.Main(args, &out, &errs)
	return out.String(), errs.String(), status
}

// jsonFindings are the fields of lhlint's json format that the tests read.
type jsonFindings struct {
	Findings []struct {
		Rule, Severity, Message string
		Path                    string
		Start                   struct{ Line, Column int }
	}
}

func decodeFindings(t *testing.T, s string) jsonFindings {
	t.Helper()
	var out jsonFindings
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("decoding the json format: %v\n%s", err, s)
	}
	return out
}
