package roles

import (
	"strings"
	"testing"
)

func TestNamedIn(t *testing.T) {
	c := Builtin()
	tests := map[string]string{
		"Contoso NOC Readers":            "Reader",
		"Cybriant-LogAnalyticsReader":    "Log Analytics Reader",
		"SOC log analytics contributors": "Log Analytics Contributor",
		"Trey Backup Operators":          "Backup Operator",
		"Trey Platform Admins":           "",
		"Relecloud Offboarding":          "",
	}
	for text, want := range tests {
		r, ok := c.NamedIn(text)
		got := ""
		if ok {
			got = r.Name
		}
		if got != want {
			t.Errorf("NamedIn(%q) = %q, want %q", text, got, want)
		}
	}
}

// namedInPlainly is NamedIn as it was first written, trying every name
// that ends in each word of the text.
func namedInPlainly(c *Catalog, text string) (*Role, bool) {
	t := nameWords(text)
	var best *namedRole
	for w := range strings.FieldsSeq(t) {
		for i, n := range c.words()[w] {
			if (best == nil || len(n.words) > len(best.words)) && strings.Contains(t, n.words) {
				best = &c.words()[w][i]
				break
			}
		}
	}
	if best == nil {
		return nil, false
	}
	return best.role, true
}

// FuzzNamedIn checks NamedIn, which skips the names longer than the text,
// against trying every name.
func FuzzNamedIn(f *testing.F) {
	for _, seed := range []string{
		"Contoso NOC Readers", "Cybriant-LogAnalyticsReader", "Customer 47 operators 0",
		"Search Reader, Backup Reader", "Backup Operator", "reader", "", "Virtual Machine Contributor ops",
	} {
		f.Add(seed)
	}
	c := Builtin()
	f.Fuzz(func(t *testing.T, text string) {
		got, gotOK := c.NamedIn(text)
		want, wantOK := namedInPlainly(c, text)
		if got != want || gotOK != wantOK {
			t.Errorf("NamedIn(%q) = %v, %v; want %v, %v", text, got, gotOK, want, wantOK)
		}
	})
}
