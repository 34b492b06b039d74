package frontends

import (
	"slices"
	"testing"

	"github.com/lhlint/lhlint/internal/arm"
	"github.com/lhlint/lhlint/internal/bicep"
)

func TestFor(t *testing.T) {
	for _, name := range []string{"main.json", "dir/MAIN.JSONC", "params.txt"} {
		if _, ok := For(name).(arm.FrontEnd); !ok {
			t.Errorf("For(%q) = %T, want arm.FrontEnd", name, For(name))
		}
	}
	for _, name := range []string{"main.bicep", "dir/Main.BicepParam"} {
		if _, ok := For(name).(bicep.FrontEnd); !ok {
			t.Errorf("For(%q) = %T, want bicep.FrontEnd", name, For(name))
		}
	}
	for name, want := range map[string]bool{"a.json": true, "a.Jsonc": true, "a.bicep": true, "a.bicepparam": true, "a.txt": false, "json": false} {
		if got := Reads(name); got != want {
			t.Errorf("Reads(%q) = %v, want %v", name, got, want)
		}
	}
	if got := Extensions(); !slices.Equal(got, []string{".json", ".jsonc", ".bicep", ".bicepparam"}) {
		t.Errorf("Extensions() = %q", got)
	}
}
