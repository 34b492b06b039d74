package source

import (
	"bytes"
	"go/token"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// File is one input file: its name as the user gave it, its bytes, and its
// token.File in the shared FileSet. It remembers the last position and line
// it worked out, so that many findings on one long line cost no more than
// the line. A File is safe for concurrent use: a module many deployments
// share is one File for the run, and their jobs resolve findings in it at
// the same time.
type File struct {
	Name    string
	Content []byte
	Tok     *token.File

	mu       sync.Mutex // guards the memory below
	last     Position   // the last position Position returned, to count on from
	lastLine int        // the line lastText holds, 0 for none
	lastText string
}

// Add registers content under name in fset and returns the File. Byte
// offsets into content become token.Pos values through f.Pos.
func Add(fset *token.FileSet, name string, content []byte) *File {
	tok := fset.AddFile(name, -1, len(content))
	tok.SetLines(lineStarts(content))
	return &File{Name: name, Content: content, Tok: tok}
}

// lineStarts returns the offset of each line of content, as
// token.File.SetLinesForContent works them out: every line starts after a
// newline, but the empty line after a final newline is not one. It finds
// the newlines with bytes.IndexByte, many bytes at a time, where
// SetLinesForContent tests every byte: that was 3% of the time lhlint took
// over 10,000 deployments.
func lineStarts(content []byte) []int {
	if len(content) == 0 {
		return nil
	}
	lines := make([]int, 1, bytes.Count(content, []byte{'\n'})+1)
	for off := 0; ; {
		i := bytes.IndexByte(content[off:], '\n')
		if i < 0 || off+i+1 == len(content) {
			return lines
		}
		off += i + 1
		lines = append(lines, off)
	}
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
	f.mu.Lock()
	defer f.mu.Unlock()
	f.last = f.position(pos, f.last)
	return f.last
}

// PositionFrom returns the position of pos, which comes after from, such
// as the end of a range whose start is from.
func (f *File) PositionFrom(from Position, pos token.Pos) Position {
	return f.position(pos, from)
}

// position returns the position of pos, counting its columns on from hint
// when hint is before it on its line.
func (f *File) position(pos token.Pos, hint Position) Position {
	off := f.Offset(pos)
	p := f.Tok.Position(pos)
	start := off - (p.Column - 1)
	col, col16 := 1, 1
	if hint.Line == p.Line && hint.Offset <= off && hint.Offset >= start {
		start, col, col16 = hint.Offset, hint.Column, hint.Column16
	}
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
	f.mu.Lock()
	defer f.mu.Unlock()
	if n == f.lastLine {
		return f.lastText
	}
	start := f.Offset(f.Tok.LineStart(n))
	end := len(f.Content)
	if n < f.Tok.LineCount() {
		end = f.Offset(f.Tok.LineStart(n+1)) - 1
	}
	line := f.Content[start:max(end, start)]
	line = bytes.TrimSuffix(line, []byte("\n")) // the last line, when the file ends with a line break
	line = bytes.TrimSuffix(line, []byte("\r"))
	f.lastLine, f.lastText = n, string(line)
	return f.lastText
}
