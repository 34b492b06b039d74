package arm

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"github.com/lhlint/lhlint/internal/source/sourcetest"
)

// FuzzLoad feeds any bytes to the loader as a template and as a parameters
// file. Whatever the input, it must return, without panicking, in bounded time.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/load/*.json")
	for _, path := range seeds {
		content, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(content)
	}
	params, err := os.ReadFile("testdata/load/subscription.parameters.json")
	if err != nil {
		f.Fatal(err)
	}
	// UTF-16 files, whole and broken: a surrogate without its pair, half a
	// character at the end.
	f.Add(sourcetest.UTF16LE(string(params)))
	f.Add(sourcetest.UTF16BE(string(params)))
	f.Add(append(sourcetest.UTF16BE(`{"a": "`), 0xD8, 0x3D, 0, '"', 0, '}'))
	f.Add(append(sourcetest.UTF16LE(`{"a": 1}`), '\n'))
	f.Fuzz(func(t *testing.T, content []byte) {
		Classify(content)
		fset := token.NewFileSet()
		tmpl := Parse(fset, "template.json", content)
		Load(tmpl, Parse(fset, "template.parameters.json", params))
		Load(nil, Parse(fset, "alone.parameters.json", content))
	})
}
