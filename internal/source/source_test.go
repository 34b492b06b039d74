package source

import (
	"go/token"
	"slices"
	"sync"
	"testing"
)

func TestPositionAndLine(t *testing.T) {
	fset := token.NewFileSet()
	f := Add(fset, "a.json", []byte("{\r\n  \"é😀\": 1\r\n}\n"))
	tests := []struct {
		off  int
		want Position
	}{
		{0, Position{Offset: 0, Line: 1, Column: 1, Column16: 1}},
		{5, Position{Offset: 5, Line: 2, Column: 3, Column16: 3}},
		{13, Position{Offset: 13, Line: 2, Column: 7, Column16: 8}}, // after é (2 bytes) and 😀 (4 bytes, 2 UTF-16 units)
	}
	for _, tt := range tests {
		if got := f.Position(f.Pos(tt.off)); got != tt.want {
			t.Errorf("Position(%d) = %+v, want %+v", tt.off, got, tt.want)
		}
	}
	for n, want := range map[int]string{1: "{", 2: "  \"é😀\": 1", 3: "}", 4: "", 0: ""} {
		if got := f.Line(n); got != want {
			t.Errorf("Line(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestFileConcurrent resolves positions and lines of one File from several
// goroutines, as the jobs that share a cached module do; run with -race.
func TestFileConcurrent(t *testing.T) {
	content := []byte("param a string\nparam ü string\nvar c = 'é'\n")
	f := Add(token.NewFileSet(), "m.bicep", content)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				off := (g*7 + i) % len(content)
				p := f.Position(f.Pos(off))
				if got := f.Line(p.Line); got == "" && p.Line != 4 {
					t.Errorf("Line(%d) is empty", p.Line)
				}
			}
		})
	}
	wg.Wait()
}

// FuzzLineStarts checks the lines Add gives a file against the ones
// token.File.SetLinesForContent works out.
func FuzzLineStarts(f *testing.F) {
	for _, seed := range []string{"", "\n", "\n\n", "a", "a\n", "a\nb", "{\r\n  \"a\": 1\r\n}\n", "\n\nx\n\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, content string) {
		want := token.NewFileSet().AddFile("f", -1, len(content))
		want.SetLinesForContent([]byte(content))
		got := Add(token.NewFileSet(), "f", []byte(content)).Tok
		if !slices.Equal(got.Lines(), want.Lines()) {
			t.Errorf("lines of %q = %v, want %v", content, got.Lines(), want.Lines())
		}
	})
}
