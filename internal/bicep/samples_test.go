package bicep

import (
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// parseCodes are the diagnostic codes the Bicep compiler's lexer and
// parser emit (a few of them also come from later checks).
var parseCodes = regexp.MustCompile(`\[(BCP00[1-9]|BCP01[0235-9]|BCP02[02]|BCP06[48]|BCP09[67]|BCP103|BCP117|BCP118|BCP133|BCP136|BCP140|BCP162|BCP167|BCP226|BCP23[678]|BCP243|BCP249|BCP266|BCP279|BCP300|BCP305|BCP317|BCP325|BCP34[467]|BCP35[456]) \(Error\)\]`)

// TestSamples measures the parser on the sample suite of the Bicep
// repository (src/Bicep.Core.Samples/Files of github.com/Azure/bicep), a
// copy of which LHLINT_BICEP_SAMPLES names: every file of a valid dataset
// parses with no syntax error, and every invalid dataset whose expected
// diagnostics include a parse error gets at least one.
func TestSamples(t *testing.T) {
	root := os.Getenv("LHLINT_BICEP_SAMPLES")
	if root == "" {
		t.Skip("LHLINT_BICEP_SAMPLES is not set; point it at src/Bicep.Core.Samples/Files of a copy of github.com/Azure/bicep to measure the parser on its sample suite")
	}
	var valid, validClean, invalid, invalidCaught, semantic, semanticClean int
	parseOne := func(path string) *File {
		content, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(path, ".bicepparam") {
			return ParseParams(token.NewFileSet(), path, content)
		}
		return Parse(token.NewFileSet(), path, content)
	}
	for _, set := range []string{"baselines", "baselines_bicepparam", "user_submitted"} {
		var files []string
		err := filepath.WalkDir(filepath.Join(root, set), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "Completions" || d.Name() == "Functions" && filepath.Base(filepath.Dir(path)) == "baselines") {
				return filepath.SkipDir
			}
			name := d.Name()
			if d.IsDir() || !strings.HasSuffix(name, ".bicep") && !strings.HasSuffix(name, ".bicepparam") {
				return nil
			}
			if base := strings.TrimSuffix(name, filepath.Ext(name)); strings.HasPrefix(base, "main.") || strings.HasPrefix(base, "parameters.") {
				return nil // compiler output: tokens, syntax tree, diagnostics
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		for _, path := range files {
			rel, _ := filepath.Rel(root, path)
			if strings.Contains(rel, "Invalid") {
				name := filepath.Base(path)
				if name != "main.bicep" && name != "parameters.bicepparam" || set == "baselines_bicepparam" && name == "main.bicep" {
					continue
				}
				diags, err := os.ReadFile(strings.TrimSuffix(path, filepath.Ext(path)) + ".diagnostics" + filepath.Ext(path))
				if err != nil {
					continue
				}
				if !parseCodes.Match(diags) {
					semantic++
					if f := parseOne(path); len(f.Errors) > 0 {
						p := f.Position(f.Errors[0].Pos())
						t.Errorf("%s:%d:%d: %s, but the compiler finds no parse error in this file", rel, p.Line, p.Column, f.Errors[0].Msg)
					} else {
						semanticClean++
					}
					continue
				}
				invalid++
				if len(parseOne(path).Errors) > 0 {
					invalidCaught++
				} else {
					t.Errorf("%s: no syntax error, but the compiler reports a parse error", rel)
				}
				continue
			}
			valid++
			f := parseOne(path)
			if len(f.Errors) == 0 {
				validClean++
				continue
			}
			for i, e := range f.Errors {
				if i == 3 {
					t.Errorf("%s: and %d more", rel, len(f.Errors)-3)
					break
				}
				p := f.Position(e.Pos())
				t.Errorf("%s:%d:%d: %s", rel, p.Line, p.Column, e.Msg)
			}
		}
	}
	t.Logf("valid files parsed with no syntax error: %d of %d", validClean, valid)
	t.Logf("invalid datasets with a parse error that get a syntax error: %d of %d", invalidCaught, invalid)
	t.Logf("invalid datasets with only semantic errors parsed with no syntax error: %d of %d", semanticClean, semantic)
}
