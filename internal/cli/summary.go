package cli

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/report"
	"github.com/lhlint/lhlint/roles"
)

// summaryHelp is the help of summary, after the synopsis.
const summaryHelp = `
Prints what each deployment under each path (default the current directory)
delegates: the managing tenant, the scope, and each principal with its role.
Files are found, ignored, paired and configured as lint does it.

Flags:
`

// runSummary prints, for each deployment, who gets what where: the
// managing tenant, the scope, and each principal with its role, permanent
// or eligible. A reviewer of a pull request reads a delegation from it
// without reading JSON.
func runSummary(args []string, stdout, stderr io.Writer) int {
	o := &options{}
	fs := newFlagSet("lhlint summary")
	format := fs.String("format", "text", "output `format`: text or markdown")
	addInputFlags(fs, o)
	fs.BoolVar(&o.verbose, "verbose", false, "say on standard error what paired with what, and which files were skipped and why")
	paths, err := parseArgs(fs, args, stdout, summaryHelp)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		return usageError(stderr, err)
	}
	if *format != "text" && *format != "markdown" {
		return usageError(stderr, fmt.Errorf("unknown format %q (want text or markdown)", *format))
	}
	in, err := gather(o, paths)
	if err != nil {
		fmt.Fprintf(stderr, "lhlint: %v\n", err)
		return ExitInput
	}
	if o.verbose {
		in.printNotes(stderr)
	}
	fset := token.NewFileSet()
	errs := in.errs
	s := summarizer{w: stdout, markdown: *format == "markdown"}
	for i, j := range in.jobs {
		ds, _, jerrs := loadJob(fset, in.paths, j)
		errs = append(errs, jerrs...)
		s.roles = in.opts[i].Roles
		for _, d := range ds {
			if len(d.Definitions)+len(d.Assignments) > 0 {
				s.deployment(d)
			}
		}
	}
	slices.Sort(errs)
	for _, e := range slices.Compact(errs) {
		fmt.Fprintf(stderr, "lhlint: %s\n", e)
	}
	if len(errs) > 0 {
		return ExitInput
	}
	return ExitClean
}

// summarizer writes the summary as text or markdown. Every string that a
// template, a file name or the role catalog gave reaches the output through
// text or showCode, so that nothing a template says can change what a
// reviewer reads.
type summarizer struct {
	w        io.Writer
	roles    *roles.Catalog
	markdown bool
}

func (s *summarizer) deployment(d *model.Deployment) {
	source := s.text(d.Template)
	switch {
	case d.Template == "":
		source = s.text(d.ParametersFile) + " (no template)"
	case d.ParametersFile != "":
		source += " with " + s.text(d.ParametersFile)
	default:
		source += " with its default values"
	}
	if s.markdown {
		fmt.Fprintf(s.w, "## %s\n\n", source)
	} else {
		fmt.Fprintf(s.w, "%s\n", source)
	}
	for _, def := range d.Definitions {
		s.definition(d, def)
	}
	if !s.markdown {
		fmt.Fprintln(s.w)
	}
}

func (s *summarizer) definition(d *model.Deployment, def *model.Definition) {
	offer := s.show(def.OfferName)
	tenant := s.showCode(def.ManagedByTenantID)
	scope := s.assignedScopes(d, def)
	if s.markdown {
		fmt.Fprintf(s.w, "Offer **%s**, managed by tenant %s, delegates %s.\n\n", offer, tenant, scope)
	} else {
		fmt.Fprintf(s.w, "  offer %s, managed by tenant %s\n  delegates %s\n", offer, tenant, scope)
	}
	s.notKnown("authorizations", def.AuthorizationsValue)
	s.notKnown("eligible authorizations", def.EligibleValue)
	if s.markdown {
		fmt.Fprintf(s.w, "| principal | ID | role | access |\n| --- | --- | --- | --- |\n")
	}
	for _, a := range def.Authorizations {
		s.authorization(a)
	}
	for _, e := range def.EligibleAuthorizations {
		s.eligible(e)
	}
	if s.markdown {
		fmt.Fprintln(s.w)
	}
}

func (s *summarizer) authorization(a *model.Authorization) {
	if a.Object.IsUnknown() {
		s.unknownRow(a.Object, "permanent")
		return
	}
	access := "permanent"
	if len(a.DelegatedRoleDefinitionIDs) > 0 {
		var names []string
		for _, v := range a.DelegatedRoleDefinitionIDs {
			names = append(names, s.role(v))
		}
		access += "; may assign " + strings.Join(names, ", ")
	}
	s.row(s.show(a.PrincipalIDDisplayName), s.showCode(a.PrincipalID), s.role(a.RoleDefinitionID), access)
}

func (s *summarizer) eligible(e *model.EligibleAuthorization) {
	if e.Object.IsUnknown() {
		s.unknownRow(e.Object, "eligible")
		return
	}
	access := "eligible"
	if p := e.JITPolicy; p != nil {
		access += fmt.Sprintf(" for up to %s, MFA %s", s.show(p.MaximumActivationDuration), s.show(p.MFAProvider))
		if len(p.Approvers) > 0 {
			var names []string
			for _, ap := range p.Approvers {
				names = append(names, s.show(ap.PrincipalIDDisplayName))
			}
			access += ", approved by " + strings.Join(names, ", ")
		}
	}
	s.row(s.show(e.PrincipalIDDisplayName), s.showCode(e.PrincipalID), s.role(e.RoleDefinitionID), access)
}

// notKnown says that a list of authorizations is not known before
// deployment, and why. Without it a definition whose authorizations come
// from reference() or from a parameter with no value would list no row, as
// if it delegated nothing.
func (s *summarizer) notKnown(list string, v model.Value) {
	if !v.IsUnknown() {
		return
	}
	if s.markdown {
		fmt.Fprintf(s.w, "%s not known before deployment%s.\n\n", strings.ToUpper(list[:1])+list[1:], s.unknownReason(v))
		return
	}
	fmt.Fprintf(s.w, "    %s not known before deployment%s\n", list, s.unknownReason(v))
}

func (s *summarizer) row(name, id, role, access string) {
	if s.markdown {
		fmt.Fprintf(s.w, "| %s | %s | %s | %s |\n", name, id, role, access)
		return
	}
	fmt.Fprintf(s.w, "    %s (%s): %s, %s\n", name, id, role, access)
}

// unknownRow writes an authorization that is not known as a whole, such as
// an item "[parameters('noc')]" of a written array: once, rather than with
// the same reason in every column.
func (s *summarizer) unknownRow(v model.Value, access string) {
	if s.markdown {
		fmt.Fprintf(s.w, "| %s | | | %s |\n", s.describe(v), access)
		return
	}
	fmt.Fprintf(s.w, "    %s: %s\n", s.describe(v), access)
}

// role names a role ID for a reader: the catalog's name, else the ID. The
// name is escaped too: --roles can give a catalog of any text.
func (s *summarizer) role(v model.Value) string {
	if id, ok := v.Str(); ok {
		if r, ok := s.roles.Lookup(id); ok {
			return s.text(strings.TrimSpace(r.Name))
		}
	}
	return s.show(v)
}

// show writes a value for a reader: its text, or why it is not known.
func (s *summarizer) show(v model.Value) string {
	if v.Kind() == model.String {
		return s.text(v.Text())
	}
	return s.describe(v)
}

// showCode is show for an ID, which markdown sets in a code span.
func (s *summarizer) showCode(v model.Value) string {
	if v.Kind() != model.String {
		return s.describe(v)
	}
	if s.markdown {
		return report.MarkdownCode(v.Text())
	}
	return report.Printable(v.Text())
}

// describe says, in parentheses, what a value that is not a string is.
func (s *summarizer) describe(v model.Value) string {
	switch {
	case v.IsMissing():
		return "(not set)"
	case v.IsUnknown():
		return "(not known before deployment" + s.unknownReason(v) + ")"
	}
	return "(" + v.Kind().String() + ")"
}

// text writes s, which a template, a file name or the role catalog gave,
// so that it reads as itself: escaped in markdown, quoted in text when it
// holds a character that does not show as itself.
func (s *summarizer) text(str string) string {
	if s.markdown {
		return report.MarkdownText(str)
	}
	return report.Printable(str)
}

// unknownReason is ": " and why v is not known, or "" when no reason was kept.
func (s *summarizer) unknownReason(v model.Value) string {
	if v.Reason() == "" {
		return ""
	}
	return ": " + s.text(v.Reason())
}

// assignedScopes says where the assignments of def delegate.
func (s *summarizer) assignedScopes(d *model.Deployment, def *model.Definition) string {
	var groups []string
	subscription, policy := false, ""
	for _, a := range d.Assignments {
		name, ok := model.DefinitionName(a.RegistrationDefinitionID.Text())
		if !ok || !strings.EqualFold(name, def.Name.Text()) {
			continue
		}
		switch a.Scope.Kind {
		case model.ScopeSubscription:
			subscription = true
			if nd := a.Deployment; nd != nil && nd.Policy {
				policy = s.show(nd.Name)
			}
		case model.ScopeResourceGroup:
			groups = append(groups, s.show(a.Scope.ResourceGroup))
		}
	}
	switch {
	case policy != "":
		return "every subscription that policy " + policy + " is assigned to"
	case subscription:
		return "the whole subscription"
	case len(groups) == 1:
		return "resource group " + groups[0]
	case len(groups) > 1:
		return "resource groups " + strings.Join(groups, ", ")
	}
	return "nothing in this template (no assignment references it)"
}
