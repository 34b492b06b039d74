package report

import (
	"bytes"
	"encoding/json"
)

// JSONVersion is the version of the json format's layout. It changes only
// when a field is renamed or removed or changes meaning; new fields may
// appear without a change.
const JSONVersion = 1

// The json format, field by field. Every list is present, empty as [], so
// consumers need no null checks; a position with line 0 means the finding
// has no place in a file.
type (
	jsonDocument struct {
		Version     int           `json:"version"`               // JSONVersion
		ToolVersion string        `json:"toolVersion,omitempty"` // the lhlint version
		Findings    []jsonFinding `json:"findings"`
	}
	jsonFinding struct {
		Rule     string `json:"rule"`
		Severity string `json:"severity"` // error, warning or note
		Message  string `json:"message"`
		jsonLocation
		Related []jsonRelated `json:"related"`
		Fixes   []jsonFix     `json:"fixes"`
	}
	jsonLocation struct {
		Path  string       `json:"path"` // as printed by text, relative to the working directory
		URI   string       `json:"uri"`  // relative to the repository root, percent-encoded
		Start jsonPosition `json:"start"`
		End   jsonPosition `json:"end"` // just past the span
	}
	jsonPosition struct {
		Line   int `json:"line"`   // 1-based
		Column int `json:"column"` // 1-based, in characters (Unicode code points)
		Offset int `json:"offset"` // 0-based, in bytes
	}
	jsonRelated struct {
		Message string `json:"message"`
		jsonLocation
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		jsonLocation
		NewText string `json:"newText"`
	}
)

// writeJSON writes the findings as one JSON document indented by two
// spaces. HTML characters are not escaped: messages quote template values
// such as "<insert tenant ID>", and nothing renders this output as HTML.
func writeJSON(b *bytes.Buffer, findings []Finding, opts Options) error {
	doc := jsonDocument{Version: JSONVersion, ToolVersion: opts.ToolVersion, Findings: []jsonFinding{}}
	for _, f := range findings {
		jf := jsonFinding{
			Rule:         ruleName(f.Rule),
			Severity:     severityName(f.Severity),
			Message:      f.Message,
			jsonLocation: toJSONLocation(f.Location),
			Related:      []jsonRelated{},
			Fixes:        []jsonFix{},
		}
		for _, r := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{Message: r.Message, jsonLocation: toJSONLocation(r.Location)})
		}
		for _, fix := range f.Fixes {
			jx := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jx.Edits = append(jx.Edits, jsonEdit{jsonLocation: toJSONLocation(e.Location), NewText: e.NewText})
			}
			jf.Fixes = append(jf.Fixes, jx)
		}
		doc.Findings = append(doc.Findings, jf)
	}
	return encodeJSON(b, doc)
}

func toJSONLocation(l Location) jsonLocation {
	return jsonLocation{
		Path:  l.Path,
		URI:   l.URI,
		Start: jsonPosition{Line: l.Start.Line, Column: l.Start.Column, Offset: l.Start.Offset},
		End:   jsonPosition{Line: l.End.Line, Column: l.End.Column, Offset: l.End.Offset},
	}
}

// encodeJSON is shared by json and sarif so both indent and escape alike.
func encodeJSON(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
