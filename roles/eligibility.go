package roles

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// restrictedActions are the Actions that make Azure Lighthouse reject a role
// ("Role support for Azure Lighthouse", https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles,
// the list current since 2025-03-27). The role
// history's gainedRestrictedActions dates were computed with the same list
// and the same matching, so the two agree.
var restrictedActions = [...]string{
	"Microsoft.Authorization/*",
	"Microsoft.Authorization/*/write",
	"Microsoft.Authorization/*/delete",
	"Microsoft.Authorization/roleAssignments/write",
	"Microsoft.Authorization/roleAssignments/delete",
	"Microsoft.Authorization/roleDefinitions/write",
	"Microsoft.Authorization/roleDefinitions/delete",
	"Microsoft.Authorization/classicAdministrators/write",
	"Microsoft.Authorization/classicAdministrators/delete",
	"Microsoft.Authorization/locks/write",
	"Microsoft.Authorization/locks/delete",
	"Microsoft.Authorization/denyAssignments/write",
	"Microsoft.Authorization/denyAssignments/delete",
}

// RestrictedActions returns the actions that make Azure Lighthouse reject a
// role when its Actions include one, as Microsoft documents them.
func RestrictedActions() []string { return slices.Clone(restrictedActions[:]) }

func isRestricted(action string) bool {
	for _, r := range restrictedActions {
		if strings.EqualFold(action, r) {
			return true
		}
	}
	return false
}

// Problem is why Azure Lighthouse does not accept a role in an authorization.
type Problem int

// The problems, most serious first: Eligibility reports the first that
// applies, so each role has one problem and one rule reports it.
const (
	ProblemNone Problem = iota
	// ProblemOwner: Owner is never accepted.
	ProblemOwner
	// ProblemUserAccessAdministrator: User Access Administrator is accepted
	// only with delegatedRoleDefinitionIds, for assigning roles to managed
	// identities, and never as an eligible role.
	ProblemUserAccessAdministrator
	// ProblemDataActions: the role has DataActions or NotDataActions.
	ProblemDataActions
	// ProblemRestrictedActions: the role's Actions include a restricted action.
	ProblemRestrictedActions
	// ProblemDeprecated: the role is deprecated; new delegations fail and
	// existing ones lose access.
	ProblemDeprecated
)

var problemNames = [...]string{"none", "owner", "user_access_administrator", "data_actions", "restricted_actions", "deprecated"}

// String returns the problem as a snake_case word, as `lhlint roles` prints it.
func (p Problem) String() string {
	if p < 0 || int(p) >= len(problemNames) {
		return fmt.Sprintf("Problem(%d)", int(p))
	}
	return problemNames[p]
}

// Eligibility says whether Azure Lighthouse accepts a role in an
// authorization, and if not, why.
type Eligibility struct {
	// Delegable is true when the role can be delegated as it is. It is false
	// for User Access Administrator, which needs delegatedRoleDefinitionIds.
	Delegable bool
	Problem   Problem
	// Actions are the offending actions: the data actions (then the
	// notDataActions), or the restricted actions, in the role's order.
	Actions []string
	// Since is the date the role gained the offending actions, "" when it
	// had them from the start or the history does not know.
	Since string
	// Reason completes a sentence whose subject is the role's name, such as
	// "has data actions since 2026-05-23 (Microsoft.OperationalInsights/workspaces/jobs/export/action)";
	// "" when the role is delegable.
	Reason string
}

// Eligibility computes whether Azure Lighthouse accepts r in an
// authorization, from the rules Microsoft documents (the role support rules
// of https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles)
// and the role's permissions; nothing is recorded per role by hand.
func (r *Role) Eligibility() Eligibility {
	switch r.ID {
	case Owner:
		return Eligibility{Problem: ProblemOwner, Reason: "is Owner, which Azure Lighthouse never accepts"}
	case UserAccessAdministrator:
		return Eligibility{Problem: ProblemUserAccessAdministrator,
			Reason: "is User Access Administrator, which Azure Lighthouse accepts only with delegatedRoleDefinitionIds"}
	}
	if len(r.DataActions)+len(r.NotDataActions) > 0 {
		// Azure's error says "without any data and notData actions", so
		// NotDataActions count too.
		acts := slices.Concat(r.DataActions, r.NotDataActions)
		what := "data actions"
		if len(r.DataActions) == 0 {
			what = "notDataActions"
		}
		return Eligibility{Problem: ProblemDataActions, Actions: acts, Since: r.GainedDataActions,
			Reason: reason(what, r.GainedDataActions, acts[:1], len(acts)-1)}
	}
	var restricted []string
	for _, a := range r.Actions {
		if isRestricted(a) {
			restricted = append(restricted, a)
		}
	}
	if len(restricted) > 0 {
		return Eligibility{Problem: ProblemRestrictedActions, Actions: restricted, Since: r.GainedRestrictedActions,
			Reason: reason("restricted actions", r.GainedRestrictedActions, restricted, 0)}
	}
	if r.Deprecated {
		return Eligibility{Problem: ProblemDeprecated, Reason: "is deprecated"}
	}
	return Eligibility{Delegable: true}
}

// reason words "has <what>[ since <date>] (<shown>[ and N more])".
func reason(what, since string, shown []string, more int) string {
	var b strings.Builder
	b.WriteString("has ")
	b.WriteString(what)
	if since != "" {
		b.WriteString(" since ")
		b.WriteString(since)
	}
	b.WriteString(" (")
	b.WriteString(strings.Join(shown, ", "))
	if more > 0 {
		fmt.Fprintf(&b, " and %d more", more)
	}
	b.WriteString(")")
	return b.String()
}

// IncludesReader reports whether r grants everything Reader does: some
// permissions block has "*" or "*/read" in Actions and does not take "*" or
// "*/read" away again in its NotActions. Azure Lighthouse needs Reader, or a
// role that includes it, for the managing tenant to see the customer in My
// customers. A narrower NotAction (Log Analytics Reader's sharedKeys/read)
// hides a secret, not the resources, so it does not count against the role.
func (r *Role) IncludesReader() bool {
	for _, p := range r.Permissions {
		if containsFold(p.Actions, "*", "*/read") && !containsFold(p.NotActions, "*", "*/read") {
			return true
		}
	}
	return false
}

func containsFold(list []string, want ...string) bool {
	for _, s := range list {
		for _, w := range want {
			if strings.EqualFold(s, w) {
				return true
			}
		}
	}
	return false
}

// keyMarkers are the parts of an action name that give access to data
// through keys, secrets or tokens rather than through DataActions.
var keyMarkers = [...]string{
	"listkeys", "regeneratekey", "listsecrets", "listcredentials", "/keys/read",
	"listconnectionstrings", "listaccountsas", "listservicesas",
}

// KeyActions returns r's Actions that reach data through keys or secrets
// (listKeys, listSecrets, listAccountSas and the like, compared ignoring
// case), in the role's order. Azure Lighthouse accepts such roles, but the
// documentation asks providers to review them, because a key reaches the
// data that the DataActions rule is meant to keep out of reach.
//
// Wildcards are not expanded, as for restricted actions: "*" or
// "Microsoft.Storage/*" grant listKeys too, but without a list of every
// operation each wildcard would count as a key action (Contributor, every
// "…/*" role), and the note would fire on nearly every template and say
// nothing. Literal key actions are what makes a narrow-looking role, such as
// Virtual Machine Contributor, reach data unexpectedly.
func (r *Role) KeyActions() []string {
	var out []string
	for _, a := range r.Actions {
		for _, m := range keyMarkers {
			if containsASCIIFold(a, m) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// containsASCIIFold reports whether strings.ToLower(s) contains lower, an
// ASCII lower-case marker, without lower-casing s when it is ASCII, as
// actions are: KeyActions runs for every authorization of every
// deployment, and lower-casing each action allocated.
func containsASCIIFold(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Contains(strings.ToLower(s), lower)
		}
	}
	for i := 0; i+len(lower) <= len(s); i++ {
		j := 0
		for j < len(lower) && asciiLower(s[i+j]) == lower[j] {
			j++
		}
		if j == len(lower) {
			return true
		}
	}
	return false
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
