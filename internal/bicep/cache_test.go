package bicep

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/source"
)

// A module that deployments of a run deploy is read and parsed once, into
// the run's FileSet, and its problems are at its lines in each: a module
// that changes during the run is read as it was first.
func TestModuleParsedOncePerRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	const main = "module m '../modules/assign.bicep' = {\n  name: 'm'\n  params: { definitionId: 'x' }\n}\n"
	write("contoso/main.bicep", main)
	write("fabrikam/main.bicep", main)
	write("tailspin/main.bicep", main)
	write("modules/assign.bicep", assignmentModule+"var broken = ()\n")

	fset := token.NewFileSet()
	cache := frontend.NewCache(fset)
	fe := FrontEnd{Cache: cache}
	load := func(name string) (string, *source.File) {
		t.Helper()
		path := filepath.Join(dir, name)
		content, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := fe.Parse(fset, path, content)
		d := fe.Load(f, nil)
		if len(f.Loaded()) != 1 {
			t.Fatalf("%s loaded %d files, want the module", name, len(f.Loaded()))
		}
		return problems(fset, d), f.Loaded()[0]
	}
	first, module := load("contoso/main.bicep")
	const want = "assign.bicep:8:14: expected one expression between the parentheses, found 0"
	if first != want {
		t.Fatalf("problems = %q, want %q", first, want)
	}
	if !cache.Holds(module.Tok) {
		t.Error("the cache does not hold the module")
	}
	if got, again := load("fabrikam/main.bicep"); got != want || again != module {
		t.Errorf("second deployment: problems %q, module parsed again: %v", got, again != module)
	}

	write("modules/assign.bicep", "\n"+assignmentModule+"var broken = ()\n")
	if got, again := load("tailspin/main.bicep"); got != want || again != module {
		t.Errorf("module changed during the run: problems %q, module parsed again: %v", got, again != module)
	}
}
