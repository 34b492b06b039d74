package roles

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/source/sourcetest"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseAzureCLI(t *testing.T) {
	c, err := ParseAzureCLI(readFixture(t, "az-role-list.json"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range c.All() {
		names = append(names, r.Name)
	}
	// The custom role is dropped; the rest are sorted by name.
	if want := []string{"Chamber Admin", "Log Analytics Contributor", "Reader", "Widget Reader"}; !slices.Equal(names, want) {
		t.Errorf("roles = %q, want %q", names, want)
	}
	// The newest updatedOn of a built-in role; the custom role's is later.
	if got := c.Date(); got != "2026-09-03" {
		t.Errorf("Date() = %q, want 2026-09-03", got)
	}
	if src := c.Sources(); len(src) != 1 || src[0].Name != "az role definition list" || len(src[0].SHA256) != 64 {
		t.Errorf("Sources() = %v", src)
	}

	r, ok := c.Lookup(strings.ToUpper(Reader))
	if !ok || r.Name != "Reader" || !r.IncludesReader() || !r.Eligibility().Delegable {
		t.Errorf("Lookup(Reader) = %+v, %v", r, ok)
	}
	if _, ok := c.Lookup("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"); ok {
		t.Error("the custom role was kept")
	}
	if _, ok := c.Lookup(Owner); ok {
		t.Error("Owner found in a listing that does not have it")
	}

	// The embedded history applies by GUID to the fresher listing.
	r, _ = c.Lookup("92aaf0da-9dab-42b6-94a3-d43ce8d16293")
	if e := r.Eligibility(); e.Reason != "has data actions since 2026-05-23 (Microsoft.OperationalInsights/workspaces/jobs/export/action)" {
		t.Errorf("Log Analytics Contributor: Reason %q", e.Reason)
	}
	if got := r.KeyActions(); !slices.Equal(got, []string{"Microsoft.Storage/storageAccounts/listKeys/action"}) {
		t.Errorf("Log Analytics Contributor: KeyActions() = %q", got)
	}

	// A role the listing has again is not retired; the others still are.
	if r, ok := c.Lookup("4e9b8407-af2e-495b-ae54-bb60a55b1b5a"); !ok || r.Name != "Chamber Admin" || !r.Eligibility().Delegable {
		t.Errorf("Lookup(Chamber Admin) = %+v, %v", r, ok)
	}
	if _, ok := c.LookupRetired("4e9b8407-af2e-495b-ae54-bb60a55b1b5a"); ok {
		t.Error("Chamber Admin is listed and still retired")
	}
	if r, ok := c.LookupRetired("4447db05-44ed-4da3-ae60-6cbece780e32"); !ok || r.LastSeen != "2025-03-18" {
		t.Errorf("LookupRetired(Chamber User) = %+v, %v", r, ok)
	}

	// A role the history has not seen is deprecated when its text says so;
	// its two blocks stay apart and the flat lists join them.
	r, _ = c.ByName("Widget Reader")
	e := r.Eligibility()
	if !r.Deprecated || r.Added != "" || len(r.Permissions) != 2 ||
		!slices.Equal(r.Actions, []string{"Microsoft.Widgets/widgets/read", "Microsoft.Widgets/gadgets/read"}) ||
		e.Problem != ProblemDataActions || e.Reason != "has notDataActions (Microsoft.Widgets/gadgets/secrets/read)" {
		t.Errorf("Widget Reader = %+v, eligibility %+v", r, e)
	}
}

func TestParseAzureCLIRest(t *testing.T) {
	c, err := ParseAzureCLI(readFixture(t, "rest-role-list.json"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 1 || c.Date() != "2026-05-05" {
		t.Fatalf("Len() = %d, Date() = %q; want 1, 2026-05-05", c.Len(), c.Date())
	}
	r, ok := c.ByName("Contributor")
	if !ok || r.ID != Contributor || !r.Eligibility().Delegable || len(r.NotActions) != 2 {
		t.Errorf("Contributor = %+v, %v", r, ok)
	}
}

func TestParseAzureCLIWithoutHistory(t *testing.T) {
	c, err := parseAzureCLI(readFixture(t, "az-role-list.json"), nil)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := c.Lookup("92aaf0da-9dab-42b6-94a3-d43ce8d16293")
	if e := r.Eligibility(); e.Since != "" || e.Reason != "has data actions (Microsoft.OperationalInsights/workspaces/jobs/export/action)" {
		t.Errorf("Log Analytics Contributor without history: %+v", e)
	}
	if len(c.AllRetired()) != 0 {
		t.Errorf("AllRetired() = %v, want none", c.AllRetired())
	}
}

// TestParseAzureCLIUTF16 reads the listing as Windows PowerShell 5 writes
// `az role definition list > roles.json`: UTF-16 with a byte order mark.
func TestParseAzureCLIUTF16(t *testing.T) {
	text := string(readFixture(t, "az-role-list.json"))
	for name, data := range map[string][]byte{
		"UTF-16LE": sourcetest.UTF16LE(text),
		"UTF-16BE": sourcetest.UTF16BE(text),
	} {
		c, err := ParseAzureCLI(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if c.Len() != 4 {
			t.Errorf("%s: %d roles, want 4", name, c.Len())
		}
	}
	// A surrogate without its pair is an error at its character.
	bad := append(sourcetest.UTF16LE("[\n  \""), 0x00, 0xD8, '"', 0, ']', 0)
	if _, err := ParseAzureCLI(bad); err == nil || !strings.HasPrefix(err.Error(), "2:4: ") {
		t.Errorf("unpaired surrogate: error %v, want one at 2:4", err)
	}
}

func TestParseAzureCLIErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"malformed fixture", string(readFixture(t, "malformed-az-role-list.json")),
			"5:45: invalid character '}' looking for beginning of object key string"},
		{"empty", "", "1:1: unexpected end of JSON input"},
		{"truncated", "[\n  {\"name\": \"x\"", "2:15: unexpected end of JSON input"},
		{"wrong type", "[{\"name\": 1}]", "1:11: name is a JSON number, want a string"},
		{"wrong nested type", `[{"permissions": [{"actions": "*"}]}]`, "1:33: permissions.actions is a JSON string, want an array"},
		{"wrong top type", `"roles"`, "1:7: value is a JSON string, want an array"},
		{"BOM then garbage", "\ufeff[x]", "1:2: invalid character 'x' looking for beginning of value"},
		{"not a list", `{"roles": []}`, `want a JSON array of role definitions, or an object with a "value" array`},
		{"null", `null`, "no built-in role definitions in the listing"},
		{"only custom roles", `[{"name": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "roleName": "Mine", "roleType": "CustomRole"}]`,
			"no built-in role definitions in the listing"},
		{"no GUID", `[{"name": "Reader", "roleName": "Reader"}]`,
			`role definition 1 ("Reader"): no role definition GUID in name or id`},
		{"no name", `[{"name": "acdd72a7-3385-48ef-bd42-f606fba81ae7"}]`,
			"role definition 1 (acdd72a7-3385-48ef-bd42-f606fba81ae7): no roleName"},
		{"duplicate", `[{"name": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "roleName": "Reader"},
			{"name": "ACDD72A7-3385-48ef-bd42-f606fba81ae7", "roleName": "Reader 2"}]`,
			`role definition 2 ("Reader 2"): acdd72a7-3385-48ef-bd42-f606fba81ae7 appears twice`},
	} {
		c, err := ParseAzureCLI([]byte(tc.in))
		if err == nil {
			t.Errorf("%s: ParseAzureCLI gave a catalog of %d roles, want error %q", tc.name, c.Len(), tc.want)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("%s: error\n%s\nwant\n%s", tc.name, err, tc.want)
		}
	}
}
