package rules

import "github.com/lhlint/lhlint/internal/lint"

// UnknownProperty reports properties the Microsoft.ManagedServices API
// does not define.
var UnknownProperty = &lint.Rule{
	Name:     "unknown_property",
	Title:    "Property the API does not define",
	Severity: lint.Warning,
	Doc: `Registration definitions, authorizations, eligible authorizations, their
policies, approvers, plans and registration assignments are closed objects:
the API defines every property, in the schema of each API version. A
property it does not define, such as a misspelt "principalDisplayName" or
"delegatedRoleDefinitionId", is ignored or rejected by ARM, and the setting
the author meant is silently missing. Names compare ignoring case, as ARM
compares them. When one defined name is nearest the one written, lhlint
names it and offers to write it instead. eligibleAuthorizations on an API
version before 2020-02-01-preview is eligible_api_version's.
See https://learn.microsoft.com/azure/templates/microsoft.managedservices/registrationdefinitions.

Fix: correct the property name, or remove it.`,
	Run: runUnknownProperty,
}

func runUnknownProperty(pass *lint.Pass) error {
	for _, p := range resourceProblems(pass) {
		if p.Member {
			reportMember(pass, p)
		}
	}
	return nil
}
