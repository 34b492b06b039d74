package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// InvalidDelegatedRole reports delegatedRoleDefinitionIds entries Azure
// Lighthouse does not accept.
var InvalidDelegatedRole = &lint.Rule{
	Name:     "invalid_delegated_role",
	Title:    "Delegated role cannot be assigned",
	Severity: lint.Error,
	Doc: `Each entry of delegatedRoleDefinitionIds must be the bare GUID of a built-in
role that Azure Lighthouse supports, other than User Access Administrator and
Owner. (A GUID lhlint's catalog does not know is reported by unknown_role, as
a warning, since the catalog is dated.) A role with data actions fails here too: in 2025 the official samples'
Log Analytics Contributor entry started to fail this way.
See https://learn.microsoft.com/azure/lighthouse/how-to/deploy-policy-remediation.

Fix: list only supported built-in roles by GUID.`,
	Run: runInvalidDelegatedRole,
}

func runInvalidDelegatedRole(pass *lint.Pass) error {
	for _, a := range pass.Template.AllAuthorizations() {
		for _, v := range a.DelegatedRoleDefinitionIDs {
			s, ok, guid := knownGUID(v)
			if !ok {
				continue
			}
			if !guid {
				pass.ReportValuef(v, "delegated role %q is not a GUID", s)
				continue
			}
			role, ok := pass.Roles.Lookup(s)
			if !ok {
				continue // unknown_role judges GUIDs the catalog does not know
			}
			switch e := pass.Roles.Eligibility(role); e.Problem {
			case roles.ProblemNone:
			case roles.ProblemOwner, roles.ProblemUserAccessAdministrator:
				pass.ReportValuef(v, "delegated role %q is %s, which delegatedRoleDefinitionIds may not contain", s, roleName(role))
			default:
				pass.ReportValuef(v, "delegated role %q is %q, which %s, so Azure Lighthouse %s", s, roleName(role), e.Reason, rejection(e))
			}
		}
	}
	return nil
}
