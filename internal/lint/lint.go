package lint

import (
	"fmt"
	"go/token"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/principals"
	"github.com/lhlint/lhlint/roles"
	"github.com/lhlint/lhlint/schema"
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
	// Audit marks a rule that checks the suppressions themselves. The driver
	// runs it last, once for all the deployments it lints together, when
	// Pass.Suppressions can say which suppressions silenced something. Its
	// own findings cannot be suppressed.
	Audit bool
	// SecuritySeverity is set on the rules whose mistake grants access it
	// should not: a score from 0.1 to 10 that GitHub code scanning shows as
	// low (below 4), medium (below 7), high (below 9) or critical. It is 0
	// for the other rules.
	SecuritySeverity float64
	// Precision is how often a finding of the rule is a true one, as SARIF
	// consumers rank it: "very-high" when the rule checks what Azure itself
	// checks, "high" when it judges from names or wording. "" is very-high.
	Precision string
}

// Tags are the rule's SARIF tags: "lighthouse", then "security" for a rule
// with a security severity and "correctness" for the others.
func (r *Rule) Tags() []string {
	if r.SecuritySeverity > 0 {
		return []string{"lighthouse", "security"}
	}
	return []string{"lighthouse", "correctness"}
}

// PrecisionLevel returns the rule's Precision, very-high when it has none.
func (r *Rule) PrecisionLevel() string {
	if r.Precision == "" {
		return "very-high"
	}
	return r.Precision
}

// SecurityLevel names the level GitHub shows for the rule's security
// severity, "" for a rule without one.
func (r *Rule) SecurityLevel() string {
	switch s := r.SecuritySeverity; {
	case s <= 0:
		return ""
	case s < 4:
		return "low"
	case s < 7:
		return "medium"
	case s < 9:
		return "high"
	}
	return "critical"
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
	// Principals is the managing tenant's directory export (--principals),
	// nil when the user gave none: the inventory rules then do nothing.
	Principals *principals.Inventory
	// Limits are the configured limits of the limit rules.
	Limits Limits
	// Suppressions are the suppressions of the deployments, each once, with
	// what the driver learned of them; only an Audit rule sees them.
	Suppressions []Suppression
	// Exists reports whether a rule of that name exists, and Ran whether it
	// is turned on (its level is not off), for an Audit rule.
	Exists, Ran func(rule string) bool
	// Validations remembers schema validations across the run; nil
	// validates each document (see Options.Validations).
	Validations *schema.Memo
	diags       []analysis.Diagnostic
	shared      map[any]any
}

// Shared returns what compute returns for key, computed once for all the
// rules run over one template's deployments: two rules that read the same
// costly result (the validation of a resource against its schema) share
// it. key is comparable and names the result and what it is of.
func (p *Pass) Shared(key any, compute func() any) any {
	if v, ok := p.shared[key]; ok {
		return v
	}
	v := compute()
	if p.shared != nil {
		p.shared[key] = v
	}
	return v
}

// Suppression is a suppression of the deployments with whether it silenced
// a finding.
type Suppression struct {
	model.Suppression
	Silenced bool
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

// SuggestReplacement offers on d the fix that replaces the value at with
// the value with, written as the file that holds at writes it: the rule
// says what to change, the front-end how it is written. It offers nothing
// when at is not a literal written exactly at its span (a value that came
// through an expression has no one right edit), or when that file cannot
// write with.
func (p *Pass) SuggestReplacement(d *analysis.Diagnostic, at, with model.Value, message string) {
	if !at.IsLiteral() || p.Template.Syntax == nil {
		return
	}
	text, ok := p.Template.Syntax.Literal(at.Pos(), with)
	if !ok {
		return
	}
	d.SuggestedFixes = append(d.SuggestedFixes, analysis.SuggestedFix{
		Message:   message,
		TextEdits: []analysis.TextEdit{{Pos: at.Pos(), End: at.End(), NewText: text}},
	})
}

// Finding is a diagnostic of one rule, with the severity it is reported at.
type Finding struct {
	Rule     *Rule
	Severity Severity
	analysis.Diagnostic
	// Path names the value the finding is on by its place in the
	// deployment (model.Paths), "" when it is on none; Role is the part the
	// finding's file plays: "template", "parameters" or "module". With the
	// rule they identify a finding across runs, whatever lines moved.
	Path, Role string
	// Suppressed says why the finding is not reported, nil when it is;
	// only a run with Options.KeepSuppressed returns such findings.
	Suppressed *Suppressed
}

// Suppressed says what silenced a finding.
type Suppressed struct {
	// External is true when the configuration turned the rule off, false
	// for a suppression in the file.
	External bool
	// Justification is the reason the suppression gives.
	Justification string
}

// Options say how to run the rules.
type Options struct {
	Roles *roles.Catalog
	// Levels overrides rules' default severities by rule name; Off disables a rule.
	Levels map[string]Severity
	// CustomerTenant is the ID of the tenant being onboarded, "" when it is
	// not known.
	CustomerTenant string
	// Principals is the managing tenant's directory export, nil when there
	// is none.
	Principals *principals.Inventory
	// Limits are the limit rules' numbers, as the configuration sets them.
	Limits Limits
	// KeepSuppressed makes Run return the findings that a suppression or a
	// level of off in Levels silences, marked Suppressed, for the formats
	// that record them (SARIF). A rule that is off by default still does
	// not run.
	KeepSuppressed bool
	// Places makes Run fill each finding's Path and Role, which cost an
	// index of the deployment's values.
	Places bool
	// Validations remembers the violations of the documents the schema
	// rules validate, for every Run of one command: files of the same
	// structure are validated once. nil validates each document.
	Validations *schema.Memo
}

// Limits are the limits of the limit rules, as .lhlint.json sets them;
// zero keeps a rule's default, which its documentation gives.
type Limits struct {
	Authorizations int // per registration definition without a Marketplace plan
	Definitions    int // registration definitions per deployment
	ResourceGroups int // resource groups per deployment
}

// Run runs every rule over the deployments of one template (one per
// parameters file) and returns the findings that no suppression silences, in
// position order, each problem at each place once. Audit rules run last,
// over the suppressions of all the deployments: a suppression in the
// template that one parameters file needs is not unused with another.
// An error means a rule could not work or reported a malformed fix: a bug in
// lhlint, never a problem in the template.
func Run(fset *token.FileSet, ds []*model.Deployment, rules []*Rule, opts Options) ([]Finding, error) {
	r := runner{fset: fset, opts: opts, rules: rules, shared: map[any]any{}}
	for _, d := range ds {
		for _, rule := range rules {
			if !rule.Audit {
				if err := r.run(rule, d, nil); err != nil {
					return nil, err
				}
			}
		}
	}
	if audit := r.audited(ds); len(audit) > 0 {
		for _, rule := range rules {
			if rule.Audit {
				if err := r.run(rule, ds[0], audit); err != nil {
					return nil, err
				}
			}
		}
	}
	sort.SliceStable(r.findings, func(i, j int) bool { return Less(r.findings[i], r.findings[j]) })
	return slices.CompactFunc(r.findings, same), nil
}

// runner runs rules over deployments and collects their findings.
type runner struct {
	fset     *token.FileSet
	opts     Options
	rules    []*Rule
	silenced map[token.Pos]bool // the suppressions that silenced a finding, by position
	indexes  map[*model.Deployment]suppressions
	reasons  map[token.Pos]string // the reason of each suppression, by position
	paths    map[*model.Deployment]*model.Paths
	findings []Finding
	shared   map[any]any // what rules share, see Pass.Shared
	// pass is the Pass of the rule running: one for all of them, since
	// their findings are copied out of it.
	pass Pass
}

// level returns the severity a rule reports at; Off when it does not run.
func (r *runner) level(rule *Rule) Severity {
	if lvl, ok := r.opts.Levels[rule.Name]; ok {
		return lvl
	}
	return rule.Severity
}

// named returns the rule called name, nil when there is none.
func (r *runner) named(name string) *Rule {
	for _, rule := range r.rules {
		if rule.Name == name {
			return rule
		}
	}
	return nil
}

// run runs one rule over d and keeps its findings that no suppression of d
// silences, or all of them, marked, with KeepSuppressed. audit is nil for a
// rule that is not an Audit rule.
func (r *runner) run(rule *Rule, d *model.Deployment, audit []Suppression) error {
	sev := r.level(rule)
	var turnedOff *Suppressed
	if sev == Off {
		if !r.opts.KeepSuppressed || rule.Severity == Off || rule.Audit {
			return nil
		}
		// Turned off by the configuration: run at the rule's own level, so
		// that SARIF records what the configuration hides.
		sev, turnedOff = rule.Severity, &Suppressed{External: true}
	}
	r.pass = Pass{
		Rule: rule, Template: d, Roles: r.opts.Roles, Fset: r.fset,
		CustomerTenant: r.opts.CustomerTenant, Principals: r.opts.Principals, Limits: r.opts.Limits,
		Validations: r.opts.Validations, shared: r.shared,
		diags: r.pass.diags[:0],
	}
	pass := &r.pass
	if rule.Audit {
		pass.Suppressions = audit
		pass.Exists = func(name string) bool { return r.named(name) != nil }
		pass.Ran = func(name string) bool {
			named := r.named(name)
			return named != nil && r.level(named) != Off
		}
	}
	if err := rule.Run(pass); err != nil {
		return fmt.Errorf("rule %s: %w", rule.Name, err)
	}
	for _, diag := range pass.diags {
		if err := validateFixes(r.fset, diag); err != nil {
			return fmt.Errorf("rule %s: %w", rule.Name, err)
		}
		if !diag.End.IsValid() {
			diag.End = diag.Pos
		}
		f := Finding{Rule: rule, Severity: sev, Diagnostic: diag, Suppressed: turnedOff}
		if turnedOff == nil && !rule.Audit {
			f.Suppressed = r.silence(d, rule.Name, diag)
		}
		if f.Suppressed != nil && !r.opts.KeepSuppressed {
			continue
		}
		if r.opts.Places {
			f.Path, f.Role = r.place(d, diag)
		}
		r.findings = append(r.findings, f)
	}
	return nil
}

// silence returns what silences a finding of rule in d, nil when nothing
// does, and remembers which suppression did.
func (r *runner) silence(d *model.Deployment, rule string, diag analysis.Diagnostic) *Suppressed {
	if len(d.Suppressions) == 0 {
		return nil
	}
	idx, ok := r.indexes[d]
	if !ok {
		idx = newSuppressions(d.Suppressions)
		if r.indexes == nil {
			r.indexes = map[*model.Deployment]suppressions{}
			r.silenced = map[token.Pos]bool{}
			r.reasons = map[token.Pos]string{}
		}
		r.indexes[d] = idx
		for _, s := range d.Suppressions {
			r.reasons[s.Pos()] = s.Reason
		}
	}
	by := idx.silence(rule, diag, func(s token.Pos) { r.silenced[s] = true })
	if !by.IsValid() {
		return nil
	}
	return &Suppressed{Justification: r.reasons[by]}
}

// place returns the path of the value a finding is on and the role of its
// file in d.
func (r *runner) place(d *model.Deployment, diag analysis.Diagnostic) (path, role string) {
	paths, ok := r.paths[d]
	if !ok {
		paths = model.NewPaths(d)
		if r.paths == nil {
			r.paths = map[*model.Deployment]*model.Paths{}
		}
		r.paths[d] = paths
	}
	path = paths.At(model.Span{StartPos: diag.Pos, EndPos: diag.End})
	role = "module"
	if f := r.fset.File(diag.Pos); f != nil {
		switch f.Name() {
		case d.Template:
			role = "template"
		case d.ParametersFile:
			role = "parameters"
		}
	}
	return path, role
}

// audited returns the suppressions of the deployments, each once, in
// position order, with whether they silenced a finding.
func (r *runner) audited(ds []*model.Deployment) []Suppression {
	var out []Suppression
	seen := map[token.Pos]bool{}
	for _, d := range ds {
		for _, s := range d.Suppressions {
			if !seen[s.Pos()] {
				seen[s.Pos()] = true
				out = append(out, Suppression{Suppression: s, Silenced: r.silenced[s.Pos()]})
			}
		}
	}
	slices.SortFunc(out, func(a, b Suppression) int { return int(a.Pos()) - int(b.Pos()) })
	return out
}

// same reports whether two findings are the same problem at the same
// place, as the copies of a copy loop report it.
func same(a, b Finding) bool {
	return a.Rule == b.Rule && a.Pos == b.Pos && a.End == b.End && a.Message == b.Message &&
		(a.Suppressed == nil) == (b.Suppressed == nil)
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
