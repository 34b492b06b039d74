package bicep

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addSeeds adds the files of testdata/parse whose names end in ext.
func addSeeds(f *testing.F, ext string) {
	paths, _ := filepath.Glob("testdata/parse/*" + ext)
	for _, path := range paths {
		content, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(content)
	}
}

// fuzzParse checks what must hold for any input: the parse returns, every
// node's span nests inside its parent's, errors are sorted, inside the
// file and worded as findings.
func fuzzParse(t *testing.T, content []byte, params bool) {
	f := parseFile(token.NewFileSet(), "fuzz", content, params)
	checkSpans(t, f)
	lo, hi := token.Pos(f.Tok.Base()), token.Pos(f.Tok.Base()+f.Tok.Size())
	for i, e := range f.Errors {
		if e.Pos() < lo || e.End() > hi || e.Pos() > e.End() {
			t.Fatalf("error %q at [%d,%d) outside the file [%d,%d]", e.Msg, e.Pos(), e.End(), lo, hi)
		}
		if i > 0 && f.Errors[i-1].Pos() >= e.Pos() {
			t.Fatalf("errors out of order or repeated at %d: %q", e.Pos(), e.Msg)
		}
		if e.Msg == "" || strings.HasSuffix(e.Msg, ".") || strings.ToLower(e.Msg[:1]) != e.Msg[:1] {
			t.Fatalf("message %q is not worded as a finding", e.Msg)
		}
	}
}

// FuzzParseBicep feeds any bytes to the .bicep parser: it must not panic,
// and what it returns must be well formed.
func FuzzParseBicep(f *testing.F) {
	addSeeds(f, ".bicep")
	f.Add([]byte("var x = " + strings.Repeat("[", 300)))
	f.Add([]byte("var x = '${'${'${a}'}'}' ?? (a) => $'''${b}'''"))
	f.Fuzz(func(t *testing.T, content []byte) { fuzzParse(t, content, false) })
}

// FuzzParseBicepParam is FuzzParseBicep for .bicepparam files.
func FuzzParseBicepParam(f *testing.F) {
	addSeeds(f, ".bicepparam")
	f.Fuzz(func(t *testing.T, content []byte) { fuzzParse(t, content, true) })
}
