package report

import (
	"io"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/source"
)

// Location is a resolved place in a file.
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
}

// Write writes findings, sorted by path, position and rule, in format:
// text, pretty, json or sarif.
func Write(w io.Writer, format string, findings []Finding, opts Options) error { return nil }
