package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/source"
)

// Location is a resolved place in a file. The zero Location means "no
// place": a finding about nothing in particular, or one whose position was
// lost; writers print such findings without a position.
type Location struct {
	Path       string // as printed: relative to the working directory when possible, slash-separated
	URI        string // repository-relative, slash-separated, for SARIF artifactLocation.uri
	Start, End source.Position
	LineText   string // the text of the start line, for pretty output
}

// Related is a second place that explains a finding.
type Related struct {
	Location
	Message string
}

// Finding is a lint finding with every position resolved.
type Finding struct {
	Rule     *lint.Rule
	Severity lint.Severity
	Message  string
	Location
	Related []Related
	Fixes   []Fix
	// Fingerprint identifies the finding across runs, whatever lines moved
	// (see fingerprint); "" when lint did not place the finding.
	Fingerprint string
	// Suppressed says what silenced the finding, nil when nothing did. Only
	// SARIF writes silenced findings, as suppressed results.
	Suppressed *lint.Suppressed
}

// Fix is a suggested fix with its edits resolved.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the text between Start and End with NewText.
type Edit struct {
	Location
	NewText string
}

// Options are what writers need besides the findings.
type Options struct {
	ToolVersion string
	Rules       []*lint.Rule // the whole catalog, for SARIF's tool.driver.rules
	// Delegations are the deployments whose delegation summary the markdown
	// format writes after the findings.
	Delegations []Delegation
	// Errors are the input errors of the run (files that could not be
	// read), which SARIF records as tool notifications.
	Errors []string
	// Color makes the pretty format colour the position and the severity
	// of each header line with ANSI escapes, for a terminal.
	Color bool
}

// writer returns the writer of format, or nil. It is a switch rather than a
// package-level map so that there is no mutable global.
func writer(format string) func(*bytes.Buffer, []Finding, Options) error {
	switch format {
	case "text":
		return writeText
	case "pretty":
		return writePretty
	case "json":
		return writeJSON
	case "sarif":
		return writeSARIF
	case "github":
		return writeGitHub
	case "markdown":
		return writeMarkdown
	}
	return nil
}

// Formats returns the names Write accepts, in the order help text lists them.
func Formats() []string {
	return []string{"text", "pretty", "json", "sarif", "github", "markdown"}
}

// Write writes findings, sorted by path, position and rule, in one of the
// Formats. The output is built in memory and handed to
// w in one Write call, so an unknown format or a writer's error never leaves
// a half-built document in w.
func Write(w io.Writer, format string, findings []Finding, opts Options) error {
	write := writer(format)
	if write == nil {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	if format != "sarif" {
		// Only SARIF can say a result is suppressed; elsewhere a silenced
		// finding is not shown at all.
		findings = Reported(findings)
	}
	var buf bytes.Buffer
	if err := write(&buf, sorted(findings), opts); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Reported returns the findings nothing silenced, in their order.
func Reported(findings []Finding) []Finding {
	return slices.DeleteFunc(slices.Clone(findings), func(f Finding) bool { return f.Suppressed != nil })
}

// sorted returns a copy of findings ordered by path, start offset, rule and
// message. Findings of several deployments arrive concatenated, so the order
// lint.Run gives each deployment is not enough for stable output.
func sorted(findings []Finding) []Finding {
	out := append([]Finding(nil), findings...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Start.Offset != b.Start.Offset {
			return a.Start.Offset < b.Start.Offset
		}
		if ra, rb := ruleName(a.Rule), ruleName(b.Rule); ra != rb {
			return ra < rb
		}
		return a.Message < b.Message
	})
	return out
}

// ruleName tolerates a nil rule, which only a caller's bug produces, so that
// output still appears instead of a panic.
func ruleName(r *lint.Rule) string {
	if r == nil {
		return ""
	}
	return r.Name
}

// severityName is lint.Severity.String without its panic on values outside
// the four severities.
func severityName(s lint.Severity) string {
	if s < lint.Off || s > lint.Error {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return s.String()
}

// hasPosition reports whether l points at a line of a file.
func (l Location) hasPosition() bool { return l.Start.Line > 0 }

// position is "path:line:col", "path" or "" as far as l knows them.
func (l Location) position() string {
	switch {
	case l.hasPosition():
		return fmt.Sprintf("%s:%d:%d", l.Path, l.Start.Line, l.Start.Column)
	default:
		return l.Path
	}
}
