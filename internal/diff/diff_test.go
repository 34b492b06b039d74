package diff

import (
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// deployment returns a deployment of one definition named name, managed by
// tenant, that grants principal the role.
func deployment(name, tenant, principal, role string) *model.Deployment {
	var sp model.Span
	a := &model.Authorization{Grant: model.Grant{
		PrincipalID:      model.StringValue(principal, sp),
		RoleDefinitionID: model.StringValue(role, sp),
	}}
	def := &model.Definition{
		Resource:            model.Resource{Name: model.StringValue(name, sp)},
		ManagedByTenantID:   model.StringValue(tenant, sp),
		AuthorizationsValue: model.ArrayValue(nil, sp),
		Authorizations:      []*model.Authorization{a},
	}
	return &model.Deployment{Definitions: []*model.Definition{def}}
}

const (
	tenant  = "3e5f7a9b-1c2d-4e6f-8a0b-2c4d6e8f0a1b"
	noc     = "6a8c0e2f-4b6d-4f8a-9c1e-3a5c7e9b1d3f"
	reader  = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
	contrib = "b24988ac-6180-42a0-ab88-20f7382dd24c"
	nameA   = "5a7c9e1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b"
	nameB   = "9e1b3d5f-7a9c-4e1b-8d5f-9a1c3e5b7d9f"
)

// TestComparePairing checks the order of pairing: by path first, even when
// the definition's name changed; then a deployment left over by the name of
// its definition (a renamed file); what is left is added or removed.
func TestComparePairing(t *testing.T) {
	old := []Side{
		{Source: Source{Template: "a.json"}, Deployment: deployment(nameA, tenant, noc, reader)},
		{Source: Source{Template: "b.json"}, Deployment: deployment(nameB, tenant, noc, reader)},
		{Source: Source{Template: "c.json"}, Deployment: deployment("other", tenant, noc, reader)},
	}
	new := []Side{
		{Source: Source{Template: "a.json"}, Deployment: deployment(nameB, tenant, noc, contrib)},
		{Source: Source{Template: "renamed.json"}, Deployment: deployment(nameB, tenant, noc, contrib)},
		{Source: Source{Template: "d.json"}, Deployment: deployment("another", tenant, noc, reader)},
	}
	r := Compare(old, new)
	var got []string
	for _, d := range r.Deployments {
		s := string(d.Status) + ":"
		if d.Old != nil {
			s += d.Old.Template
		}
		s += ">"
		if d.New != nil {
			s += d.New.Template
		}
		got = append(got, s)
	}
	want := []string{"changed:a.json>a.json", "removed:c.json>", "added:>d.json", "changed:b.json>renamed.json"}
	if len(got) != len(want) {
		t.Fatalf("deployments %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("deployment %d is %q, want %q (all: %q)", i, got[i], want[i], got)
		}
	}
	if v := r.Verdict; v.PrincipalsGaining != 1 || v.PrincipalsLosing != 1 || v.Elevations != 3 {
		t.Errorf("verdict %+v, want 1 principal gaining (d.json), 1 losing (c.json), 3 elevations (two roles widened, one new principal)", v)
	}
}

// TestCompareUnchanged checks that a deployment that changes nothing is
// not listed, and that IDs compare ignoring case, as Azure compares them.
func TestCompareUnchanged(t *testing.T) {
	old := []Side{{Source: Source{Template: "a.json"}, Deployment: deployment(nameA, tenant, noc, reader)}}
	new := []Side{{Source: Source{Template: "a.json"}, Deployment: deployment(nameA, "3E5F7A9B-1C2D-4E6F-8A0B-2C4D6E8F0A1B", noc, "/providers/Microsoft.Authorization/roleDefinitions/"+reader)}}
	if r := Compare(old, new); len(r.Deployments) != 0 || r.Verdict != (Verdict{}) {
		t.Errorf("Compare = %+v, want no deployment", r)
	}
}

// TestCompareEligibleForWiderRole checks that a principal with a permanent
// role is not new when it becomes eligible for another, and that the
// eligible role is an elevation when it permits more than the roles the
// principal had.
func TestCompareEligibleForWiderRole(t *testing.T) {
	var sp model.Span
	d := deployment(nameA, tenant, noc, reader)
	def := d.Definitions[0]
	def.EligibleValue = model.ArrayValue(nil, sp)
	def.EligibleAuthorizations = []*model.EligibleAuthorization{{Grant: model.Grant{
		Eligible:         true,
		PrincipalID:      model.StringValue(noc, sp),
		RoleDefinitionID: model.StringValue(contrib, sp),
	}}}
	r := Compare(
		[]Side{{Source: Source{Template: "a.json"}, Deployment: deployment(nameA, tenant, noc, reader)}},
		[]Side{{Source: Source{Template: "a.json"}, Deployment: d}})
	if len(r.Deployments) != 1 || len(r.Deployments[0].Definitions) != 1 {
		t.Fatalf("Compare = %+v, want one changed definition", r)
	}
	changes := r.Deployments[0].Definitions[0].Changes
	want := "Contributor permits actions that Reader does not"
	if len(changes) != 1 || changes[0].Area != Eligible || changes[0].Elevation != want {
		t.Fatalf("changes %+v, want one eligible authorization added with elevation %q", changes, want)
	}
	if v := r.Verdict; v.PrincipalsGaining != 0 || v.Elevations != 1 {
		t.Errorf("verdict %+v, want no principal gaining access and 1 elevation", v)
	}
}
