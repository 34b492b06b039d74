package lint

import (
	"fmt"
	"go/token"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// Severity is how serious a finding is. Off disables a rule.
type Severity int8

// The severities, from least to most serious.
const (
	Off Severity = iota
	Note
	Warning
	Error
)

var severityNames = [...]string{"off", "note", "warning", "error"}

func (s Severity) String() string { return severityNames[s] }

// ParseSeverity reads a severity as users write it: off, note, warning or error.
func ParseSeverity(s string) (Severity, error) {
	for i, name := range severityNames {
		if s == name {
			return Severity(i), nil
		}
	}
	return Off, fmt.Errorf("unknown level %q (want off, note, warning or error)", s)
}

// Rule is one check: its metadata, which is also its documentation, and the
// function that runs it over a deployment.
type Rule struct {
	Name     string // snake_case, stable forever: output, config and SARIF ruleId
	Title    string // sentence case, no period, at most 60 characters
	Severity Severity
	Doc      string // Markdown: what goes wrong, then "Fix:", then a link to Azure's docs
	Run      func(*Pass) error
}

// Pass is what a rule sees of one deployment.
type Pass struct {
	Rule     *Rule
	Template *model.Deployment
	Roles    *roles.Catalog
	Fset     *token.FileSet
	// CustomerTenant is the ID of the tenant being onboarded, "" when the
	// user did not say.
	CustomerTenant string
	diags          []analysis.Diagnostic
}

// Report records a diagnostic.
func (p *Pass) Report(d analysis.Diagnostic) {
	d.Category = p.Rule.Name
	p.diags = append(p.diags, d)
}

// Reportf reports a finding at one position.
func (p *Pass) Reportf(pos token.Pos, format string, args ...any) {
	p.Report(analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...)})
}

// ReportRangef reports a finding that spans rng.
func (p *Pass) ReportRangef(rng analysis.Range, format string, args ...any) {
	p.Report(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)})
}

// ReportValuef reports a finding on a value where it is written, with the
// places it flowed through (the template expression, the parameter) as
// related locations.
func (p *Pass) ReportValuef(v model.Value, format string, args ...any) {
	p.Report(ValueDiagnostic(v, fmt.Sprintf(format, args...)))
}

// ValueDiagnostic returns a diagnostic on v with its hops as related locations.
func ValueDiagnostic(v model.Value, message string) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: v.Pos(), End: v.End(), Message: message}
	for _, h := range v.Via() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: h.Pos(), End: h.End(), Message: h.Note})
	}
	return d
}

// Finding is a diagnostic of one rule, with the severity it is reported at.
type Finding struct {
	Rule     *Rule
	Severity Severity
	analysis.Diagnostic
}

// Options say how to run the rules.
type Options struct {
	Roles *roles.Catalog
	// Levels overrides rules' default severities by rule name; Off disables a rule.
	Levels map[string]Severity
	// CustomerTenant is the ID of the tenant being onboarded, "" when it is
	// not known.
	CustomerTenant string
}

// Run runs every rule over d and returns the findings in position order,
// each problem at each place once.
// An error means a rule could not work or reported a malformed fix: a bug in
// lhlint, never a problem in the template.
func Run(fset *token.FileSet, d *model.Deployment, rules []*Rule, opts Options) ([]Finding, error) {
	var findings []Finding
	for _, r := range rules {
		sev := r.Severity
		if lvl, ok := opts.Levels[r.Name]; ok {
			sev = lvl
		}
		if sev == Off {
			continue
		}
		pass := &Pass{Rule: r, Template: d, Roles: opts.Roles, Fset: fset, CustomerTenant: opts.CustomerTenant}
		if err := r.Run(pass); err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.Name, err)
		}
		for _, diag := range pass.diags {
			if err := validateFixes(fset, diag); err != nil {
				return nil, fmt.Errorf("rule %s: %w", r.Name, err)
			}
			if !diag.End.IsValid() {
				diag.End = diag.Pos
			}
			findings = append(findings, Finding{Rule: r, Severity: sev, Diagnostic: diag})
		}
	}
	sort.SliceStable(findings, func(i, j int) bool { return Less(findings[i], findings[j]) })
	return slices.CompactFunc(findings, same), nil
}

// same reports whether two findings are the same problem at the same
// place, as the copies of a copy loop report it.
func same(a, b Finding) bool {
	return a.Rule == b.Rule && a.Pos == b.Pos && a.End == b.End && a.Message == b.Message
}

// Less orders findings by position, then rule, then message.
func Less(a, b Finding) bool {
	if a.Pos != b.Pos {
		return a.Pos < b.Pos
	}
	if a.Rule.Name != b.Rule.Name {
		return a.Rule.Name < b.Rule.Name
	}
	return a.Message < b.Message
}

// validateFixes checks what x/tools leaves to the driver: all edits of a fix
// in one file, none ending before it starts, no two overlapping.
func validateFixes(fset *token.FileSet, d analysis.Diagnostic) error {
	for _, fix := range d.SuggestedFixes {
		var file *token.File
		edits := append([]analysis.TextEdit(nil), fix.TextEdits...)
		sort.Slice(edits, func(i, j int) bool { return edits[i].Pos < edits[j].Pos })
		for i, e := range edits {
			f := fset.File(e.Pos)
			if f == nil {
				return fmt.Errorf("fix %q: edit at an invalid position", fix.Message)
			}
			if file != nil && f != file {
				return fmt.Errorf("fix %q: edits in more than one file", fix.Message)
			}
			file = f
			if e.End.IsValid() && e.End < e.Pos {
				return fmt.Errorf("fix %q: edit ends before it starts", fix.Message)
			}
			if i > 0 && editEnd(edits[i-1]) > e.Pos {
				return fmt.Errorf("fix %q: overlapping edits", fix.Message)
			}
		}
	}
	return nil
}

func editEnd(e analysis.TextEdit) token.Pos {
	if e.End.IsValid() {
		return e.End
	}
	return e.Pos
}
