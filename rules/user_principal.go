package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/principals"
)

// UserPrincipal reports principal IDs of individual users.
var UserPrincipal = &lint.Rule{
	Name:             "user_principal",
	Title:            "Access is granted to an individual user",
	Severity:         lint.Note,
	SecuritySeverity: 3.0,
	Doc: `Azure Lighthouse accepts users, but the authorizations of a registration
definition only change with a new deployment. When access is granted to a
security group (or, for automation, a service principal), people join and
leave the group in the managing tenant and the customer's delegation stays as
it is; Microsoft recommends groups for this reason.
See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles.

This rule needs a directory export of the managing tenant (--principals) and
says nothing without one. It checks the principals of authorizations,
eligible authorizations and approvers.

Fix: create a security group in the managing tenant, add the user to it and
use the group's object ID.`,
	Run: runUserPrincipal,
}

func runUserPrincipal(pass *lint.Pass) error {
	for _, ref := range inventoryRefs(pass) {
		if p := pass.Principals.Lookup(ref.id); p != nil && p.Kind == principals.User {
			pass.ReportValuef(ref.value, "%s is a user; prefer a security group, so that changing who has access needs no new deployment", ref.name(p))
		}
	}
	return nil
}
