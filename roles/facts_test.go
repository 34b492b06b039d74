package roles

import (
	"reflect"
	"testing"
)

// TestFactsAreTheRoles checks that what a catalog remembers of each role is
// what the role's methods compute, for the roles of the catalog and for a
// role of another one.
func TestFactsAreTheRoles(t *testing.T) {
	c := Builtin()
	other := &Role{ID: "0f0e0d0c-0b0a-4909-8807-060504030201", Name: "Widget Operator",
		Actions: []string{"Microsoft.Widgets/listKeys/action", "Microsoft.Authorization/locks/write"}}
	for _, r := range append(c.All(), other) {
		for range 2 { // worked out, then remembered
			if got, want := c.Eligibility(r), r.Eligibility(); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Eligibility = %+v, want %+v", r.Name, got, want)
			}
			if got, want := c.KeyActions(r), r.KeyActions(); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: KeyActions = %q, want %q", r.Name, got, want)
			}
			if got, want := c.IncludesReader(r), r.IncludesReader(); got != want {
				t.Errorf("%s: IncludesReader = %v, want %v", r.Name, got, want)
			}
		}
	}
}

// TestFactsDoNotAllocate checks that asking again of a role costs no
// allocation: rules ask for every grant of every deployment.
func TestFactsDoNotAllocate(t *testing.T) {
	c := Builtin()
	r, _ := c.Lookup("73c42c96-874c-492b-b04d-ab87d138a893") // Log Analytics Reader: data actions
	allocs := testing.AllocsPerRun(100, func() {
		c.Eligibility(r)
		c.KeyActions(r)
		c.IncludesReader(r)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per call, want 0", allocs)
	}
}
