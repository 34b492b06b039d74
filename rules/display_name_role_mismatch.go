package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// DisplayNameRoleMismatch reports display names that name a role other
// than the one the authorization grants.
var DisplayNameRoleMismatch = &lint.Rule{
	Name:             "display_name_role_mismatch",
	Title:            "Display name names a different role",
	Severity:         lint.Warning,
	SecuritySeverity: 7.0,
	Precision:        "high",
	Doc: `The customer reads principalIdDisplayName to know who has which access.
When it names a built-in role ("… Log Analytics Reader") but the
authorization grants another (Log Analytics Contributor), the customer is
told less than the truth. Public templates drift like this when
authorizations are copied and edited line by line; nothing fails at
deployment. lhlint matches whole role names, ignoring case, camel case and a
plural s. A name that says only the kind of role the authorization grants
("Sentinel Readers" for Microsoft Sentinel Reader, "Readers" for Billing
Reader) is not a mismatch: the granted role's name ends with the role named.
Nor is a name that says Owner ("Contoso-Guardian-ArchitectOwner"): Azure
Lighthouse never grants Owner, so the name tells of a team, not of the role
the authorization was meant to have.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: correct the role, or the display name.`,
	Run: runDisplayNameRoleMismatch,
}

func runDisplayNameRoleMismatch(pass *lint.Pass) error {
	for _, g := range pass.Template.AllGrants() {
		text, ok := g.PrincipalIDDisplayName.Str()
		if !ok {
			continue
		}
		named, ok := pass.Roles.NamedIn(text)
		if !ok || pass.Roles.Eligibility(named).Problem == roles.ProblemOwner {
			// Most display names name no role: the cheap test first. A
			// name that says Owner names a team ("ArchitectOwner"), not
			// the role it was meant to have: Azure Lighthouse never grants
			// Owner.
			continue
		}
		granted, ok := builtinRole(pass.Roles, g.RoleDefinitionID)
		if ok && named.ID != granted.ID && !granted.NamedIn(text) && !endsWithWords(granted.Name, named.Name) {
			pass.ReportValuef(g.RoleDefinitionID, "%q sounds like %q, but the authorization grants %q", text, roleName(named), roleName(granted))
		}
	}
	return nil
}

// endsWithWords reports whether name ends with the whole words of suffix,
// ignoring case: "Microsoft Sentinel Reader" ends with "Reader".
func endsWithWords(name, suffix string) bool {
	name, suffix = strings.ToLower(name), strings.ToLower(suffix)
	return name == suffix || strings.HasSuffix(name, " "+suffix)
}
