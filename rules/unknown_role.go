package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/roles"
)

// UnknownRole reports role GUIDs that are not built-in roles.
var UnknownRole = &lint.Rule{
	Name:     "unknown_role",
	Title:    "Role is not a built-in role",
	Severity: lint.Warning,
	Doc: `Azure Lighthouse delegates built-in roles only; custom roles and classic
administrator roles are not supported. A roleDefinitionId or delegated role GUID that is not in lhlint's catalog
of built-in roles is a custom role, a typing mistake, or a role Azure has
retired (then the finding says when it was last seen). The catalog is dated:
a role newer than it is reported too, so this is a warning; pass a fresher
catalog with --roles in that case.
See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles.

Fix: use the GUID of a supported built-in role.`,
	Run: runUnknownRole,
}

func runUnknownRole(pass *lint.Pass) error {
	for v := range roleValues(pass.Template) {
		s, ok, guid := knownGUID(v)
		if !ok || !guid {
			continue
		}
		if _, ok := pass.Roles.Lookup(s); ok {
			continue
		}
		if r, ok := pass.Roles.LookupRetired(s); ok {
			pass.ReportValuef(v, "role %q is %q, a built-in role Azure removed after %s", s, r.Name, r.LastSeen)
			continue
		}
		pass.ReportValuef(v, "role %q is not a built-in role%s; Azure Lighthouse delegates only built-in roles", s, catalogDate(pass.Roles))
	}
	return nil
}

// catalogDate says which catalog a role is missing from, when it is dated.
func catalogDate(c *roles.Catalog) string {
	if c.Date() == "" {
		return ""
	}
	return " (catalog of " + c.Date() + ")"
}
