package arm

import (
	"strings"
	"testing"
)

// TestGetFold checks that getFold finds what a lookup of the lower-cased
// key finds, and that it allocates nothing for a name as templates write
// them.
func TestGetFold(t *testing.T) {
	long := strings.Repeat("Name", 20)
	m := map[string]int{"mspoffername": 1, "größe": 2, strings.ToLower(long): 3}
	for _, key := range []string{"mspOfferName", "MSPOFFERNAME", "mspoffername", "GRÖSSE", "Größe", "GRÖßE", long, "other", ""} {
		got, gotOK := getFold(m, key)
		want, wantOK := m[strings.ToLower(key)]
		if got != want || gotOK != wantOK {
			t.Errorf("getFold(%q) = %v, %v; want %v, %v", key, got, gotOK, want, wantOK)
		}
	}
	if n := testing.AllocsPerRun(100, func() { getFold(m, "mspOfferName") }); n != 0 {
		t.Errorf("getFold allocates %v times, want 0", n)
	}
}
