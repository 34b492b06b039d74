package frontends

import (
	"slices"
	"testing"

	"github.com/lhlint/lhlint/internal/arm"
)

func TestFor(t *testing.T) {
	for _, name := range []string{"main.json", "dir/MAIN.JSONC", "params.txt"} {
		if _, ok := For(name).(arm.FrontEnd); !ok {
			t.Errorf("For(%q) = %T, want arm.FrontEnd", name, For(name))
		}
	}
	for name, want := range map[string]bool{"a.json": true, "a.Jsonc": true, "a.txt": false, "json": false} {
		if got := Reads(name); got != want {
			t.Errorf("Reads(%q) = %v, want %v", name, got, want)
		}
	}
	if got := Extensions(); !slices.Equal(got, []string{".json", ".jsonc"}) {
		t.Errorf("Extensions() = %q", got)
	}
}
