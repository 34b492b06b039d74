package source

import (
	"bytes"
	"go/token"
	"unicode/utf16"
	"unicode/utf8"
)

// File is one input file: its name as the user gave it, its bytes, and its
// token.File in the shared FileSet.
type File struct {
	Name    string
	Content []byte
	Tok     *token.File
}

// Add registers content under name in fset and returns the File. Byte
// offsets into content become token.Pos values through f.Pos.
func Add(fset *token.FileSet, name string, content []byte) *File {
	tok := fset.AddFile(name, -1, len(content))
	tok.SetLinesForContent(content)
	return &File{Name: name, Content: content, Tok: tok}
}

// Pos returns the position of byte offset off, clamped to the file.
func (f *File) Pos(off int) token.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(f.Content) {
		off = len(f.Content)
	}
	return f.Tok.Pos(off)
}

// Offset returns the byte offset of pos in the file.
func (f *File) Offset(pos token.Pos) int { return f.Tok.Offset(pos) }

// Contains reports whether pos is in this file.
func (f *File) Contains(pos token.Pos) bool {
	return pos.IsValid() && int(pos) >= f.Tok.Base() && int(pos) <= f.Tok.Base()+f.Tok.Size()
}

// Position is a place in a file as output formats print it.
type Position struct {
	Offset int // byte offset
	Line   int // 1-based line
	Column int // 1-based column, counted in characters (Unicode code points)
	// Column16 is the 1-based column counted in UTF-16 code units, as LSP and
	// some SARIF consumers count.
	Column16 int
}

// Position returns the line and columns of pos, which must be in this file.
func (f *File) Position(pos token.Pos) Position {
	off := f.Offset(pos)
	p := f.Tok.Position(pos)
	start := off - (p.Column - 1)
	col, col16 := 1, 1
	for i := start; i < off; {
		r, n := utf8.DecodeRune(f.Content[i:])
		i += n
		col++
		col16 += utf16.RuneLen(r) // DecodeRune yields only valid runes or RuneError, which count 1
	}
	return Position{Offset: off, Line: p.Line, Column: col, Column16: col16}
}

// Line returns the text of line n (1-based) without its line ending.
func (f *File) Line(n int) string {
	if n < 1 || n > f.Tok.LineCount() {
		return ""
	}
	start := f.Offset(f.Tok.LineStart(n))
	end := len(f.Content)
	if n < f.Tok.LineCount() {
		end = f.Offset(f.Tok.LineStart(n+1)) - 1
	}
	line := f.Content[start:max(end, start)]
	line = bytes.TrimSuffix(line, []byte("\n")) // the last line, when the file ends with a line break
	line = bytes.TrimSuffix(line, []byte("\r"))
	return string(line)
}
