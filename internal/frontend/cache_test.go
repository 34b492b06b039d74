package frontend

import (
	"errors"
	"go/token"
	"testing"

	"github.com/lhlint/lhlint/internal/source"
)

// parsed is a File that is only its source.
type parsed struct{ src *source.File }

func (p parsed) Source() *source.File { return p.src }
func (parsed) Given() Given           { return Given{} }
func (parsed) Loaded() []*source.File { return nil }

func TestCache(t *testing.T) {
	fset := token.NewFileSet()
	c := NewCache(fset)
	parses, reads := 0, 0
	get := func(fs *token.FileSet, path string, content []byte) (File, bool) {
		t.Helper()
		f, shared, err := c.File(fs, path, func() ([]byte, error) {
			reads++
			return content, nil
		}, func(content []byte) File {
			parses++
			return parsed{source.Add(fs, path, content)}
		})
		if err != nil {
			t.Fatal(err)
		}
		return f, shared
	}
	module := []byte("param definitionId string\n")
	first, shared := get(fset, "modules/assign.bicep", module)
	if !shared || !c.Holds(first.Source().Tok) {
		t.Fatal("the first module read is not kept")
	}
	// A run reads a file once: every deployment sees the text the first
	// one read.
	if again, shared := get(fset, "modules/assign.bicep", []byte("\n")); again != first || !shared || parses != 1 || reads != 1 {
		t.Errorf("the same module again: shared %v, %d parses, %d reads", shared, parses, reads)
	}
	if _, shared := get(token.NewFileSet(), "modules/other.bicep", module); shared {
		t.Error("a module parsed into another FileSet is kept")
	}
	if _, shared := get(fset, "modules/large.bicep", make([]byte, maxCached)); shared {
		t.Error("a module beyond the bound is kept")
	}
	if _, _, err := c.File(fset, "modules/gone.bicep", func() ([]byte, error) { return nil, errors.New("gone") }, nil); err == nil || err.Error() != "gone" {
		t.Errorf("a module that cannot be read: err %v", err)
	}
	var none *Cache
	f, shared, err := none.File(fset, "modules/assign.bicep", func() ([]byte, error) { return module, nil }, func([]byte) File { return first })
	if f != first || shared || err != nil || none.Holds(first.Source().Tok) {
		t.Error("the nil cache keeps a file")
	}
}
