package report

import (
	"bytes"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/lhlint/lhlint/internal/lint"
)

// SARIF constants. The help URI anchors are the headings of docs/rules.md,
// which are the rule names.
const (
	toolName       = "lhlint"
	informationURI = "https://github.com/lhlint/lhlint"
	rulesDocURI    = "https://github.com/lhlint/lhlint/blob/main/docs/rules.md#"
	// columnKind says columns count Unicode code points, as every lhlint
	// format does; SARIF's default is UTF-16 code units.
	columnKind = "unicodeCodePoints"
)

// writeSARIF writes one SARIF 2.1.0 log with one run. Nothing in it depends
// on the time or the machine, so the same findings give the same bytes.
func writeSARIF(b *bytes.Buffer, findings []Finding, opts Options) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI(toolName, informationURI)
	if opts.ToolVersion != "" {
		// SARIF consumers compare versions that start with a number.
		run.Tool.Driver.WithVersion(strings.TrimPrefix(opts.ToolVersion, "v"))
	}
	run.WithColumnKind(columnKind)

	index := map[string]int{} // rule name → index in tool.driver.rules
	addRule := func(r *lint.Rule) int {
		if i, ok := index[r.Name]; ok {
			return i
		}
		index[r.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule(r))
		return index[r.Name]
	}
	for _, r := range opts.Rules {
		if r != nil {
			addRule(r)
		}
	}

	for _, f := range findings {
		res := sarif.NewRuleResult(ruleName(f.Rule)).
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message))
		if f.Rule != nil {
			// A rule missing from the catalog still gets a descriptor, so
			// ruleIndex always points at the rule the result names.
			res.WithRuleIndex(addRule(f.Rule))
		}
		if loc := sarifLocation(f.Location); loc != nil {
			res.AddLocation(loc)
		}
		for i, r := range f.Related {
			loc := sarifLocation(r.Location)
			if loc == nil {
				loc = sarif.NewLocation()
			}
			// Ids let a message link a related location as [text](id).
			res.AddRelatedLocation(loc.WithId(i + 1).WithMessage(sarif.NewTextMessage(r.Message)))
		}
		for _, fix := range f.Fixes {
			if sf := sarifFix(fix); sf != nil {
				res.AddFix(sf)
			}
		}
		run.Results = append(run.Results, res)
	}
	log.AddRun(run)
	return encodeJSON(b, log)
}

// sarifRule describes r from its own metadata, the single source of rule
// docs (STYLE.md section 5).
func sarifRule(r *lint.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(r.Name).
		WithShortDescription(sarif.NewMultiformatMessageString(r.Title)).
		WithHelpURI(rulesDocURI + r.Name)
	if name := pascalCase(r.Name); !strings.EqualFold(name, r.Name) {
		d.WithName(name) // SARIF wants no name when it would equal the id
	}
	if full := firstParagraph(r.Doc); full != "" {
		d.WithFullDescription(sarif.NewMultiformatMessageString(full))
	}
	if r.Doc != "" {
		d.WithTextHelp(r.Doc).WithMarkdownHelp(r.Doc)
	}
	cfg := sarif.NewReportingConfiguration()
	if r.Severity == lint.Off {
		cfg.WithEnabled(false)
	} else {
		cfg.WithLevel(sarifLevel(r.Severity))
	}
	return d.WithDefaultConfiguration(cfg)
}

// firstParagraph returns the text before the first blank line of doc with
// its line breaks turned into spaces: Doc is wrapped Markdown, and
// fullDescription is shown as plain text.
func firstParagraph(doc string) string {
	var words []string
	for _, line := range strings.Split(strings.ReplaceAll(strings.TrimSpace(doc), "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		words = append(words, line)
	}
	return strings.Join(words, " ")
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Note:
		return "note"
	}
	return "none"
}

// sarifLocation returns l as a SARIF location, or nil when l has no file.
func sarifLocation(l Location) *sarif.Location {
	if l.URI == "" {
		return nil
	}
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(l.URI))
	if l.hasPosition() {
		pl.WithRegion(sarifRegion(l))
	}
	return sarif.NewLocationWithPhysicalLocation(pl)
}

// sarifRegion is l's span; SARIF's endColumn, like ours, is just past the
// last character, so an empty span has endColumn equal to startColumn.
func sarifRegion(l Location) *sarif.Region {
	return sarif.NewRegion().
		WithStartLine(l.Start.Line).
		WithStartColumn(l.Start.Column).
		WithEndLine(l.End.Line).
		WithEndColumn(l.End.Column)
}

// sarifFix groups the edits of fix by file, in order. Edits without a file
// cannot be described and are left out; a fix left with none is nil.
func sarifFix(fix Fix) *sarif.Fix {
	var changes []*sarif.ArtifactChange
	byURI := map[string]*sarif.ArtifactChange{}
	for _, e := range fix.Edits {
		if e.URI == "" || !e.hasPosition() {
			continue
		}
		c := byURI[e.URI]
		if c == nil {
			c = sarif.NewArtifactChange(sarif.NewSimpleArtifactLocation(e.URI))
			byURI[e.URI] = c
			changes = append(changes, c)
		}
		rep := sarif.NewReplacement(sarifRegion(e.Location))
		if e.NewText != "" {
			rep.WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText))
		}
		c.WithReplacement(rep)
	}
	if len(changes) == 0 {
		return nil
	}
	return sarif.NewFix().WithDescriptionText(fix.Message).WithArtifactChanges(changes)
}

// pascalCase turns a rule name into SARIF's readable rule name, which must
// differ from the id: owner_role becomes OwnerRole.
func pascalCase(name string) string {
	var b strings.Builder
	for _, word := range strings.Split(name, "_") {
		if word != "" {
			b.WriteString(strings.ToUpper(word[:1]) + word[1:])
		}
	}
	return b.String()
}
