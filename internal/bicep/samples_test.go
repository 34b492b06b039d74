package bicep

import (
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// parseCodes are the diagnostic codes the Bicep compiler's lexer and
// parser emit (a few of them also come from later checks).
var parseCodes = regexp.MustCompile(`\[(BCP00[1-9]|BCP01[0235-9]|BCP02[02]|BCP06[48]|BCP09[67]|BCP103|BCP117|BCP118|BCP133|BCP136|BCP140|BCP162|BCP167|BCP226|BCP23[678]|BCP243|BCP249|BCP266|BCP279|BCP300|BCP305|BCP317|BCP325|BCP34[467]|BCP35[456]) \(Error\)\]`)

// TestSamples measures the parser on the sample suite of the Bicep
// repository (src/Bicep.Core.Samples/Files of github.com/Azure/bicep), a
// copy of which LHLINT_BICEP_SAMPLES names: every .bicep and .bicepparam
// file of a valid dataset (baselines, baselines_bicepparam, user_submitted)
// parses with no syntax error, every invalid dataset whose expected
// diagnostics include a parse error gets at least one, and the invalid
// datasets with only semantic errors get none.
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
		v0, vc0, i0, ic0 := valid, validClean, invalid, invalidCaught
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
			if base := strings.TrimSuffix(name, filepath.Ext(name)); set != "user_submitted" && (strings.HasPrefix(base, "main.") || strings.HasPrefix(base, "parameters.")) {
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
		t.Logf("%s: valid files clean %d of %d, invalid datasets caught %d of %d", set, validClean-vc0, valid-v0, invalidCaught-ic0, invalid-i0)
	}
	t.Logf("valid files parsed with no syntax error: %d of %d", validClean, valid)
	t.Logf("invalid datasets with a parse error that get a syntax error: %d of %d", invalidCaught, invalid)
	t.Logf("invalid datasets with only semantic errors parsed with no syntax error: %d of %d", semanticClean, semantic)
}

// annotation is one //@[S:E) line of a compiler baseline: the 0-based line
// of the source it follows, its UTF-16 columns and what follows them.
type annotation struct {
	line, start, end int
	rest             string
}

var annotationLine = regexp.MustCompile(`^//@\[(\d+):(\d+)\) (.*)$`)

// annotations reads a baseline: the source with annotation lines after
// each source line.
func annotations(data []byte) []annotation {
	var out []annotation
	line := -1
	for _, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		m := annotationLine.FindStringSubmatch(l)
		if m == nil {
			line++
			continue
		}
		s, _ := strconv.Atoi(m[1])
		e, _ := strconv.Atoi(m[2])
		out = append(out, annotation{line, s, e, m[3]})
	}
	return out
}

// TestSampleTokens compares the lexer with the compiler's token baselines
// (main.tokens.bicep): kind, line, UTF-16 start column and length of every
// token, in the copy LHLINT_BICEP_SAMPLES names.
func TestSampleTokens(t *testing.T) {
	root := os.Getenv("LHLINT_BICEP_SAMPLES")
	if root == "" {
		t.Skip("LHLINT_BICEP_SAMPLES is not set; point it at src/Bicep.Core.Samples/Files of a copy of github.com/Azure/bicep to compare the lexer with its token baselines")
	}
	// Where the lexer differs on purpose, or the baseline cannot be read
	// back line by line.
	known := map[string]string{
		"InvalidVariables_LF":         "a double-quoted string is one Unrecognized token here, for one error",
		"InvalidMultilineString_CRLF": "the baseline mixes LF source lines with CRLF annotations",
		"InvalidParameters_LF":        "after an object literal inside ${...} the compiler never returns to the string; here its } closes the object",
	}
	paths, _ := filepath.Glob(filepath.Join(root, "baselines", "*", "main.tokens.bicep"))
	same := 0
	for _, path := range paths {
		if why, ok := known[filepath.Base(filepath.Dir(path))]; ok {
			t.Logf("%s: not compared: %s", filepath.Base(filepath.Dir(path)), why)
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		content, err := os.ReadFile(filepath.Join(filepath.Dir(path), "main.bicep"))
		if err != nil {
			t.Fatal(err)
		}
		f := Parse(token.NewFileSet(), "main.bicep", content)
		text := f.Content
		lx := lex(text)
		var got []string
		for _, tk := range lx.toks {
			p := f.Position(f.Pos(tk.Off))
			n := utf16Len(text[tk.Off:tk.End])
			line, col := max(p.Line-1, 0), p.Column16-1
			if tk.Kind == EndOfFile && tk.Off > 0 && (text[tk.Off-1] == '\n' || text[tk.Off-1] == '\r') {
				line, col = line+1, 0 // go/token has no line after a final line break
			}
			got = append(got, fmt.Sprintf("%d:%d:%d %s", line, col, col+n, tk.Kind))
		}
		var exp []string
		for _, a := range annotations(want) {
			kind, _, _ := strings.Cut(a.rest, " ")
			exp = append(exp, fmt.Sprintf("%d:%d:%d %s", a.line, a.start, a.end, kind))
		}
		rel, _ := filepath.Rel(root, path)
		if i := firstDiff(got, exp); i >= 0 {
			g, e := "(none)", "(none)"
			if i < len(got) {
				g = got[i]
			}
			if i < len(exp) {
				e = exp[i]
			}
			t.Errorf("%s: token %d is %s, the compiler has %s", rel, i, g, e)
			continue
		}
		same++
	}
	t.Logf("token streams equal to the compiler's: %d of %d compared", same, len(paths)-len(known))
}

func firstDiff(a, b []string) int {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			return i
		}
	}
	return -1
}

func utf16Len(b []byte) int {
	n := 0
	for _, r := range string(b) {
		n += utf16.RuneLen(r)
	}
	return n
}

// TestSampleErrorLines compares, line by line, where the parser reports
// syntax errors in the invalid datasets with where the compiler reports
// parse errors: recall is the share of lines with an expected parse error
// that get a syntax error, precision the share of lines with a syntax
// error where the compiler reports some error.
func TestSampleErrorLines(t *testing.T) {
	root := os.Getenv("LHLINT_BICEP_SAMPLES")
	if root == "" {
		t.Skip("LHLINT_BICEP_SAMPLES is not set; point it at src/Bicep.Core.Samples/Files of a copy of github.com/Azure/bicep to compare syntax errors with its diagnostics baselines")
	}
	paths, _ := filepath.Glob(filepath.Join(root, "baselines", "Invalid*", "main.diagnostics.bicep"))
	var expected, found, reported, agreed int
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		parseLines, errorLines := map[int]bool{}, map[int]bool{}
		for _, a := range annotations(data) {
			if strings.Contains(a.rest, "(Error)]") {
				errorLines[a.line] = true
			}
			if parseCodes.MatchString(a.rest) {
				parseLines[a.line] = true
			}
		}
		content, err := os.ReadFile(filepath.Join(filepath.Dir(path), "main.bicep"))
		if err != nil {
			t.Fatal(err)
		}
		f := Parse(token.NewFileSet(), "main.bicep", content)
		got := map[int]string{}
		for _, e := range f.Errors {
			line := f.Position(e.Pos()).Line - 1
			if _, ok := got[line]; !ok {
				got[line] = e.Msg
			}
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		for line := range parseLines {
			expected++
			if _, ok := got[line]; ok {
				found++
			} else if testing.Verbose() {
				t.Logf("%s:%d: missed parse error", rel, line+1)
			}
		}
		for line, msg := range got {
			reported++
			if errorLines[line] {
				agreed++
			} else if testing.Verbose() {
				t.Logf("%s:%d: %s, where the compiler reports no error", rel, line+1, msg)
			}
		}
	}
	t.Logf("lines with an expected parse error that get a syntax error: %d of %d", found, expected)
	t.Logf("lines with a syntax error where the compiler reports an error: %d of %d", agreed, reported)
}
