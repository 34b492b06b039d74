package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lhlint/lhlint/internal/lint"
)

// writeText writes one line per finding, "path:line:col: severity: message
// [rule]", the form compilers print, so editors and the problem matcher in
// .github/lhlint-matcher.json turn each line into an annotation.
func writeText(b *bytes.Buffer, findings []Finding, _ Options) error {
	for _, f := range findings {
		writeHeader(b, f, false)
	}
	return nil
}

// ANSI escapes of the pretty format's colours.
const (
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiReset  = "\x1b[0m"
)

// writeHeader writes a finding's line of the text format, and the first
// line of the pretty format: "path:line:col: severity: message [rule]".
// color puts the position in bold and the severity in its colour, which
// the problem matcher's pattern allows for.
func writeHeader(b *bytes.Buffer, f Finding, color bool) {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	if pos := f.position(); pos != "" {
		b.WriteString(paint(ansiBold, pos))
		b.WriteString(": ")
	}
	sev := severityName(f.Severity)
	switch f.Severity {
	case lint.Error:
		sev = paint(ansiRed, sev)
	case lint.Warning:
		sev = paint(ansiYellow, sev)
	case lint.Note:
		sev = paint(ansiCyan, sev)
	}
	b.WriteString(sev)
	b.WriteString(": ")
	writeMessage(b, f)
}

// writePretty writes each finding as a header line, the source line with a
// caret underline, its related locations and its fixes; findings are
// separated by one blank line. The layout is fixed because rule golden files
// record it:
//
//	main.json:14:31: error: authorization for "SOC Tier 2" grants Owner, which Azure Lighthouse cannot delegate [owner_role]
//	   14 |           "roleDefinitionId": "[parameters('role')]"
//	      |                               ^^^^^^^^^^^^^^^^^^^^^^
//	    main.parameters.json:9:20: note: the value comes from this parameter
//	    fix: Replace the role with Contributor
//
// The header is the text format's line, so that the same problem matcher
// reads both.
func writePretty(b *bytes.Buffer, findings []Finding, opts Options) error {
	for i, f := range findings {
		if i > 0 {
			b.WriteByte('\n')
		}
		writeHeader(b, f, opts.Color)
		if f.hasPosition() {
			writeExcerpt(b, f.Location)
		}
		for _, r := range f.Related {
			b.WriteString("    ")
			if pos := r.position(); pos != "" {
				b.WriteString(pos)
				b.WriteString(": ")
			}
			b.WriteString("note: ")
			b.WriteString(oneLine(r.Message))
			b.WriteByte('\n')
		}
		for _, fix := range f.Fixes {
			b.WriteString("    fix: ")
			b.WriteString(oneLine(fix.Message))
			b.WriteByte('\n')
		}
	}
	return nil
}

// writeMessage ends a header line: the message, then the rule in brackets.
func writeMessage(b *bytes.Buffer, f Finding) {
	b.WriteString(oneLine(f.Message))
	if name := ruleName(f.Rule); name != "" {
		b.WriteString(" [")
		b.WriteString(name)
		b.WriteByte(']')
	}
	b.WriteByte('\n')
}

// lineBreaks turns line breaks into spaces: text output promises one line per
// finding, and a message quoting a multi-line value must not break that.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

func oneLine(s string) string { return lineBreaks.Replace(s) }

// Excerpt limits. A minified template is one long line; printing all of it
// under every finding would bury the caret, so longer lines show a window
// that starts a little before the span.
const (
	gutterWidth   = 5   // the line number is right-aligned in this many columns
	maxExcerpt    = 200 // characters of a line shown in full
	excerptBefore = 60  // characters kept before the span when a line is cut
	ellipsis      = "..."
)

// writeExcerpt writes the start line of l and carets under the span on that
// line. A span running onto later lines is underlined to the end of its
// first line; an empty span gets one caret. Columns count characters, but a
// terminal shows a wide character (CJK, emoji) in two cells and a combining
// mark in none, so the caret line pads and underlines each character with
// as many cells as it takes; a tab stays a tab, which keeps carets aligned
// under tabbed indentation whatever the terminal's tab width.
func writeExcerpt(b *bytes.Buffer, l Location) {
	line := []rune(l.LineText) // an invalid byte is one U+FFFD, as source.Position counts it
	start := min(max(l.Start.Column-1, 0), len(line))
	pastLine := max(l.Start.Column-1-len(line), 0) // the span starts at the line break or the end of file
	end := len(line)
	if l.End.Line == l.Start.Line {
		end = min(max(l.End.Column-1, start), len(line))
	}

	from, to := 0, len(line)
	if len(line) > maxExcerpt {
		from = max(start-excerptBefore, 0)
		to = min(from+maxExcerpt, len(line))
		if to-from < maxExcerpt { // near the end: fill the window from the left
			from = max(to-maxExcerpt, 0)
		}
	}

	num := strconv.Itoa(l.Start.Line)
	width := max(gutterWidth, len(num))
	fmt.Fprintf(b, "%*s |", width, num)
	var text, pad strings.Builder
	if from > 0 {
		text.WriteString(ellipsis)
		pad.WriteString(strings.Repeat(" ", len(ellipsis)))
	}
	for i := from; i < to; i++ {
		shown, space := display(line[i], i == 0 && l.Start.Line == 1)
		text.WriteString(shown)
		if i < start {
			pad.WriteString(space)
		}
	}
	if to < len(line) {
		text.WriteString(ellipsis)
	}
	if text.Len() > 0 {
		b.WriteByte(' ')
		b.WriteString(text.String())
	}
	b.WriteByte('\n')

	carets := 0
	for i := start; i < min(end, to); i++ {
		_, space := display(line[i], i == 0 && l.Start.Line == 1)
		carets += len(space) // one per cell, and one for a tab
	}
	fmt.Fprintf(b, "%*s | %s%s%s\n", width, "", pad.String(), strings.Repeat(" ", pastLine), strings.Repeat("^", max(carets, 1)))
}

// display returns how r is shown in an excerpt and what stands for it in the
// caret line's indentation: a tab, or a space per cell r takes (see cells).
// A hidden character becomes U+FFFD, keeping its column; a byte order mark
// at the start of a file is invisible and takes no column.
func display(r rune, fileStart bool) (shown, space string) {
	switch {
	case r == '\t':
		return "\t", "\t"
	case r == '\uFEFF' && fileStart:
		return "", ""
	case hidden(r):
		return "\uFFFD", " "
	}
	return string(r), "  "[:cells(r)]
}

// hidden reports whether r does not show as itself: a control character,
// which a terminal may obey as part of an escape sequence, a line or
// paragraph separator, which breaks a line, or a bidirectional override or
// isolate, which makes the text that follows display in another order than
// it is written. A hostile template uses them to make a reader see other
// text than the file holds.
func hidden(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		r == '\u2028' || r == '\u2029' ||
		(r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// Printable returns s for plain-text output that a template wrote: s itself
// when every character shows as itself, else s quoted in Go syntax, as
// findings quote the values they name, so "Contoso\nReader" stays on one
// line and shows its line break as \n. Output that names a value from a
// template (a display name, an offer name, a file name) passes it through
// Printable, or through MarkdownText for markdown.
func Printable(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, hidden) < 0 {
		return s
	}
	return strconv.Quote(s)
}
