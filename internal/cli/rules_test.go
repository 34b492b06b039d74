package cli

import (
	"os"
	"strings"
	"testing"
)

// TestRulesDocIsGenerated fails when docs/rules.md no longer matches the
// rules, so documentation cannot drift from code.
func TestRulesDocIsGenerated(t *testing.T) {
	want, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	writeRulesMarkdown(&got)
	if got.String() != string(want) {
		t.Error("docs/rules.md is stale; run go generate ./...")
	}
}
