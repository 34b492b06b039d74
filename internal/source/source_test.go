package source

import (
	"go/token"
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
