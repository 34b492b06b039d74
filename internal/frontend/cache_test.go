package frontend

import (
	"bytes"
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
	parses := 0
	get := func(fs *token.FileSet, path string, content []byte) (File, bool) {
		return c.File(fs, path, content, func() File {
			parses++
			return parsed{source.Add(fs, path, content)}
		})
	}
	module := []byte("param definitionId string\n")
	first, shared := get(fset, "modules/assign.bicep", module)
	if !shared || !c.Holds(first.Source().Tok) {
		t.Fatal("the first module read is not kept")
	}
	if again, shared := get(fset, "modules/assign.bicep", bytes.Clone(module)); again != first || !shared || parses != 1 {
		t.Errorf("the same module read again: shared %v, %d parses", shared, parses)
	}
	if changed, shared := get(fset, "modules/assign.bicep", []byte("\n")); changed == first || shared || c.Holds(changed.Source().Tok) {
		t.Error("a module that changed is the kept one")
	}
	if _, shared := get(token.NewFileSet(), "modules/other.bicep", module); shared {
		t.Error("a module parsed into another FileSet is kept")
	}
	if _, shared := get(fset, "modules/large.bicep", make([]byte, maxCached)); shared {
		t.Error("a module beyond the bound is kept")
	}
	var none *Cache
	if f, shared := none.File(fset, "modules/assign.bicep", module, func() File { return first }); f != first || shared || none.Holds(first.Source().Tok) {
		t.Error("the nil cache keeps a file")
	}
}
