package report

import (
	"bytes"
	"strconv"
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
	// automationID is run.automationDetails.id: the category GitHub code
	// scanning files lhlint's alerts under, so that another tool's upload
	// never closes them. The trailing slash says there is no run id.
	automationID = "lhlint/"
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
		// SARIF consumers compare versions that start with a number, and
		// semanticVersion is SemVer 2.0, which has no "v".
		version := strings.TrimPrefix(opts.ToolVersion, "v")
		run.Tool.Driver.WithVersion(version).WithSemanticVersion(version)
	}
	run.WithColumnKind(columnKind)
	run.WithAutomationDetails(sarif.NewRunAutomationDetails().WithID(automationID))
	run.AddInvocations(sarifInvocation(opts.Errors))

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

	results := []sarifResult{}
	for _, f := range findings {
		res := sarif.NewRuleResult(ruleName(f.Rule)).
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message))
		if f.Rule != nil {
			// A rule missing from the catalog still gets a descriptor, so
			// ruleIndex always points at the rule the result names.
			res.WithRuleIndex(addRule(f.Rule))
		}
		if loc := sarifLocation(primary(f)); loc != nil {
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
		if f.Fingerprint != "" {
			res.WithPartialFingerPrints(map[string]any{FingerprintKey: f.Fingerprint})
		}
		out := sarifResult{Result: res}
		if s := f.Suppressed; s != nil {
			out.Suppressions = []sarifSuppression{suppressionOf(s)}
		}
		results = append(results, out)
	}
	return encodeJSON(b, sarifLog{Report: log, Runs: []sarifRun{{Run: run, Results: results}}})
}

// sarifRule describes r from its own metadata, the single source of rule
// docs.
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
	props := sarif.NewPropertyBag()
	props.Add("tags", r.Tags())
	props.Add("precision", r.PrecisionLevel())
	if r.SecuritySeverity > 0 {
		// GitHub reads the score as a string.
		props.Add("security-severity", strconv.FormatFloat(r.SecuritySeverity, 'f', 1, 64))
	}
	d.WithProperties(props.Properties)
	cfg := sarif.NewReportingConfiguration()
	if r.Severity == lint.Off {
		cfg.WithEnabled(false)
	} else {
		cfg.WithLevel(sarifLevel(r.Severity))
	}
	return d.WithDefaultConfiguration(cfg)
}

// primary is where a SARIF result is: the finding's location or, for a
// finding that has none, its first related location that names a file.
// GitHub code scanning rejects a result without a location.
func primary(f Finding) Location {
	if f.URI != "" {
		return f.Location
	}
	for _, r := range f.Related {
		if r.URI != "" {
			return r.Location
		}
	}
	return f.Location
}

// sarifInvocation says whether lhlint read and linted every input, with a
// notification for each error that kept it from doing so (an unreadable
// file), which the command line also prints.
func sarifInvocation(errs []string) *sarif.Invocation {
	inv := sarif.NewInvocation().WithExecutionSuccess(len(errs) == 0)
	for _, e := range errs {
		inv.AddTToolExecutionNotification(sarif.NewNotification().WithLevel("error").WithTextMessage(e))
	}
	return inv
}

// go-sarif writes every absent member of a suppression as null, which the
// schema forbids. These types replace its results' suppressions with ones
// that leave absent members out; a field of the outer struct hides the
// embedded one of the same JSON name.
type (
	sarifLog struct {
		*sarif.Report
		Runs []sarifRun `json:"runs"`
	}
	sarifRun struct {
		*sarif.Run
		Results []sarifResult `json:"results"`
	}
	sarifResult struct {
		*sarif.Result
		Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Status        string `json:"status"`
		Justification string `json:"justification,omitempty"`
	}
)

// suppressionOf records what silenced a result: a suppression written in
// the file ("inSource"), with its reason, or the configuration turning the
// rule off ("external"). Both were decided by the user: "accepted".
func suppressionOf(s *lint.Suppressed) sarifSuppression {
	if s.External {
		return sarifSuppression{Kind: "external", Status: "accepted"}
	}
	return sarifSuppression{Kind: "inSource", Status: "accepted", Justification: s.Justification}
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
