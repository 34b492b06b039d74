package rules

import "github.com/lhlint/lhlint/internal/lint"

// All is every rule lhlint runs, sorted by name.
var All = []*lint.Rule{
	ActivationDuration,
	AssignmentDefinitionReference,
	AssignmentScope,
	DefinitionScope,
	DelegatedRolesWithoutUAA,
	DeprecatedRole,
	EligibleAPIVersion,
	EligibleRestrictedRole,
	EligibleWithoutPermanentAccess,
	InconsistentJITPolicy,
	InvalidDelegatedRole,
	ManagedByTenantComputed,
	MFAProvider,
	MissingDeleteRole,
	MissingDependsOn,
	MissingDisplayName,
	MissingReaderRole,
	OwnerRole,
	PlaceholderValue,
	PrincipalIDNotGUID,
	ResourceNameNotGUID,
	RoleExposesKeys,
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
