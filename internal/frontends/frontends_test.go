package frontends

import (
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/lhlint/lhlint/internal/arm"
	"github.com/lhlint/lhlint/internal/bicep"
	"github.com/lhlint/lhlint/internal/frontend"
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

// TestParseClassify checks, on every file of the repository's testdata,
// that a front-end that parses and classifies in one go says what its
// Classify says, and parses what its Parse parses.
func TestParseClassify(t *testing.T) {
	n, both := 0, 0 // files, files parsed too
	err := filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !Reads(path) {
			return err
		}
		fe := For(path)
		pc, ok := fe.(frontend.ParseClassifier)
		if !ok {
			return nil
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		parsed, info := pc.ParseClassify(token.NewFileSet(), path, content)
		if want := fe.Classify(content); !reflect.DeepEqual(info, want) {
			t.Errorf("%s: ParseClassify says %+v, Classify %+v", path, info, want)
		}
		if parsed == nil {
			return nil // left for a job to parse
		}
		both++
		alone := fe.Parse(token.NewFileSet(), path, content)
		if !reflect.DeepEqual(parsed.Given(), alone.Given()) {
			t.Errorf("%s: ParseClassify's file gives %+v, Parse's %+v", path, parsed.Given(), alone.Given())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 500 || both < 400 {
		t.Errorf("%d files checked, %d of them parsed: the testdata holds more", n, both)
	}
}
