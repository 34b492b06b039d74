package report

import "strings"

// Markdown output (the summary, and later the findings and the diff) is read
// as GitHub renders it, in a pull request comment or a job summary. Every
// value a template wrote reaches it through MarkdownText or MarkdownCode, so
// that nothing a template says is read as markdown: a display name holding
// "|" and a line break would otherwise end its table row and write new rows,
// "<!--" would hide the rows after it, "[x](http://evil)" would be a link.

// markdownEscapes are the replacements MarkdownText makes. A backslash before
// ASCII punctuation is the CommonMark escape: the renderer shows the
// character itself and never reads it as syntax. Escaped are the characters
// that mean something in the middle of a line: "\" (escapes), "`" (code
// spans), "*", "_" and "~" (emphasis and strikethrough), "[" and "]" (links
// and images), "<" and ">" (HTML, comments and autolinks), "&" (entities,
// which could spell any character), "|" (table cells; GitHub's tables read
// "\|" as "|" even inside a code span) and "#" (a heading's closing
// sequence). "$" starts a math expression on GitHub, which does not honour
// "\$"; the numeric character reference "&#36;" is text to every renderer.
// Characters that mean something only at the start of a line ("-", "+",
// "1.", "=") need nothing: no value starts a line, and line breaks are
// quoted away by Printable first.
var markdownEscapes = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `~`, `\~`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `&`, `\&`, `|`, `\|`, `#`, `\#`, `$`, `&#36;`,
)

// MarkdownText returns s, a value a template wrote, as markdown text that
// renders as s and nothing else, anywhere inline: in a paragraph, a heading
// or a table cell. Hidden characters are first quoted as Printable does,
// so a line break shows as \n and cannot end a row or a paragraph.
func MarkdownText(s string) string {
	return markdownEscapes.Replace(Printable(s))
}

// MarkdownCode returns s as a code span, where IDs read best, when a code
// span can hold it exactly, and as MarkdownText otherwise. Inside a code span
// backslash escapes do not work, so a backtick in s would end the span and
// the rest of s would be markdown again; "|" would still end a table cell,
// and "\|", which a table needs, shows its backslash outside one; spaces at
// both ends are trimmed by the renderer. Such a value is an ID no one writes,
// and it is shown as escaped text rather than in monospace.
func MarkdownCode(s string) string {
	p := Printable(s)
	if p == "" || strings.ContainsAny(p, "`|") || strings.TrimSpace(p) != p {
		return MarkdownText(s)
	}
	return "`" + p + "`"
}
