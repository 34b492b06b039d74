package roles

import "testing"

func TestExceeds(t *testing.T) {
	c := Builtin()
	role := func(id string) *Role {
		r, ok := c.Lookup(id)
		if !ok {
			t.Fatalf("no role %s", id)
		}
		return r
	}
	vmContributor, _ := c.ByName("Virtual Machine Contributor")
	blobReader, _ := c.ByName("Storage Blob Data Reader")
	for _, tc := range []struct {
		name     string
		new, old *Role
		want     bool
	}{
		{"Contributor over Reader", role(Contributor), role(Reader), true},
		{"Reader over Contributor", role(Reader), role(Contributor), false},
		{"Owner over Contributor: Contributor's NotActions", role(Owner), role(Contributor), true},
		{"Contributor over Owner", role(Contributor), role(Owner), false},
		{"User Access Administrator over Reader", role(UserAccessAdministrator), role(Reader), true},
		{"Reader over itself", role(Reader), role(Reader), false},
		{"Virtual Machine Contributor over Contributor", vmContributor, role(Contributor), false},
		{"Contributor over Virtual Machine Contributor", role(Contributor), vmContributor, true},
		{"data actions are not in Contributor", blobReader, role(Contributor), true},
	} {
		if got := tc.new.Exceeds(tc.old); got != tc.want {
			t.Errorf("%s: Exceeds = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		p, a string
		want bool
	}{
		{"*", "Microsoft.Compute/*", true},
		{"*/read", "Microsoft.Compute/virtualMachines/read", true},
		{"*/read", "Microsoft.Compute/*", false},
		{"Microsoft.Compute/*", "microsoft.compute/virtualmachines/*", true},
		{"Microsoft.Compute/virtualMachines/read", "Microsoft.Compute/*", false},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
	} {
		if got := covers(tc.p, tc.a); got != tc.want {
			t.Errorf("covers(%q, %q) = %v, want %v", tc.p, tc.a, got, tc.want)
		}
	}
}
