package jsonc

import (
	"go/token"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source/sourcetest"
)

// FuzzParse feeds any bytes to the reader. Whatever the input, it must
// return without panicking, say the same as Clean, and span every value
// inside the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"a": [1, -2, true, null, "x\u00e9\n"], /* c */ "b": {"c": "d",},}`,
		"\xEF\xBB\xBF{\r\n  \"a\": \"é😀\" // comment\r\n}",
		`{"a": 1, "A": 2, "a": {"a": [[[]]]}}`,
		`{"a": "\ud83d\ude00 \ud83d"}`,
		`{"a": 1 "b": 2}`,
		`[`,
	} {
		f.Add([]byte(s))
	}
	f.Add(sourcetest.UTF16LE(`{"a": "é"}`))
	f.Add(append(sourcetest.UTF16BE(`{"a": "`), 0xD8, 0x3D, 0, '"', 0, '}'))
	f.Fuzz(func(t *testing.T, content []byte) {
		_, _, ok := Clean(content)
		d, data := Parse(token.NewFileSet(), "x.json", content)
		if ok != (data != nil) || ok != (len(d.Problems) == 0) {
			t.Fatalf("Clean ok %v, Parse data %v with %d problems", ok, data != nil, len(d.Problems))
		}
		if !ok {
			return
		}
		stack := []model.Value{d.Root()}
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !d.Contains(v.Pos()) || !d.Contains(v.End()) || v.End() < v.Pos() {
				t.Fatalf("value spans %d-%d, outside the file", v.Pos(), v.End())
			}
			if v.Kind() == model.String {
				pos := d.DecodedPos(v)
				for i := range len(v.Text()) + 1 {
					if p := pos(i); p < v.Pos() || p > v.End() {
						t.Fatalf("decoded offset %d of %q at %d, outside %d-%d", i, v.Text(), p, v.Pos(), v.End())
					}
				}
			}
			stack = append(stack, v.Items()...)
			for _, m := range v.Members() {
				stack = append(stack, m.Value)
			}
		}
	})
}
