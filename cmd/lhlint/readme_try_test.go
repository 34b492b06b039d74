package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/cli"
)

// TestReadmeTryIt checks that the output the README's "Try it" section
// shows for the bundled examples is what lhlint prints there: each block
// that follows a sentence naming a format, line for line, in order; a
// line "..." stands for lines left out.
func TestReadmeTryIt(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	section, _, _ := strings.Cut(string(readme[bytes.Index(readme, []byte("## Try it")):]), "\n## ")
	blocks := regexp.MustCompile("(?s)\n```\n(.*?)```\n").FindAllStringSubmatch(section, -1)
	if len(blocks) != 3 {
		t.Fatalf("README's Try it has %d code blocks, want 3: the commands, the text output, the pretty output", len(blocks))
	}
	t.Chdir(repoRoot)
	for i, format := range []string{"text", "pretty"} {
		var stdout bytes.Buffer
		cli.Main([]string{"-format", format, "testdata/corpus"}, &stdout, new(bytes.Buffer))
		got := strings.Split(stdout.String(), "\n")
		for _, line := range strings.Split(strings.TrimSuffix(blocks[i+1][1], "\n"), "\n") {
			if line == "..." {
				continue
			}
			at := slices.Index(got, line)
			if at < 0 {
				t.Errorf("README's %s example shows a line lhlint does not print (in this order):\n%s", format, line)
				break
			}
			got = got[at+1:]
		}
	}
}
