package rules

import "github.com/lhlint/lhlint/internal/lint"

// All is every rule lhlint runs, sorted by name.
var All = []*lint.Rule{
	ActivationDuration,
	AssignmentDefinitionReference,
	AssignmentScope,
	DefinitionScope,
	DelegatedRolesWithoutUAA,
	EligibleAPIVersion,
	EligibleRestrictedRole,
	InvalidDelegatedRole,
	MFAProvider,
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
	TooManyApprovers,
	UAAWithoutDelegatedRoles,
	UnknownAPIVersion,
	UnknownRole,
}
