package principals

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/source/sourcetest"
)

// dump lists the objects of inv, one line each, sorted by ID.
func dump(inv *Inventory) []string {
	var out []string
	for _, p := range inv.byID {
		line := fmt.Sprintf("%s %s %q", p.ID, p.Kind, p.DisplayName)
		if p.Kind == Group || p.SecurityEnabledKnown || p.MailEnabled || len(p.GroupTypes) > 0 {
			security := "security=?"
			if p.SecurityEnabledKnown {
				security = fmt.Sprintf("security=%t", p.SecurityEnabled)
			}
			line += fmt.Sprintf(" %s mail=%t types=%v", security, p.MailEnabled, p.GroupTypes)
		}
		if p.AppID != "" {
			line += " app=" + p.AppID
		}
		if p.ServicePrincipalType != "" {
			line += " spType=" + p.ServicePrincipalType
		}
		if p.UserPrincipalName != "" {
			line += " upn=" + p.UserPrincipalName
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}

func TestParseFiles(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"graph_groups.json", []string{
			`3f2c8a1e-4b5d-4e6f-8a7b-9c0d1e2f3a4b group "Contoso Helpdesk" security=false mail=true types=[Unified]`,
			`6b3f0c2d-9e8a-4d71-b5c4-1a2e3f4d5c6b group "Relecloud NOC Readers" security=true mail=false types=[]`,
			`a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d group "Relecloud All Staff" security=false mail=true types=[]`,
		}},
		{"graph_mixed.json", []string{
			`0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f user "Avery Nakamura" upn=avery@relecloud.example`,
			`1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6 unknown object "RELECLOUD-LAPTOP-17"`,
			`5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9 service principal "Relecloud Automation" app=9f8e7d6c-5b4a-4938-8271-6a5b4c3d2e1f spType=Application`,
			`7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d application "Relecloud Automation" app=9f8e7d6c-5b4a-4938-8271-6a5b4c3d2e1f`,
		}},
		{"az_group_list.json", []string{
			`c8d7e6f5-a4b3-4c2d-9e1f-0a9b8c7d6e5f group "Relecloud Operators" security=true mail=false types=[]`,
			`e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6a7b group "Relecloud Escalation" security=true mail=true types=[Unified]`,
		}},
		{"az_sp_list.json", []string{
			`8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f service principal "relecloud-deployer" app=2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e spType=Application`,
			`9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a service principal "relecloud-runner-identity" app=4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a spType=ManagedIdentity`,
		}},
		{"az_user_list.json", []string{
			`f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9 user "Jordan Björk" upn=jordan@relecloud.example`,
		}},
		{"az_legacy_list.json", []string{
			`b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e group "Relecloud Legacy Admins" security=true mail=false types=[]`,
			`d9e0f1a2-b3c4-4d5e-9f6a-7b8c9d0e1f2a service principal "legacy-backup" app=3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f spType=Application`,
		}},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.file, ".json"), func(t *testing.T) {
			content, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			inv := New()
			if err := inv.Parse(tt.file, content); err != nil {
				t.Fatal(err)
			}
			if got := dump(inv); !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseShapes(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"graph array", `[{"@odata.type": "#microsoft.graph.group", "id": "11111111-2222-4333-8444-555555555555", "displayName": "G"}]`,
			[]string{`11111111-2222-4333-8444-555555555555 group "G" security=? mail=false types=[]`}},
		{"odata type without hash, any case", `{"value": [{"@odata.type": "Microsoft.Graph.ServicePrincipal", "id": "a"}]}`,
			[]string{`a service principal ""`}},
		{"empty value", `{"@odata.context": "x", "value": []}`, nil},
		{"empty array", ` [ ] `, nil},
		{"value after other members", `{"@odata.count": 1, "@odata.nextLink": "https://graph.microsoft.com/v1.0/groups?$skiptoken=x", "value": [{"id": "B", "securityEnabled": true}]}`,
			[]string{`b group "" security=true mail=false types=[]`}},
		{"single object", `{"id": "C", "displayName": "One", "userPrincipalName": "one@x.example"}`,
			[]string{`c user "One" upn=one@x.example`}},
		{"legacy single object", `{"objectId": "D", "objectType": "User"}`, []string{`d user ""`}},
		{"id wins over objectId", `[{"id": "E", "objectId": "F"}]`, []string{`e unknown object ""`}},
		{"inferred group from groupTypes", `[{"id": "g", "groupTypes": ["Unified"]}]`,
			[]string{`g group "" security=? mail=false types=[Unified]`}},
		{"inferred group from mailEnabled", `[{"id": "g", "mailEnabled": true}]`,
			[]string{`g group "" security=? mail=true types=[]`}},
		{"inferred application", `[{"id": "h", "appId": "AA", "displayName": "App"}]`,
			[]string{`h application "App" app=aa`}},
		{"sp wins over appId", `[{"id": "i", "appId": "aa", "servicePrincipalType": "Application"}]`,
			[]string{`i service principal "" app=aa spType=Application`}},
		{"nulls are absent", `[{"id": "j", "servicePrincipalType": null, "userPrincipalName": null, "securityEnabled": null, "groupTypes": null, "appId": null}]`,
			[]string{`j unknown object ""`}},
		{"unexpected types are ignored", `[{"id": "k", "displayName": 5, "securityEnabled": "yes", "groupTypes": ["Unified", 3, null], "@odata.type": ["x"]}]`,
			[]string{`k group "" security=? mail=false types=[Unified]`}},
		{"escapes", `[{"id": "L", "displayName": "Ops \"A\" \u00e9\/\ud83d\ude00"}]`,
			[]string{`l unknown object "Ops \"A\" é/😀"`}},
		{"skipped items", `{"value": [null, 1, "x", [], {"displayName": "no id"}, {"id": ""}, {"id": 7}, {"id": "m"}]}`,
			[]string{`m unknown object ""`}},
		{"deep item is skipped", `[` + strings.Repeat(`[`, 5000) + strings.Repeat(`]`, 5000) + `, {"id": "n", "x": ` + strings.Repeat(`{"a":`, 3000) + `1` + strings.Repeat(`}`, 3000) + `}]`,
			[]string{`n unknown object ""`}},
		{"envelope is not an object", `{"id": "envelope", "value": [{"id": "r"}]}`, []string{`r unknown object ""`}},
		{"escaped key", `[{"\u0069d": "S", "display\u004eame": "Esc"}]`, []string{`s unknown object "Esc"`}},
		{"keys ignore case", `[{"ID": "T", "ObjectType": "group"}]`, []string{`t group "" security=? mail=false types=[]`}},
		{"utf-8 byte order mark", "\xEF\xBB\xBF[{\"id\": \"o\"}]", []string{`o unknown object ""`}},
		{"utf-16le", string(sourcetest.UTF16LE("[{\"id\": \"P\", \"displayName\": \"Zoë\"}]")), []string{`p unknown object "Zoë"`}},
		{"utf-16be", string(sourcetest.UTF16BE("[{\"id\": \"Q\"}]")), []string{`q unknown object ""`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv := New()
			if err := inv.Parse("p.json", []byte(tt.in)); err != nil {
				t.Fatal(err)
			}
			if got := dump(inv); !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", ``, `p.json:1:1: unexpected end of JSON input`},
		{"white space", "\n  \n", `p.json:3:1: unexpected end of JSON input`},
		{"not json", `not json`, `p.json:1:2: invalid character 'o' in literal null (expecting 'u')`},
		{"trailing comma", "{\"value\": [\n  {\"id\": \"a\"},\n]}", `p.json:3:1: invalid character ']' looking for beginning of value`},
		{"unterminated", `[{"id": "x"}`, `p.json:1:13: unexpected end of JSON input`},
		{"columns count characters", `[{"displayName": "Zoë" "id": "1"}]`, `p.json:1:24: invalid character '"' after object key:value pair`},
		{"tab is one column", "[\n\t{\"id\": x}]", `p.json:2:9: invalid character 'x' looking for beginning of value`},
		{"crlf", "[\r\n  {\"id\": \"a\"}\r\n  {\"id\": \"b\"}]", `p.json:3:3: invalid character '{' after array element`},
		{"data after value", `[] []`, `p.json:1:4: invalid character '[' after top-level value`},
		{"byte order mark is not a column", "\xEF\xBB\xBF[1,]", `p.json:1:4: invalid character ']' looking for beginning of value`},
		{"utf-16 position", string(sourcetest.UTF16LE("[\n  {\"displayName\": \"Zoë\" x}]")), `p.json:2:25: invalid character 'x' after object key:value pair`},
		{"utf-16 surrogate without its pair", string(sourcetest.UTF16LE("[\n  \"")) + "\x3D\xD8\x22\x00]\x00", `p.json:2:4: invalid UTF-16: surrogate U+D83D without its pair`},
		{"string", ` "abc"`, `p.json:1:2: want a JSON array of directory objects or an object with a "value" array, found a string`},
		{"number", `42`, `p.json:1:1: want a JSON array of directory objects or an object with a "value" array, found a number`},
		{"null", "\nnull", `p.json:2:1: want a JSON array of directory objects or an object with a "value" array, found null`},
		{"value not an array", `{"@odata.context": "x", "value": {"id": "1"}}`, `p.json:1:34: "value" must be an array of directory objects, found an object`},
		{"value null", "{\n  \"value\":\n    null\n}", `p.json:3:5: "value" must be an array of directory objects, found null`},
		{"object without value or id", `{"count": 3}`, `p.json:1:1: want a JSON array of directory objects or an object with a "value" array, found an object with neither "value" nor "id"`},
		{"too deep", strings.Repeat("[", 20000), `p.json:1:10001: invalid character '[' exceeded max depth`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv := New()
			err := inv.Parse("p.json", []byte(tt.in))
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			if inv.Len() != 0 {
				t.Errorf("a file with an error added %d objects", inv.Len())
			}
		})
	}
}

// TestParseErrorKeepsInventory checks that an export with an error adds
// nothing, even after objects it read before the error.
func TestParseErrorKeepsInventory(t *testing.T) {
	inv := New()
	err := inv.Parse("p.json", []byte(`{"value": [{"id": "a"}], "value": 5}`))
	if err == nil || inv.Len() != 0 {
		t.Errorf("got %v and %d objects, want an error and none", err, inv.Len())
	}
}

func TestLookup(t *testing.T) {
	inv := New()
	for _, file := range []string{"graph_mixed.json", "az_sp_list.json"} {
		content, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		if err := inv.Parse(file, content); err != nil {
			t.Fatal(err)
		}
	}
	if inv.Len() != 6 {
		t.Errorf("Len() = %d, want 6", inv.Len())
	}
	if p := inv.Lookup("0C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F"); p == nil || p.Kind != User {
		t.Errorf("Lookup in upper case = %v, want the user", p)
	}
	if p := inv.Lookup("00000000-0000-0000-0000-000000000000"); p != nil {
		t.Errorf("Lookup of an absent ID = %v, want nil", p)
	}
	var kinds []Kind
	for _, p := range inv.ByAppID("9F8E7D6C-5B4A-4938-8271-6A5B4C3D2E1F") {
		kinds = append(kinds, p.Kind)
	}
	slices.Sort(kinds)
	if !slices.Equal(kinds, []Kind{ServicePrincipal, Application}) {
		t.Errorf("ByAppID = %v, want the service principal and the application", kinds)
	}
	var nilInv *Inventory
	if nilInv.Lookup("a") != nil || nilInv.ByAppID("a") != nil || nilInv.Len() != 0 {
		t.Error("a nil inventory must be empty")
	}
}

// TestParseTwice checks that an object in two exports is kept once, as
// the export read last says, unless that one does not say what it is.
func TestParseTwice(t *testing.T) {
	inv := New()
	for _, in := range []string{
		`[{"id": "a", "appId": "x", "servicePrincipalType": "Application", "displayName": "old"}]`,
		`[{"id": "A", "appId": "X", "servicePrincipalType": "Application", "displayName": "new"}, {"id": "b", "securityEnabled": true}]`,
		`[{"id": "b", "displayName": "kind unknown"}]`,
	} {
		if err := inv.Parse("p.json", []byte(in)); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		`a service principal "new" app=x spType=Application`,
		`b group "" security=true mail=false types=[]`,
	}
	if got := dump(inv); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(inv.ByAppID("x")); n != 1 {
		t.Errorf("ByAppID has %d objects, want 1", n)
	}
}

func TestIsMicrosoft365Group(t *testing.T) {
	for _, tt := range []struct {
		types []string
		want  bool
	}{
		{nil, false},
		{[]string{"DynamicMembership"}, false},
		{[]string{"DynamicMembership", "unified"}, true},
	} {
		if got := (&Principal{GroupTypes: tt.types}).IsMicrosoft365Group(); got != tt.want {
			t.Errorf("IsMicrosoft365Group(%v) = %t, want %t", tt.types, got, tt.want)
		}
	}
}

// FuzzParse feeds any bytes to Parse: it must return, without panicking,
// and either add objects or fail with an error at a position.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.json")
	for _, path := range seeds {
		content, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(content)
	}
	f.Add([]byte(`{"value": {"id": "1"}}`))
	f.Add([]byte(`{"id": "1", "objectType": "Group"}`))
	f.Add(sourcetest.UTF16LE(`[{"id": "1"}]`))
	f.Fuzz(func(t *testing.T, content []byte) {
		inv := New()
		err := inv.Parse("f.json", content)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.json:") {
				t.Errorf("error %q does not start with the file name", err)
			}
			if inv.Len() != 0 {
				t.Errorf("a file with an error added %d objects", inv.Len())
			}
			return
		}
		for id, p := range inv.byID {
			if id != p.ID || id != strings.ToLower(id) || p.ID == "" {
				t.Errorf("object %q stored as %q", p.ID, id)
			}
		}
	})
}

// BenchmarkParse reads a Graph export of 100,000 groups.
func BenchmarkParse(b *testing.B) {
	content := largeExport(100_000)
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for b.Loop() {
		if err := New().Parse("groups.json", content); err != nil {
			b.Fatal(err)
		}
	}
}

// largeExport returns a Graph export of n groups, with the members Graph
// returns without $select.
func largeExport(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups", "value": [`)
	for i := range n {
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, `
    {"@odata.type": "#microsoft.graph.group", "id": "%08x-1111-4222-8333-444444444444", "deletedDateTime": null,
     "classification": null, "createdDateTime": "2024-05-01T10:00:00Z", "creationOptions": [],
     "description": "Group number %d of the benchmark", "displayName": "Group %d",
     "expirationDateTime": null, "groupTypes": [], "isAssignableToRole": null, "mail": null,
     "mailEnabled": false, "mailNickname": "group-%d", "membershipRule": null,
     "onPremisesSyncEnabled": null, "proxyAddresses": [], "renewedDateTime": "2024-05-01T10:00:00Z",
     "resourceBehaviorOptions": [], "resourceProvisioningOptions": [], "securityEnabled": true,
     "securityIdentifier": "S-1-12-1-1-2-3-%d", "theme": null, "visibility": null}`, i, i, i, i, i)
	}
	buf.WriteString("\n]}\n")
	return buf.Bytes()
}
