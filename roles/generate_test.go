package roles

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/roles/internal/catalogfile"
)

// TestCatalogUpToDate regenerates the catalog exactly as the go:generate
// directive in generate.go says and compares it with the embedded file, so a
// change to the reference data or to the generator without go generate
// fails here. The reference data lives beside the repository (../shared), as
// it does in CI; without it the test cannot run.
func TestCatalogUpToDate(t *testing.T) {
	args := generateArgs(t)
	o, err := catalogfile.ParseFlags(args)
	if err != nil {
		t.Fatalf("go:generate arguments %q: %v", args, err)
	}
	if _, err := os.Stat(o.Ref); os.IsNotExist(err) {
		t.Skipf("reference data %s does not exist (it lives beside the repository, in ../shared); cannot check that catalog.txt is up to date", o.Ref)
	}
	if o.Output != "catalog.txt" {
		t.Fatalf("go:generate writes %q, but the package embeds catalog.txt", o.Output)
	}
	got, err := catalogfile.Generate(o)
	if err != nil {
		t.Fatal(err)
	}
	// The generator's own output must be what the parser reads.
	if _, err := Parse(got); err != nil {
		t.Fatalf("Parse(regenerated catalog): %v", err)
	}
	embedded := strings.ReplaceAll(builtinText, "\r\n", "\n") // a CRLF checkout is still fresh
	if string(got) != embedded {
		t.Error("catalog.txt is stale; run go generate ./roles")
		// Name the first line that differs, to make the cause clear.
		gl, el := strings.Split(string(got), "\n"), strings.Split(embedded, "\n")
		for i := 0; i < len(gl) && i < len(el); i++ {
			if gl[i] != el[i] {
				t.Errorf("first difference at line %d:\ngenerated %q\nembedded  %q", i+1, gl[i], el[i])
				break
			}
		}
	}
	if !strings.HasPrefix(string(got), catalogfile.Header+"\n") {
		t.Errorf("generated catalog does not start with %q", catalogfile.Header)
	}

	// Twice gives the same bytes.
	again, err := catalogfile.Generate(o)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, again) {
		t.Error("two runs of the generator differ")
	}
}

func TestFormatLine(t *testing.T) {
	if formatLine != catalogfile.Format {
		t.Errorf("the parser reads %q, the generator writes %q", formatLine, catalogfile.Format)
	}
}

// generateArgs returns the arguments of the gencatalog go:generate directive.
func generateArgs(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("generate.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const prefix = "//go:generate go run ./internal/gencatalog "
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), prefix); ok {
			return strings.Fields(rest)
		}
	}
	t.Fatalf("generate.go has no line starting %q", prefix)
	return nil
}

func TestGenerateChecksInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reader := `{"id": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "roleName": "Reader", "description": "",
		"permissions": [{"actions": ["*/read"], "notActions": [], "dataActions": [], "notDataActions": []}]}`
	for _, tc := range []struct {
		name                      string
		builtin, retired, history string
		date                      string
		want                      string
	}{
		{"ok", "[" + reader + "]", "[]", "[]", "2026-01-01", ""},
		{"bad date flag", "[" + reader + "]", "[]", "[]", "2026-1-1", `date "2026-1-1" is not a YYYY-MM-DD date`},
		{"upper-case GUID", `[{"id": "ACDD72A7-3385-48ef-bd42-f606fba81ae7", "roleName": "Reader", "permissions": [{}]}]`, "[]", "[]", "2026-01-01",
			`azure-builtin-roles.json: role "Reader" has id "ACDD72A7-3385-48ef-bd42-f606fba81ae7", not a lower-case GUID`},
		{"unknown field", `[{"id": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "roleName": "Reader", "roleType": "BuiltInRole"}]`, "[]", "[]", "2026-01-01",
			`decoding azure-builtin-roles.json: json: unknown field "roleType"`},
		{"duplicate", "[" + reader + "," + reader + "]", "[]", "[]", "2026-01-01",
			"azure-builtin-roles.json: role id acdd72a7-3385-48ef-bd42-f606fba81ae7 appears twice"},
		{"history of an unknown role", "[" + reader + "]", "[]",
			`[{"id": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "roleName": "Owner", "deprecated": false, "gainedDataActions": null, "gainedRestrictedActions": null, "added": "2022-07-31"}]`,
			"2026-01-01", `azure-role-history.json: 8e3af657-a8ff-443c-a75c-2fe8c4bcb635 ("Owner") is not in azure-builtin-roles.json`},
		{"date after the catalog", "[" + reader + "]", "[]",
			`[{"id": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "roleName": "Reader", "deprecated": false, "gainedDataActions": "2026-02-01", "gainedRestrictedActions": null, "added": "2022-07-31"}]`,
			"2026-01-01", "azure-role-history.json: acdd72a7-3385-48ef-bd42-f606fba81ae7: gainedDataActions 2026-02-01 is after the catalog date 2026-01-01"},
		{"retired but listed", "[" + reader + "]",
			`[{"id": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "roleName": "Reader", "firstSeen": "2022-07-31", "lastSeen": "2023-01-01"}]`, "[]",
			"2026-01-01", `azure-retired-roles.json: acdd72a7-3385-48ef-bd42-f606fba81ae7 ("Reader") is still in azure-builtin-roles.json`},
	} {
		write(catalogfile.BuiltinFile, tc.builtin)
		write(catalogfile.RetiredFile, tc.retired)
		write(catalogfile.HistoryFile, tc.history)
		out, err := catalogfile.Generate(catalogfile.Options{Ref: dir, Date: tc.date})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want == "":
			c, err := Parse(out)
			if err != nil || c.Len() != 1 || c.Date() != tc.date {
				t.Errorf("%s: Parse(generated) = %v, %v", tc.name, c, err)
			}
		case err == nil:
			t.Errorf("%s: no error, want %q", tc.name, tc.want)
		case err.Error() != tc.want:
			t.Errorf("%s: error\n%s\nwant\n%s", tc.name, err, tc.want)
		}
	}
}
