package jsonc

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/source"
)

// oneAndTwoPasses parses content with Parse, which reads it in one pass
// where it can, and with parseSlowly, the two-pass reader, and fails when
// they differ in anything: values and their spans, duplicates, problems,
// or the strict JSON. build reports whether the one pass read it.
func oneAndTwoPasses(t *testing.T, content []byte) (read bool) {
	t.Helper()
	fast, fastData := Parse(token.NewFileSet(), "x.json", content)
	slow, slowData := parseSlowly(content)
	if !reflect.DeepEqual(fast.Root(), slow.Root()) {
		t.Fatalf("%q: one pass reads\n%#v\ntwo passes read\n%#v", content, fast.Root(), slow.Root())
	}
	if !reflect.DeepEqual(fast.Duplicates, slow.Duplicates) || !reflect.DeepEqual(fast.Problems, slow.Problems) {
		t.Fatalf("%q: one pass finds %v %v, two passes %v %v", content, fast.Duplicates, fast.Problems, slow.Duplicates, slow.Problems)
	}
	if !bytes.Equal(fastData, slowData) {
		t.Fatalf("%q: one pass gives the JSON %q, two passes %q", content, fastData, slowData)
	}
	text, _, _ := Clean(content)
	_, _, read = build(nil, text)
	_, _, cleanOK := Clean(content)
	if cleanOK != (slowData != nil) {
		t.Fatalf("%q: Clean says %v, Parse %v", content, cleanOK, slowData != nil)
	}
	return read
}

// parseSlowly is Parse in two passes only.
func parseSlowly(content []byte) (*Doc, []byte) {
	text, bad := source.Decode(content)
	d := &Doc{File: source.Add(token.NewFileSet(), "x.json", text)}
	if bad != nil {
		return d.malformed(&syntaxError{bad.Offset, bad.Message})
	}
	return d.parseSlowly(text)
}

func TestBuildReadsAsTwoPasses(t *testing.T) {
	for _, s := range []string{
		`{"a": [1, -2.5e3, true, false, null, "x\u00e9\n"]}`,
		`  [ ]  `,
		`{"a": 1, /* c */ "b": {"c": "d",},}  // end`,
		`{"a": 1, "A": 2, "a": {"a": [[[]]]}}`,
		`{"copy": [1], "copy": [2]}`,
		`"x" `, `12 `, `1.5`, `true`, ` null // n`, `-0`, `99999999999999999999`,
		`{"a": "\ud83d\ude00 \ud83d \"q\" \\"}`,
		`[1, /* a */ , ]`, `[,]`, `{,}`, `[1,,]`, `[1 /*`, `/`, `[1,` + "\x01" + `]`,
		"{\"a\":\n// x\n1,\n}\n/* unterminated",
		`{"a": 1 "b": 2}`, `[`, ``, `   `, `// only a comment`,
	} {
		oneAndTwoPasses(t, []byte(s))
	}
}

// TestBuildReadsTheFixtures checks every JSON file of the repository's
// test data, and that the one pass reads all the valid ones.
func TestBuildReadsTheFixtures(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../testdata/*/*/*.json", "../../testdata/*/*.json", "../*/testdata/*/*.json", "../../testdata/*/*/*/*.json"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 100 {
		t.Fatalf("found only %d fixtures", len(files))
	}
	for _, name := range files {
		content, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _, valid := Clean(content)
		if read := oneAndTwoPasses(t, content); valid && !read && !strings.Contains(name, "syntax") {
			t.Errorf("%s: valid, but the one pass does not read it", name)
		}
	}
}

// FuzzBuild compares the one pass with the two-pass reader on any input.
func FuzzBuild(f *testing.F) {
	for _, s := range []string{
		`{"a": [1, -2, true, null, "x\u00e9\n"], /* c */ "b": {"c": "d",},}`,
		`{"a": 1, "A": 2, "a": {"a": [[[]]]}}`,
		`[1, /* a */ , ]`,
		`{"a": "\ud83d\ude00 \ud83d"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		oneAndTwoPasses(t, content)
	})
}

// BenchmarkParse reads a typical onboarding template and parameters file in
// one pass, building the model; BenchmarkUnmarshal is the floor it is
// measured against, encoding/json into any.
func BenchmarkParse(b *testing.B) {
	files := benchFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		fset := token.NewFileSet()
		for _, content := range files {
			Parse(fset, "x.json", content)
		}
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	files := benchFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, content := range files {
			var v any
			if err := json.Unmarshal(content, &v); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchFiles(b *testing.B) [][]byte {
	var files [][]byte
	size := 0
	for _, name := range []string{"subscription.json", "subscription.parameters.json"} {
		content, err := os.ReadFile(filepath.Join("../arm/testdata/load", name))
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, content)
		size += len(content)
	}
	b.SetBytes(int64(size))
	return files
}
