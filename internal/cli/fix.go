package cli

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"os"
	"slices"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/lhlint/lhlint/internal/report"
	"github.com/lhlint/lhlint/internal/source"
)

// fileEdits are the edits --fix makes in one file, sorted by offset, none
// overlapping another.
type fileEdits struct {
	path  string
	edits []report.Edit
	fixes int // the findings they fix
}

// planFixes takes the first suggested fix of each finding nothing silences
// and groups their edits by file. A fix whose edits are already planned,
// as when two findings suggest the same edit, is applied once; a fix that
// overlaps another edit is left out, since applying both would break the
// text either expects.
func planFixes(findings []report.Finding) []*fileEdits {
	byPath := map[string]*fileEdits{}
	var files []*fileEdits
	for _, f := range report.Reported(findings) {
		if len(f.Fixes) == 0 || len(f.Fixes[0].Edits) == 0 {
			continue
		}
		fix := f.Fixes[0]
		path := fix.Edits[0].Path
		fe := byPath[path]
		if fe == nil {
			fe = &fileEdits{path: path}
			byPath[path] = fe
			files = append(files, fe)
		}
		if added := fe.add(fix.Edits); added {
			fe.fixes++
		}
	}
	slices.SortFunc(files, func(a, b *fileEdits) int { return cmp.Compare(a.path, b.path) })
	return files
}

// add plans edits unless one of them overlaps a planned edit or all of
// them are planned already, and reports whether it did.
func (fe *fileEdits) add(edits []report.Edit) bool {
	fresh := 0
	for _, e := range edits {
		if e.Path != fe.path || e.Start.Line == 0 {
			return false // the driver checked this; an edit lost its file
		}
		switch i := slices.IndexFunc(fe.edits, func(p report.Edit) bool { return overlap(p, e) }); {
		case i < 0:
			fresh++
		case !sameEdit(fe.edits[i], e):
			return false
		}
	}
	if fresh == 0 {
		return false
	}
	for _, e := range edits {
		if !slices.ContainsFunc(fe.edits, func(p report.Edit) bool { return sameEdit(p, e) }) {
			fe.edits = append(fe.edits, e)
		}
	}
	slices.SortFunc(fe.edits, func(a, b report.Edit) int { return cmp.Compare(a.Start.Offset, b.Start.Offset) })
	return true
}

// overlap reports whether two edits touch the same bytes, or insert at the
// same place.
func overlap(a, b report.Edit) bool {
	if a.Start.Offset == b.Start.Offset {
		return true
	}
	return a.Start.Offset < b.End.Offset && b.Start.Offset < a.End.Offset
}

func sameEdit(a, b report.Edit) bool {
	return a.Start.Offset == b.Start.Offset && a.End.Offset == b.End.Offset && a.NewText == b.NewText
}

// apply returns the file's content with the edits made, from the bytes on
// disk: every byte outside the edits (a byte order mark, CRLF line breaks,
// comments, indentation) stays as it is. sum is the SHA-256 of the text
// lhlint linted; a file that no longer has it changed since, and is left
// alone, as is a UTF-16 file, whose bytes are not the text the offsets
// count.
func (fe *fileEdits) apply(sum [sha256.Size]byte) (old, fixed []byte, err error) {
	old, err = os.ReadFile(fe.path)
	if err != nil {
		return nil, nil, fmt.Errorf("fixing %s: %w", fe.path, unwrapPath(err))
	}
	text, bad := source.Decode(old)
	switch {
	case bad != nil || (len(text) != len(old) && len(text) != len(old)-len(utf8BOM)):
		return nil, nil, fmt.Errorf("fixing %s: lhlint writes fixes only in UTF-8 files", fe.path)
	case sha256.Sum256(text) != sum:
		return nil, nil, fmt.Errorf("fixing %s: the file changed since lhlint read it", fe.path)
	}
	head := old[:len(old)-len(text)] // the byte order mark, if any
	var b bytes.Buffer
	b.Write(head)
	at := 0
	for _, e := range fe.edits {
		if e.Start.Offset < at || e.End.Offset > len(text) {
			return nil, nil, fmt.Errorf("fixing %s: an edit is outside the file", fe.path)
		}
		b.Write(text[at:e.Start.Offset])
		b.WriteString(e.NewText)
		at = e.End.Offset
	}
	b.Write(text[at:])
	return old, b.Bytes(), nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// unifiedDiff is the change of one file for --fix --diff, under the a/ and
// b/ prefixes patch -p1 and git apply expect.
func unifiedDiff(path string, old, fixed []byte) []byte {
	return diff.Diff("a/"+path, old, "b/"+path, fixed)
}
