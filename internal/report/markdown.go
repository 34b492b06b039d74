package report

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// Markdown output (the summary, the markdown format, later the diff) is read as
// GitHub renders it, in a pull request comment or a job summary. Every
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

// stepSummaryLimit is the most GitHub accepts in a step summary: 1 MiB. A
// longer $GITHUB_STEP_SUMMARY is not shown at all, so the markdown format
// leaves findings out to stay under it and says how many.
const stepSummaryLimit = 1 << 20

// Delegation is a deployment for the markdown format's delegation summary,
// with the role catalog it was linted with, which names its roles.
type Delegation struct {
	Deployment *model.Deployment
	Roles      *roles.Catalog
}

// writeMarkdown writes findings for a job summary or a pull request comment:
// a heading with the counts by level, a table per file, and what each
// deployment of opts.Delegations delegates, as lhlint summary -format
// markdown prints it.
func writeMarkdown(b *bytes.Buffer, findings []Finding, opts Options) error {
	writeMarkdownLimited(b, findings, opts, stepSummaryLimit)
	return nil
}

// writeMarkdownLimited is writeMarkdown with at most limit bytes of output.
// The heading is always written; rows and deployments are kept in order
// while they fit, with room kept for the line that says what was left out.
func writeMarkdownLimited(b *bytes.Buffer, findings []Finding, opts Options, limit int) {
	head := markdownHeading(findings)
	var pieces []string // a finding's row, after its file's heading when it starts a file
	for i, f := range findings {
		var piece strings.Builder
		if i == 0 || f.Path != findings[i-1].Path {
			if f.Path == "" {
				piece.WriteString("\n### Findings without a file\n\n")
			} else {
				fmt.Fprintf(&piece, "\n### %s\n\n", MarkdownCode(f.Path))
			}
			piece.WriteString("| line | level | rule | message |\n| ---: | --- | --- | --- |\n")
		}
		piece.WriteString(markdownRow(f))
		pieces = append(pieces, piece.String())
	}
	var deployments []string
	for _, d := range opts.Delegations {
		var piece bytes.Buffer
		if len(deployments) == 0 {
			piece.WriteString("\n### Delegations\n\n")
		}
		s := Summary{W: &piece, Roles: d.Roles, Markdown: true, Heading: "####"}
		s.Deployment(d.Deployment)
		deployments = append(deployments, piece.String())
	}

	total := len(head)
	for _, p := range slices.Concat(pieces, deployments) {
		total += len(p)
	}
	if total <= limit {
		b.WriteString(head)
		for _, p := range slices.Concat(pieces, deployments) {
			b.WriteString(p)
		}
		return
	}

	const leftOutRoom = 200 // the line below, with the largest counts
	budget := limit - leftOutRoom - len(head)
	b.WriteString(head)
	keep := func(list []string) int {
		n := 0
		for _, p := range list {
			if len(p) > budget {
				break
			}
			b.WriteString(p)
			budget -= len(p)
			n++
		}
		return n
	}
	keptFindings := keep(pieces)
	keptDeployments := 0
	if keptFindings == len(pieces) {
		keptDeployments = keep(deployments)
	}
	fmt.Fprintf(b, "\n%s left out: GitHub shows at most 1 MiB of a step summary. The log and the SARIF file have every finding.\n",
		leftOut(len(pieces)-keptFindings, len(deployments)-keptDeployments))
}

// markdownHeading is the first line: the counts by level, or that there is
// nothing to report.
func markdownHeading(findings []Finding) string {
	if len(findings) == 0 {
		return "## lhlint: no findings\n"
	}
	var errs, warnings, notes int
	for _, f := range findings {
		switch f.Severity {
		case lint.Error:
			errs++
		case lint.Warning:
			warnings++
		default:
			notes++
		}
	}
	return fmt.Sprintf("## lhlint: %s, %s, %s\n", count(errs, "error"), count(warnings, "warning"), count(notes, "note"))
}

// markdownRow is a finding's table row. The message, its related locations
// and the path are written by a template or its author, so they are escaped;
// the rule name links to its documentation.
func markdownRow(f Finding) string {
	line := ""
	if f.hasPosition() {
		line = strconv.Itoa(f.Start.Line)
	}
	rule := ""
	if name := ruleName(f.Rule); name != "" {
		rule = "[" + MarkdownCode(name) + "](" + rulesDocURI + url.PathEscape(name) + ")"
	}
	msg := MarkdownText(f.Message)
	for _, r := range f.Related {
		msg += "<br>"
		if pos := r.position(); pos != "" {
			msg += MarkdownText(pos) + ": "
		}
		msg += "note: " + MarkdownText(r.Message)
	}
	return fmt.Sprintf("| %s | %s | %s | %s |\n", line, severityName(f.Severity), rule, msg)
}

// leftOut says how many findings and deployments the output has no room for.
func leftOut(findings, deployments int) string {
	switch {
	case deployments == 0:
		return count(findings, "finding")
	case findings == 0:
		return count(deployments, "deployment's delegation summary")
	}
	return count(findings, "finding") + " and " + count(deployments, "deployment's delegation summary")
}

// count is "1 error", "2 errors".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if rest, ok := strings.CutSuffix(noun, "'s delegation summary"); ok {
		return fmt.Sprintf("%d %ss' delegation summaries", n, rest)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
