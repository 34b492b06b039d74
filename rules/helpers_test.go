package rules

import (
	"testing"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// FuzzKnownGUID checks that knownGUID, which checks a GUID once, says what
// knownID followed by roles.IsGUID says.
func FuzzKnownGUID(f *testing.F) {
	for _, seed := range []string{
		roles.Reader, "B24988AC-6180-42A0-AB88-20F7382DD24C", "00000000-0000-0000-0000-000000000000",
		"aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", "<principal id>",
		"ENTER-ROLE-ID", "Contoso Center for SAP", "", "not-a-guid",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := model.StringValue(s, model.Span{})
		got, known, guid := knownGUID(v)
		want, wantKnown := knownID(v)
		if got != want || known != wantKnown || guid != (wantKnown && roles.IsGUID(want)) {
			t.Errorf("knownGUID(%q) = %q, %v, %v; knownID = %q, %v", s, got, known, guid, want, wantKnown)
		}
	})
}
