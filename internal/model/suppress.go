package model

import (
	"go/token"
	"strings"
)

// SuppressionPrefix starts a suppression: in a comment,
// "// lhlint-ignore: rule, rule -- reason"; in a resource's metadata, the
// key of a list of "rule, rule -- reason" strings.
const SuppressionPrefix = "lhlint-ignore"

// Suppression silences findings of the rules it names where it applies.
type Suppression struct {
	Span // the directive as written: the comment, or the metadata string
	// Form is how it is written, as a message names it to the user:
	// SuppressionPrefix for a comment or metadata, a Bicep pragma with its
	// "#" ("#disable-next-line"). "" reads as SuppressionPrefix.
	Form   string
	Rules  []Name // the rules it names, in order
	Reason string // the text after " -- ", "" when there is none
	// Covers is where it applies: a finding is silenced when its position or
	// one of its related locations is in Covers. For a comment it is the
	// line below (or the comment's own line, after code); for metadata, the
	// resource or template that holds it.
	Covers Span
}

// Directive returns how s is written, as a message names it.
func (s Suppression) Directive() string {
	if s.Form == "" {
		return SuppressionPrefix
	}
	return s.Form
}

// Name is a rule name in a suppression, with where it is written.
type Name struct {
	Span
	Name string
}

// ParseSuppression reads the text of a suppression after its prefix and
// colon: "rule, rule -- reason". pos maps a byte offset of text to its
// position in the file.
func ParseSuppression(text string, pos func(off int) token.Pos) (names []Name, reason string) {
	list := text
	if i := strings.Index(text, "--"); i >= 0 {
		list, reason = text[:i], strings.TrimSpace(text[i+2:])
	}
	off := 0
	for _, field := range strings.Split(list, ",") {
		start := off + len(field) - len(strings.TrimLeft(field, " \t"))
		name := strings.TrimSpace(field)
		off += len(field) + 1
		if name == "" {
			continue
		}
		names = append(names, Name{Span: Span{StartPos: pos(start), EndPos: pos(start + len(name))}, Name: name})
	}
	return names, reason
}
