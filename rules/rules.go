package rules

import "github.com/lhlint/lhlint/internal/lint"

// All is every rule lhlint runs, sorted by name.
var All = []*lint.Rule{
	AssignmentDefinitionReference,
	AssignmentScope,
	DefinitionScope,
	DelegatedRolesWithoutUAA,
	InvalidDelegatedRole,
	MissingDeleteRole,
	MissingDependsOn,
	MissingReaderRole,
	OwnerRole,
	PlaceholderValue,
	PrincipalIDNotGUID,
	ResourceNameNotGUID,
	RoleIDNotGUID,
	RoleWithDataActions,
	RoleWithRestrictedActions,
	Syntax,
	TenantIDNotGUID,
	UAAWithoutDelegatedRoles,
	UnknownAPIVersion,
	UnknownRole,
}
