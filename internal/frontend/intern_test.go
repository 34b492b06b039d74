package frontend

import (
	"slices"
	"strings"
	"testing"
)

func TestInternNames(t *testing.T) {
	a := InternNames([]string{"managedByTenantId", "authorizations"})
	b := InternNames([]string{strings.Clone("managedByTenantId"), strings.Clone("authorizations")})
	if !slices.Equal(a, []string{"managedByTenantId", "authorizations"}) {
		t.Fatalf("InternNames gave %q", a)
	}
	if &a[0] != &b[0] {
		t.Error("two equal lists are two copies")
	}
	if c := InternNames([]string{"authorizations", "managedByTenantId"}); &c[0] == &a[0] {
		t.Error("a list in another order is the same copy")
	}
	// NUL joins the names of the key: a name holding one must not make two
	// lists one.
	if d := InternNames([]string{"managedByTenantId\x00authorizations"}); len(d) != 1 {
		t.Errorf("one name with a NUL gave %q", d)
	}
	if InternNames(nil) != nil || InternNames([]string{}) != nil {
		t.Error("an empty list is not nil")
	}
}
