package report

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// Summary writes what deployments delegate, as text or markdown: the
// managing tenant, the scope, and each principal with its role, permanent or
// eligible. lhlint summary prints it, and the markdown format of lint ends
// with it, so that a reviewer reads a delegation without reading JSON. Every
// string that a template, a file name or the role catalog gave reaches the
// output through text or showCode, so that nothing a template says can
// change what a reviewer reads.
type Summary struct {
	W        io.Writer
	Roles    *roles.Catalog // names the roles: the catalog the deployment was linted with
	Markdown bool
	// Heading starts each deployment's markdown heading; "" is "##", a
	// level-2 heading, as lhlint summary prints it on its own.
	Heading string
}

// Deployment writes the summary of d.
func (s *Summary) Deployment(d *model.Deployment) {
	source := s.text(d.Template)
	switch {
	case d.Template == "":
		source = s.text(d.ParametersFile) + " (no template)"
	case d.ParametersFile != "":
		source += " with " + s.text(d.ParametersFile)
	default:
		source += " with its default values"
	}
	if s.Markdown {
		fmt.Fprintf(s.W, "%s %s\n\n", cmp.Or(s.Heading, "##"), source)
	} else {
		fmt.Fprintf(s.W, "%s\n", source)
	}
	for _, def := range d.Definitions {
		s.definition(d, def)
	}
	if !s.Markdown {
		fmt.Fprintln(s.W)
	}
}

func (s *Summary) definition(d *model.Deployment, def *model.Definition) {
	offer := s.show(def.OfferName)
	tenant := s.showCode(def.ManagedByTenantID)
	scope := s.assignedScopes(d, def)
	if s.Markdown {
		fmt.Fprintf(s.W, "Offer **%s**, managed by tenant %s, delegates %s.\n\n", offer, tenant, scope)
	} else {
		fmt.Fprintf(s.W, "  offer %s, managed by tenant %s\n  delegates %s\n", offer, tenant, scope)
	}
	s.notKnown("authorizations", def.AuthorizationsValue)
	s.notKnown("eligible authorizations", def.EligibleValue)
	if s.Markdown {
		fmt.Fprintf(s.W, "| principal | ID | role | access |\n| --- | --- | --- | --- |\n")
	}
	for _, a := range def.Authorizations {
		s.authorization(a)
	}
	for _, e := range def.EligibleAuthorizations {
		s.eligible(e)
	}
	if s.Markdown {
		fmt.Fprintln(s.W)
	}
}

func (s *Summary) authorization(a *model.Authorization) {
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

func (s *Summary) eligible(e *model.EligibleAuthorization) {
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
func (s *Summary) notKnown(list string, v model.Value) {
	if !v.IsUnknown() {
		return
	}
	if s.Markdown {
		fmt.Fprintf(s.W, "%s not known before deployment%s.\n\n", strings.ToUpper(list[:1])+list[1:], s.unknownReason(v))
		return
	}
	fmt.Fprintf(s.W, "    %s not known before deployment%s\n", list, s.unknownReason(v))
}

func (s *Summary) row(name, id, role, access string) {
	if s.Markdown {
		fmt.Fprintf(s.W, "| %s | %s | %s | %s |\n", name, id, role, access)
		return
	}
	fmt.Fprintf(s.W, "    %s (%s): %s, %s\n", name, id, role, access)
}

// unknownRow writes an authorization that is not known as a whole, such as
// an item "[parameters('noc')]" of a written array: once, rather than with
// the same reason in every column.
func (s *Summary) unknownRow(v model.Value, access string) {
	if s.Markdown {
		fmt.Fprintf(s.W, "| %s | | | %s |\n", s.describe(v), access)
		return
	}
	fmt.Fprintf(s.W, "    %s: %s\n", s.describe(v), access)
}

// role names a role ID for a reader: the catalog's name, else the ID. The
// name is escaped too: --roles can give a catalog of any text.
func (s *Summary) role(v model.Value) string {
	if id, ok := v.Str(); ok {
		if r, ok := s.Roles.Lookup(id); ok {
			return s.text(strings.TrimSpace(r.Name))
		}
	}
	return s.show(v)
}

// show writes a value for a reader: its text, or why it is not known.
func (s *Summary) show(v model.Value) string {
	if v.Kind() == model.String {
		return s.text(v.Text())
	}
	return s.describe(v)
}

// showCode is show for an ID, which markdown sets in a code span.
func (s *Summary) showCode(v model.Value) string {
	if v.Kind() != model.String {
		return s.describe(v)
	}
	if s.Markdown {
		return MarkdownCode(v.Text())
	}
	return Printable(v.Text())
}

// describe says, in parentheses, what a value that is not a string is.
func (s *Summary) describe(v model.Value) string {
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
func (s *Summary) text(str string) string {
	if s.Markdown {
		return MarkdownText(str)
	}
	return Printable(str)
}

// unknownReason is ": " and why v is not known, or "" when no reason was kept.
func (s *Summary) unknownReason(v model.Value) string {
	if v.Reason() == "" {
		return ""
	}
	return ": " + s.text(v.Reason())
}

// assignedScopes says where the assignments of def delegate.
func (s *Summary) assignedScopes(d *model.Deployment, def *model.Definition) string {
	var groups []string
	subscription, policy := false, ""
	for _, a := range d.AssignmentsOf(def) {
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
