package model

import (
	"slices"
	"testing"
)

// TestAllGrants checks the order and places the Deployment's walks of
// its grants give, over several definitions, and that a walk allocates
// nothing: rules walk the grants of every deployment many times.
func TestAllGrants(t *testing.T) {
	auth := func() *Authorization { return &Authorization{} }
	elig := func() *EligibleAuthorization { return &EligibleAuthorization{} }
	d := &Deployment{Definitions: []*Definition{
		{Authorizations: []*Authorization{auth(), auth()}, EligibleAuthorizations: []*EligibleAuthorization{elig()}},
		{},
		{Authorizations: []*Authorization{auth()}, EligibleAuthorizations: []*EligibleAuthorization{elig(), elig()}},
	}}
	defs := d.Definitions
	var want []*Grant
	for _, a := range slices.Concat(defs[0].Authorizations, defs[2].Authorizations) {
		want = append(want, &a.Grant)
	}
	for _, e := range slices.Concat(defs[0].EligibleAuthorizations, defs[2].EligibleAuthorizations) {
		want = append(want, &e.Grant)
	}
	var got []*Grant
	for i, g := range d.AllGrants() {
		if i != len(got) {
			t.Errorf("grant %d walked as place %d", len(got), i)
		}
		got = append(got, g)
	}
	if !slices.Equal(got, want) {
		t.Errorf("AllGrants walked %v, want %v", got, want)
	}
	for i, a := range d.AllAuthorizations() {
		if &a.Grant != want[i] {
			t.Errorf("AllAuthorizations: place %d is not the grant AllGrants walks there", i)
		}
	}
	for i, e := range d.AllEligibleAuthorizations() {
		if &e.Grant != want[3+i] {
			t.Errorf("AllEligibleAuthorizations: place %d is not the grant AllGrants walks there", i)
		}
	}
	n := 0
	allocs := testing.AllocsPerRun(100, func() {
		for range d.AllGrants() {
			n++
		}
	})
	if allocs != 0 {
		t.Errorf("walking the grants allocates %v times, want 0", allocs)
	}
}
