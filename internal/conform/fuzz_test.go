package conform

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/jsonc"
	"github.com/lhlint/lhlint/schema"
)

// FuzzCheck checks any JSON against every schema. Whatever the input, each
// problem must be placed in the file and worded in lhlint's voice, without
// the validator's pointers or addresses.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/rules/schema/*.json")
	for _, path := range seeds {
		content, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(content)
	}
	f.Add([]byte(`{"parameters": {"a": {}}, "resources": 1, "outputs": {"o": {"x": 1}}}`))
	def, _ := schema.Resource("Microsoft.ManagedServices/registrationDefinitions", "2019-06-01")
	schemas := []*schema.Schema{schema.Template(), schema.Parameters(), schema.Config(), def}
	f.Fuzz(func(t *testing.T, content []byte) {
		fset := token.NewFileSet()
		doc, data := jsonc.Parse(fset, "main.json", content)
		if data == nil {
			return
		}
		for _, s := range schemas {
			for _, p := range Check(s, doc.Root(), Options{Expression: expr.IsExpression, DropNull: s == def}) {
				if !p.At.IsValid() {
					t.Errorf("%q has no position", p.Message)
				}
				if p.Message == "" || strings.Contains(p.Message, "#/") || strings.Contains(p.Message, "jsonschema") || strings.Contains(p.Message, "does not validate") {
					t.Errorf("message %q is not in lhlint's voice", p.Message)
				}
			}
		}
	})
}
