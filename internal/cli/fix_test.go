package cli

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/report"
	"github.com/lhlint/lhlint/internal/source"
)

// edit replaces the first occurrence of old in text.
func edit(t *testing.T, path, text, old, with string) report.Edit {
	t.Helper()
	i := strings.Index(text, old)
	if i < 0 {
		t.Fatalf("%q not in the text", old)
	}
	return report.Edit{
		Location: report.Location{Path: path, Start: source.Position{Offset: i, Line: 1}, End: source.Position{Offset: i + len(old), Line: 1}},
		NewText:  with,
	}
}

func finding(edits ...report.Edit) report.Finding {
	return report.Finding{Fixes: []report.Fix{{Message: "Replace", Edits: edits}}}
}

// TestFixKeepsBytes applies fixes to a file with a byte order mark, CRLF
// line breaks and comments: only the edited bytes change. Two findings with
// the same edit apply it once; a fix that overlaps it is left out.
func TestFixKeepsBytes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	text := "{\r\n  // Contoso\r\n  \"role\": \"Reader\", /* keep */\r\n\t\"id\": \"x\"\r\n}\r\n"
	raw := append([]byte("\xEF\xBB\xBF"), text...)
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	guid := edit(t, path, text, `"Reader"`, `"acdd72a7-3385-48ef-bd42-f606fba81ae7"`)
	plan := planFixes([]report.Finding{
		finding(guid),
		finding(guid),
		finding(edit(t, path, text, `"Reader", /*`, `"Owner", /*`)),
		finding(edit(t, path, text, `"x"`, `"y"`)),
	})
	if len(plan) != 1 || plan[0].fixes != 2 || len(plan[0].edits) != 2 {
		t.Fatalf("plan = %+v, want one file with two fixes of one edit each", plan)
	}
	_, fixed, err := plan[0].apply(sha256.Sum256([]byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	want := "\xEF\xBB\xBF{\r\n  // Contoso\r\n  \"role\": \"acdd72a7-3385-48ef-bd42-f606fba81ae7\", /* keep */\r\n\t\"id\": \"y\"\r\n}\r\n"
	if string(fixed) != want {
		t.Errorf("fixed:\n%q\nwant:\n%q", fixed, want)
	}
}

// TestFixChangedFile leaves alone a file that changed since it was linted.
func TestFixChangedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	text := `{"role": "Reader"}`
	if err := os.WriteFile(path, []byte(`{"role": "Reader" }`), 0o600); err != nil {
		t.Fatal(err)
	}
	plan := planFixes([]report.Finding{finding(edit(t, path, text, `"Reader"`, `"x"`))})
	if _, _, err := plan[0].apply(sha256.Sum256([]byte(text))); err == nil || !strings.Contains(err.Error(), "changed since lhlint read it") {
		t.Errorf("apply to a changed file: %v, want an error that it changed", err)
	}
}
