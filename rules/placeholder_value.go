package rules

import (
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// PlaceholderValue reports IDs still holding a sample's placeholder.
var PlaceholderValue = &lint.Rule{
	Name:      "placeholder_value",
	Title:     "ID is a placeholder",
	Severity:  lint.Error,
	Precision: "high",
	Doc: `Sample templates ship with placeholders such as "<insert managing tenant
id>" and the all-zero GUID 00000000-0000-0000-0000-000000000000. Left in a
principalId, managedByTenantId or role ID, they fail the deployment or, for a
GUID-shaped placeholder, delegate to nobody.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: replace the placeholder with the real ID.`,
	Run: runPlaceholderValue,
}

func runPlaceholderValue(pass *lint.Pass) error {
	d := pass.Template
	check := func(what string, v model.Value) {
		if s, ok := v.Str(); ok && isPlaceholder(s) {
			pass.ReportValuef(v, "%s %q is a placeholder", what, s)
		}
	}
	for _, def := range d.Definitions {
		check("managedByTenantId", def.ManagedByTenantID)
	}
	for v := range principalIDs(d) {
		check("principalId", v)
	}
	for _, g := range d.AllGrants() {
		check("roleDefinitionId", g.RoleDefinitionID)
	}
	for _, a := range d.AllAuthorizations() {
		for _, v := range a.DelegatedRoleDefinitionIDs {
			check("delegated role", v)
		}
	}
	return nil
}
