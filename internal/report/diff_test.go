package report

import (
	"testing"

	"github.com/lhlint/lhlint/internal/diff"
)

// TestDiffWhere checks how the offer's line says where a definition is
// delegated, in text and markdown: a value not known shows why, and a
// value from a template is escaped.
func TestDiffWhere(t *testing.T) {
	known := func(field, text string) *diff.Place {
		return &diff.Place{Field: field, Value: &diff.Value{Known: true, Text: text}}
	}
	tests := []struct {
		name           string
		places         []*diff.Place
		text, markdown string
	}{
		{"none", nil,
			"on no scope (no assignment in the template references it)",
			"on no scope (no assignment in the template references it)"},
		{"subscription", []*diff.Place{known("subscription", "{subscription().subscriptionId}")},
			"on subscription {subscription().subscriptionId}",
			"on subscription `{subscription().subscriptionId}`"},
		{"both kinds", []*diff.Place{known("resourceGroup", "rg-a"), known("subscription", "s"), known("resourceGroup", "rg-b")},
			"on subscription s and resource groups rg-a, rg-b",
			"on subscription `s` and resource groups `rg-a`, `rg-b`"},
		{"policy", []*diff.Place{known("policy", "Onboard Contoso")},
			"on every subscription that policy Onboard Contoso is assigned to",
			"on every subscription that policy `Onboard Contoso` is assigned to"},
		{"unknown", []*diff.Place{{Field: "resourceGroup", Value: &diff.Value{Reason: `parameter "rg" has no value`}}},
			`on resource group (not known before deployment: parameter "rg" has no value)`,
			`on resource group (not known before deployment: parameter "rg" has no value)`},
		{"hostile", []*diff.Place{known("resourceGroup", "rg | x |\n**ok**")},
			`on resource group "rg | x |\n**ok**"`,
			`on resource group "rg \| x \|\\n\*\*ok\*\*"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (&diffWriter{}).where(tt.places); got != tt.text {
				t.Errorf("text: got %s, want %s", got, tt.text)
			}
			if got := (&diffWriter{markdown: true}).where(tt.places); got != tt.markdown {
				t.Errorf("markdown: got %s, want %s", got, tt.markdown)
			}
		})
	}
}
