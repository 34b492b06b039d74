package rules

import (
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// The properties each Microsoft.ManagedServices object defines (REST
// specification and ARM schemas, every API version), lower-case. Read-only
// properties Azure returns are accepted too, as ARM ignores them.
var (
	definitionProperties = []string{"registrationdefinitionname", "description", "managedbytenantid", "authorizations",
		"eligibleauthorizations", "provisioningstate", "managedbytenantname", "manageetenantid", "manageetenantname"}
	authorizationProperties = []string{"principalid", "principaliddisplayname", "roledefinitionid", "delegatedroledefinitionids"}
	eligibleProperties      = []string{"principalid", "principaliddisplayname", "roledefinitionid", "justintimeaccesspolicy"}
	policyProperties        = []string{"multifactorauthprovider", "maximumactivationduration", "managedbytenantapprovers"}
	approverProperties      = []string{"principalid", "principaliddisplayname"}
	planProperties          = []string{"name", "product", "publisher", "version"}
	assignmentProperties    = []string{"registrationdefinitionid", "provisioningstate", "registrationdefinition"}
)

// UnknownProperty reports properties the Microsoft.ManagedServices API
// does not define.
var UnknownProperty = &lint.Rule{
	Name:     "unknown_property",
	Title:    "Property the API does not define",
	Severity: lint.Warning,
	Doc: `Registration definitions, authorizations, eligible authorizations and
their policies are closed objects: the API defines every property. A property
it does not define, such as a misspelt "principalDisplayName" or
"delegatedRoleDefinitionId", is ignored or rejected by ARM, and the setting
the author meant is silently missing. Names compare ignoring case, as ARM
compares them.
See https://learn.microsoft.com/azure/templates/microsoft.managedservices/registrationdefinitions.

Fix: correct the property name, or remove it.`,
	Run: runUnknownProperty,
}

func runUnknownProperty(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		checkMembers(pass, "registration definition", def.Properties, definitionProperties)
		checkMembers(pass, "plan", def.Plan, planProperties)
		for _, a := range def.Authorizations {
			checkMembers(pass, "authorization", a.Object, authorizationProperties)
		}
		for _, e := range def.EligibleAuthorizations {
			checkMembers(pass, "eligible authorization", e.Object, eligibleProperties)
			if e.JITPolicy != nil {
				checkMembers(pass, "justInTimeAccessPolicy", e.JITPolicy.Object, policyProperties)
				for _, ap := range e.JITPolicy.ApproversValue.Items() {
					checkMembers(pass, "approver", ap, approverProperties)
				}
			}
		}
	}
	for _, a := range pass.Template.Assignments {
		checkMembers(pass, "registration assignment", a.Properties, assignmentProperties)
	}
	return nil
}

// checkMembers reports each member of obj that known does not list.
func checkMembers(pass *lint.Pass, what string, obj model.Value, known []string) {
	for _, m := range obj.Members() {
		if !slices.Contains(known, strings.ToLower(m.Key)) {
			pass.ReportRangef(m.KeySpan, "%s has no property %q", what, m.Key)
		}
	}
}
