package bicep

import (
	"go/token"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// TestLoopOverAzureLimit checks that a resource loop over more items than
// Azure expands keeps its count, as an ARM copy loop does: the first
// instances stand for the rest, so that the limit rules see how many
// there are.
func TestLoopOverAzureLimit(t *testing.T) {
	src := `targetScope = 'subscription'

resource assignments 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = [for i in range(0, 900): {
  name: guid('contoso', string(i))
  properties: {
    registrationDefinitionId: '/subscriptions/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f/providers/Microsoft.ManagedServices/registrationDefinitions/2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a2b3c4d'
  }
}]
`
	d := Load(Parse(token.NewFileSet(), "main.bicep", []byte(src)), nil)
	if len(d.Assignments) != model.MaxCopies {
		t.Fatalf("%d assignments, want the first %d", len(d.Assignments), model.MaxCopies)
	}
	for _, a := range d.Assignments[:1] {
		if a.Copy == nil {
			t.Fatal("the assignment has no copy")
		}
		if n, ok := a.Copy.Count.Int(); !ok || n != 900 {
			t.Errorf("count %v, want 900", a.Copy.Count)
		}
	}
}
