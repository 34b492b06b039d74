package roles

import "testing"

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
