package roles

import (
	"slices"
	"strings"
	"testing"
)

func TestBuiltinCatalog(t *testing.T) {
	c := Builtin()
	if c != Builtin() {
		t.Error("Builtin() returned two different catalogs; it must parse once")
	}
	if got := c.Len(); got != 928 {
		t.Errorf("Len() = %d, want 928", got)
	}
	if got := len(c.All()); got != 928 {
		t.Errorf("len(All()) = %d, want 928", got)
	}
	if got := c.Date(); got != "2026-08-22" {
		t.Errorf("Date() = %q, want 2026-08-22", got)
	}
	want := []Source{
		{"azure-builtin-roles.json", "67cc22f3b330193e034f106d8237a767fd7b759f231448bfe5e62c12a849428c"},
		{"azure-retired-roles.json", "afd2b80130f8f953f7426f1e3452dd2779acd60827090bcd7c12d302c572611d"},
		{"azure-role-history.json", "b96a118984148d312b5289b327ea737501c53559aa6c1dfdf708db3a6b5c15b4"},
	}
	if got := c.Sources(); !slices.Equal(got, want) {
		t.Errorf("Sources() = %v, want %v", got, want)
	}
	if got := len(c.AllRetired()); got != 15 {
		t.Errorf("len(AllRetired()) = %d, want 15", got)
	}
}

func TestAllSortedByName(t *testing.T) {
	all := Builtin().All()
	if !slices.IsSortedFunc(all, compareRoles) {
		t.Fatal("All() is not sorted by name")
	}
	if all[0].Name != "Access Review Operator Service Role" {
		t.Errorf("All()[0] = %q, want Access Review Operator Service Role", all[0].Name)
	}
	// All returns a copy: changing it must not change the catalog.
	all[0] = nil
	if Builtin().All()[0] == nil {
		t.Error("All() exposes the catalog's own slice")
	}
}

func TestLookupWellKnown(t *testing.T) {
	c := Builtin()
	for _, tc := range []struct{ id, name string }{
		{Owner, "Owner"},
		{Contributor, "Contributor"},
		{Reader, "Reader"},
		{UserAccessAdministrator, "User Access Administrator"},
		{RegistrationAssignmentDelete, "Managed Services Registration assignment Delete Role"},
		{RoleBasedAccessControlAdministrator, "Role Based Access Control Administrator"},
	} {
		for _, ref := range []string{
			tc.id,
			strings.ToUpper(tc.id),
			"/providers/Microsoft.Authorization/roleDefinitions/" + tc.id,
			"/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Authorization/roleDefinitions/" + tc.id,
			"/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/PROVIDERS/MICROSOFT.AUTHORIZATION/ROLEDEFINITIONS/" + strings.ToUpper(tc.id),
		} {
			r, ok := c.Lookup(ref)
			if !ok {
				t.Errorf("Lookup(%q) found nothing, want %s", ref, tc.name)
				continue
			}
			if r.ID != tc.id || r.Name != tc.name {
				t.Errorf("Lookup(%q) = %s %q, want %s %q", ref, r.ID, r.Name, tc.id, tc.name)
			}
		}
		r, ok := c.ByName(tc.name)
		if !ok || r.ID != tc.id {
			t.Errorf("ByName(%q) = %v, %v; want %s", tc.name, r, ok, tc.id)
		}
	}
}

func TestLookupRejects(t *testing.T) {
	c := Builtin()
	for _, ref := range []string{
		"",
		" " + Reader,
		Reader + " ",
		Reader + "\n",
		"{" + Reader + "}",
		"Reader",
		"acdd72a7338548efbd42f606fba81ae7",
		"acdd72a7-3385-48ef-bd42-f606fba81ae",
		"/providers/Microsoft.Authorization/roleDefinitions/" + Reader + "/",
		"providers/Microsoft.Authorization/roleDefinitions/" + Reader,
		"//providers/Microsoft.Authorization/roleDefinitions/" + Reader,
		"/subscriptions/x y/providers/Microsoft.Authorization/roleDefinitions/" + Reader,
		"/providers/Microsoft.Authorization/roleAssignments/" + Reader,
		"00000000-0000-0000-0000-000000000000",
	} {
		if r, ok := c.Lookup(ref); ok {
			t.Errorf("Lookup(%q) = %s, want nothing", ref, r.Name)
		}
	}
}

func TestNormalizeID(t *testing.T) {
	for _, tc := range []struct {
		ref, want string
		ok        bool
	}{
		{"ACDD72A7-3385-48EF-BD42-F606FBA81AE7", Reader, true},
		{"/providers/microsoft.authorization/roledefinitions/ACDD72A7-3385-48ef-bd42-f606fba81ae7", Reader, true},
		{"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Authorization/roleDefinitions/" + Reader, Reader, true},
		{"/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/roleDefinitions/" + Reader, Reader, true},
		// Not built in, but still a well-formed reference.
		{"0f0e0d0c-0b0a-4909-8807-060504030201", "0f0e0d0c-0b0a-4909-8807-060504030201", true},
		{"[parameters('role')]", "", false},
		{"\t" + Reader, "", false},
		{"/providers/Microsoft.Authorization/roleDefinitions/" + Reader + " ", "", false},
	} {
		got, ok := NormalizeID(tc.ref)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormalizeID(%q) = %q, %v; want %q, %v", tc.ref, got, ok, tc.want, tc.ok)
		}
	}
}

func TestIsGUID(t *testing.T) {
	for s, want := range map[string]bool{
		"8e3af657-a8ff-443c-a75c-2fe8c4bcb635":   true,
		"8E3AF657-A8FF-443C-A75C-2FE8C4BCB635":   true,
		"00000000-0000-0000-0000-000000000000":   true,
		"8e3af657-a8ff-443c-a75c-2fe8c4bcb63":    false,
		"8e3af657-a8ff-443c-a75c-2fe8c4bcb6355":  false,
		"8e3af657a-8ff-443c-a75c-2fe8c4bcb635":   false,
		"3kl47fff-5655-4779-b726-2cf02b05c7c4":   false, // the docs' old example, rejected by Azure
		"{8e3af657-a8ff-443c-a75c-2fe8c4bcb635}": false,
		"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx":   false,
		"":                                       false,
	} {
		if got := IsGUID(s); got != want {
			t.Errorf("IsGUID(%q) = %v, want %v", s, got, want)
		}
	}
	if !IsNilGUID("00000000-0000-0000-0000-000000000000") || IsNilGUID(Owner) || IsNilGUID("0") {
		t.Error("IsNilGUID is wrong")
	}
}

func TestByName(t *testing.T) {
	c := Builtin()
	if r, ok := c.ByName("Reader"); !ok || r.ID != Reader {
		t.Errorf("ByName(Reader) = %v, %v", r, ok)
	}
	if r, ok := c.ByName("reader"); ok {
		t.Errorf("ByName(reader) = %s, want nothing: ByName is exact", r.Name)
	}
	if r, ok := c.ByNameFold("reader"); !ok || r.ID != Reader {
		t.Errorf("ByNameFold(reader) = %v, %v", r, ok)
	}
	if r, ok := c.ByNameFold("MANAGED SERVICES REGISTRATION ASSIGNMENT DELETE ROLE"); !ok || r.ID != RegistrationAssignmentDelete {
		t.Errorf("ByNameFold(MANAGED SERVICES …) = %v, %v", r, ok)
	}
	// The one built-in name with a trailing space is kept verbatim.
	if _, ok := c.ByName("Azure Arc VMware Administrator role "); !ok {
		t.Error(`ByName("Azure Arc VMware Administrator role ") found nothing`)
	}
	if _, ok := c.ByName("Azure Arc VMware Administrator role"); ok {
		t.Error(`ByName("Azure Arc VMware Administrator role") found a role; the name has a trailing space`)
	}
}

func TestLookupRetired(t *testing.T) {
	c := Builtin()
	r, ok := c.LookupRetired("4E9B8407-AF2E-495B-AE54-BB60A55B1B5A")
	if !ok {
		t.Fatal("LookupRetired(Chamber Admin) found nothing")
	}
	want := Retired{ID: "4e9b8407-af2e-495b-ae54-bb60a55b1b5a", Name: "Chamber Admin", FirstSeen: "2022-07-31", LastSeen: "2025-03-18"}
	if *r != want {
		t.Errorf("LookupRetired(Chamber Admin) = %+v, want %+v", *r, want)
	}
	if _, ok := c.Lookup(want.ID); ok {
		t.Error("Lookup(Chamber Admin) found a current role")
	}
	if _, ok := c.LookupRetired(Reader); ok {
		t.Error("LookupRetired(Reader) found a retired role")
	}
	r, ok = c.LookupRetired("/providers/Microsoft.Authorization/roleDefinitions/2ec40fb7-0838-470f-a644-a574aa191e92")
	if !ok || r.Name != "ResourceBuilder Contributor" || r.LastSeen != "2026-06-29" {
		t.Errorf("LookupRetired(ResourceBuilder Contributor) = %+v, %v", r, ok)
	}
}

func TestSearch(t *testing.T) {
	c := Builtin()
	names := func(rs []*Role) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Name)
		}
		return out
	}
	if got, want := names(c.Search("log analytics")), []string{"Log Analytics Contributor", "Log Analytics Data Reader", "Log Analytics Reader"}; !slices.Equal(got, want) {
		t.Errorf("Search(log analytics) = %q, want %q", got, want)
	}
	if got, want := names(c.Search("8E3AF657")), []string{"Owner"}; !slices.Equal(got, want) {
		t.Errorf("Search(8E3AF657) = %q, want %q", got, want)
	}
	if got := c.Search("no such role anywhere"); len(got) != 0 {
		t.Errorf("Search(no such role anywhere) = %q, want nothing", names(got))
	}
	if got := len(c.Search("")); got != 928 {
		t.Errorf("len(Search(\"\")) = %d, want 928", got)
	}
}

func TestRolePermissions(t *testing.T) {
	c := Builtin()
	r, _ := c.Lookup(Contributor)
	if !slices.Equal(r.Actions, []string{"*"}) || len(r.NotActions) != 11 || r.NotActions[0] != "Microsoft.Authorization/*/Delete" {
		t.Errorf("Contributor: Actions %q, NotActions %q", r.Actions, r.NotActions)
	}
	if len(r.Permissions) != 1 || r.Description != "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries." {
		t.Errorf("Contributor: %d blocks, description %q", len(r.Permissions), r.Description)
	}
	// A role with three blocks: the flat lists are their union, in order.
	r, ok := c.ByName("Azure Resilience Management Drills Target Resource Administrator")
	if !ok {
		t.Fatal("ByName(Azure Resilience Management Drills Target Resource Administrator) found nothing")
	}
	n := 0
	for _, p := range r.Permissions {
		n += len(p.Actions)
	}
	if len(r.Permissions) < 2 || n != len(r.Actions) || r.Actions[0] != r.Permissions[0].Actions[0] {
		t.Errorf("multi-block role: %d blocks, %d actions in blocks, %d flat", len(r.Permissions), n, len(r.Actions))
	}
	// Descriptions keep their escapes: a no-break space survives the file.
	r, ok = c.ByName("Azure Kubernetes Fleet Manager RBAC Reader for Member Clusters")
	if !ok {
		t.Fatal("ByName(Azure Kubernetes Fleet Manager RBAC Reader for Member Clusters) found nothing")
	}
	if !strings.HasPrefix(r.Description, "Allows\u00a0read-only\u00a0access") {
		t.Errorf("Fleet Manager RBAC Reader for Member Clusters: description %q", r.Description)
	}
}

func BenchmarkBuiltin(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(builtinText)))
	for b.Loop() {
		if _, err := parse(builtinText); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentUse runs what rules do from several goroutines at once; with
// -race it proves the catalog is read-only after Builtin.
func TestConcurrentUse(t *testing.T) {
	done := make(chan bool)
	for range 4 {
		go func() {
			c := Builtin()
			for _, r := range c.All() {
				r.Eligibility()
				r.IncludesReader()
				r.KeyActions()
				c.Lookup(r.ID)
			}
			c.ByNameFold("reader")
			c.Search("data")
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}
