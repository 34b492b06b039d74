package report

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
)

// writeGitHub writes one GitHub Actions workflow command per finding,
//
//	::error file=P,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
//
// which the runner turns into an annotation on the pull request's diff.
// Notes are notices. Related locations follow the message on lines of
// their own, in text's form, since an annotation has only one place.
func writeGitHub(b *bytes.Buffer, findings []Finding, _ Options) error {
	for _, f := range findings {
		b.WriteString("::")
		b.WriteString(githubCommand(f.Severity))
		var props []string
		if file := githubFile(f.Location); file != "" {
			props = append(props, "file="+githubProperty(file))
		}
		if f.hasPosition() {
			props = append(props, "line="+strconv.Itoa(f.Start.Line), "col="+strconv.Itoa(f.Start.Column))
			// An annotation spans columns of one line only; GitHub ignores
			// columns on one that spans lines.
			props = append(props, "endLine="+strconv.Itoa(f.End.Line))
			if f.End.Line == f.Start.Line {
				props = append(props, "endColumn="+strconv.Itoa(f.End.Column))
			}
		}
		if name := ruleName(f.Rule); name != "" {
			props = append(props, "title="+githubProperty(name))
		}
		if len(props) > 0 {
			b.WriteByte(' ')
			b.WriteString(strings.Join(props, ","))
		}
		b.WriteString("::")
		msg := f.Message
		for _, r := range f.Related {
			msg += "\n"
			if pos := r.position(); pos != "" {
				msg += pos + ": "
			}
			msg += "note: " + r.Message
		}
		b.WriteString(githubData(msg))
		b.WriteByte('\n')
	}
	return nil
}

func githubCommand(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// githubFile is the path of l relative to the repository root, where GitHub
// looks for an annotation's file whatever the step's working directory: the
// SARIF URI decoded, or the printed path of a file outside the repository.
func githubFile(l Location) string {
	if l.URI != "" && !strings.HasPrefix(l.URI, "file:") {
		if p, err := url.PathUnescape(l.URI); err == nil {
			return strings.TrimPrefix(p, "./")
		}
	}
	return l.Path
}

// The escaping of the runner's workflow commands (@actions/core's
// escapeData and escapeProperty). A line break would end the command, and in
// a property ":" would end the properties and "," the property; "%" is
// escaped because the runner unescapes. A Replacer makes one pass, so the
// escapes it writes are not escaped again.
var (
	githubDataEscapes     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropertyEscapes = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func githubData(s string) string     { return githubDataEscapes.Replace(s) }
func githubProperty(s string) string { return githubPropertyEscapes.Replace(s) }
