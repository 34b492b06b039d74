package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/principals"
)

// PrincipalNotSecurityGroup reports groups that are not security groups:
// Microsoft 365 groups and distribution lists.
var PrincipalNotSecurityGroup = &lint.Rule{
	Name:     "principal_not_security_group",
	Title:    "Group is not a security group",
	Severity: lint.Error,
	Doc: `Azure Lighthouse supports groups of type Security only. A Microsoft 365
group (groupTypes "Unified"; older documentation says Office 365 group) or a
distribution list (mail-enabled, not security-enabled) is not a valid
principal, and Microsoft's onboarding troubleshooting notes name it as a cause
of failure; the exact error Azure returns is not documented. A Microsoft 365
group is reported even when it is also security-enabled.
See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles
and the troubleshooting notes of
https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

This rule needs a directory export of the managing tenant (--principals) and
says nothing without one. It checks the principals of authorizations,
eligible authorizations and approvers; a group whose export leaves
securityEnabled out is judged by its groupTypes only.

Fix: create a security group in the managing tenant with the same members and
use its object ID.`,
	Run: runPrincipalNotSecurityGroup,
}

func runPrincipalNotSecurityGroup(pass *lint.Pass) error {
	for _, ref := range inventoryRefs(pass) {
		p := pass.Principals.Lookup(ref.id)
		if p == nil || p.Kind != principals.Group {
			continue
		}
		var what string
		switch {
		case p.IsMicrosoft365Group():
			what = "a Microsoft 365 group"
		case !p.SecurityEnabledKnown || p.SecurityEnabled:
			continue
		case p.MailEnabled:
			what = "a distribution list"
		default:
			what = "a group that is not security-enabled"
		}
		pass.ReportValuef(ref.value, "%s is %s; Azure Lighthouse needs a security group", ref.name(p), what)
	}
	return nil
}
