package report

import (
	"go/token"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/source"
)

// Resolve turns f, whose positions are token.Pos values, into a Finding with
// lines, columns and excerpts. file returns the source.File holding a
// position, or nil when none does; a position no file holds leaves its
// Location empty. paths maps a file name to the path printed for people and
// the repository-relative URI written to SARIF; a nil paths prints the name
// as given and uses its slash form as the URI.
//
// An end before its start, invalid, or in another file is taken to be the
// start: the span shrinks to a point rather than losing the finding.
func Resolve(f lint.Finding, file func(token.Pos) *source.File, paths func(name string) (printed, uri string)) Finding {
	r := resolver{file: file, paths: paths}
	out := Finding{
		Rule:       f.Rule,
		Severity:   f.Severity,
		Message:    f.Message,
		Location:   r.location(f.Pos, f.End),
		Suppressed: f.Suppressed,
	}
	if f.Role != "" {
		out.Fingerprint = fingerprint(ruleName(f.Rule), f.Role, out.URI, f.Path, r.text(out.Location, f.Pos))
	}
	for _, rel := range f.Related {
		out.Related = append(out.Related, Related{Location: r.location(rel.Pos, rel.End), Message: rel.Message})
	}
	for _, fix := range f.SuggestedFixes {
		rf := Fix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			rf.Edits = append(rf.Edits, Edit{Location: r.location(e.Pos, e.End), NewText: string(e.NewText)})
		}
		out.Fixes = append(out.Fixes, rf)
	}
	return out
}

// URIFromPath returns the relative URI reference of a slash-separated path:
// each segment percent-encoded as RFC 3986 requires (a space becomes %20),
// and "./" put in front of a first segment with a colon, which would
// otherwise read as a URI scheme. SARIF consumers and the schema's
// uri-reference format both need this form.
func URIFromPath(slashPath string) string {
	return (&url.URL{Path: slashPath}).String()
}

type resolver struct {
	file  func(token.Pos) *source.File
	paths func(name string) (printed, uri string)
}

// text returns the text of l, which starts at pos, "" when l is empty.
func (r resolver) text(l Location, pos token.Pos) string {
	if !l.hasPosition() {
		return ""
	}
	f := r.file(pos)
	return string(f.Content[l.Start.Offset:l.End.Offset])
}

func (r resolver) location(pos, end token.Pos) Location {
	if !pos.IsValid() || r.file == nil {
		return Location{}
	}
	f := r.file(pos)
	// A File whose Content is shorter than its token.File (built by hand,
	// not by source.Add) would make Position index past the bytes.
	if f == nil || f.Tok == nil || !f.Contains(pos) || f.Offset(pos) > len(f.Content) {
		return Location{}
	}
	if !end.IsValid() || end < pos || !f.Contains(end) || f.Offset(end) > len(f.Content) {
		end = pos
	}
	var loc Location
	if r.paths != nil {
		loc.Path, loc.URI = r.paths(f.Name)
	} else {
		loc.Path = f.Name
		loc.URI = URIFromPath(filepath.ToSlash(f.Name))
	}
	loc.Start = f.Position(pos)
	loc.End = f.PositionFrom(loc.Start, end)
	// source.File.Line keeps the line break of a file's last line when the
	// file ends with one; an excerpt shows the text only.
	loc.LineText = strings.TrimSuffix(strings.TrimSuffix(f.Line(loc.Start.Line), "\n"), "\r")
	return loc
}
