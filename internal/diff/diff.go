package diff

import (
	"strings"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// Result is every deployment that changes, in the order of their paths.
type Result struct {
	Verdict     Verdict       `json:"verdict"`
	Deployments []*Deployment `json:"deployments"`
}

// Status says whether a deployment is on both sides.
type Status string

// The statuses of a deployment.
const (
	Added   Status = "added"   // only in the new version
	Removed Status = "removed" // only in the old version
	Changed Status = "changed" // on both sides, paired by path or by definition name
)

// Source is the files a deployment is made of, relative to the folder (or
// the folder of the file) given for its side.
type Source struct {
	Template   string `json:"template"`
	Parameters string `json:"parameters,omitempty"` // "" when deployed with its default values
}

// Deployment is what changes in one deployment.
type Deployment struct {
	Status      Status        `json:"status"`
	Old         *Source       `json:"old,omitempty"`
	New         *Source       `json:"new,omitempty"`
	Definitions []*Definition `json:"definitions"`
}

// Definition is what changes in one registration definition of a
// deployment, in the order of the Area constants.
type Definition struct {
	Offer Value `json:"offer"` // the offer name, of the new version when there is one
	// Scopes is where the definition is delegated, of the same version as
	// Offer: a reader of a changed role needs to know on what it applies.
	// It is empty when no assignment of the deployment references it.
	Scopes  []*Place  `json:"scopes"`
	Changes []*Change `json:"changes"`
}

// Place is one scope a definition is delegated on.
type Place struct {
	// Field is subscription, resourceGroup or policy (the policy whose
	// assignments deploy the definition), as in a change of the scope.
	Field string `json:"field"`
	Value *Value `json:"value"`
}

// Area is the part of a delegation a change is in. The areas are listed in
// the order changes are reported: the managing tenant first, as the most
// serious, the offer's name and description last, as information.
type Area string

// The areas of a change.
const (
	Tenant                 Area = "managingTenant"
	Scope                  Area = "scope"
	Authorizations         Area = "authorizations"         // the whole list, when either side is not known
	Authorization          Area = "authorization"          // one principal's permanent role
	DelegatedRole          Area = "delegatedRole"          // a role a User Access Administrator may assign
	EligibleAuthorizations Area = "eligibleAuthorizations" // the whole list, when either side is not known
	Eligible               Area = "eligibleAuthorization"  // one principal's eligible role
	JITPolicy              Area = "justInTimePolicy"       // a field of an eligible authorization's policy
	OfferName              Area = "offerName"
	Description            Area = "description"
)

// Access reports whether a change in area a changes who can do what: every
// area but the offer's name and description.
func (a Area) Access() bool { return a != OfferName && a != Description }

// Op is what happens to the thing a change is about.
type Op string

// The operations of a change.
const (
	Add    Op = "added"
	Remove Op = "removed"
	Modify Op = "changed"
)

// Change is one change. Before and After are nil when the thing is not on
// that side.
type Change struct {
	Area Area `json:"area"`
	Op   Op   `json:"change"`
	// Field names what of the area changes: subscription, resourceGroup or
	// policy for a scope; maximumActivationDuration, multiFactorAuthProvider
	// or approver for a just-in-time policy.
	Field string `json:"field,omitempty"`
	// Principal and Role are the authorization a change is in: for a
	// delegated role or a just-in-time policy, and the principal of an
	// authorization whose role is Before and After.
	Principal *Value `json:"principal,omitempty"`
	Role      *Value `json:"role,omitempty"`
	Before    *Value `json:"before,omitempty"`
	After     *Value `json:"after,omitempty"`
	// Elevation says why the change gains privilege, "" when it does not.
	Elevation string `json:"elevation,omitempty"`
}

// Value is one side's value as a reader sees it.
type Value struct {
	Known bool `json:"known"`
	// Text is the value as written or evaluated, when it is known. A
	// symbolic value shows its deployment-time parts in braces:
	// "{subscription().subscriptionId}".
	Text string `json:"text,omitempty"`
	// Name is the display name: a principal's principalIdDisplayName, a
	// role's name in the role catalog; "" when there is none.
	Name string `json:"name,omitempty"`
	// Reason says why the value is not known before deployment.
	Reason string `json:"reason,omitempty"`
}

// valueOf returns v for a reader. A value that is written but is not a
// string shows its kind, in parentheses.
func valueOf(v model.Value) *Value {
	switch {
	case v.IsMissing():
		return &Value{Known: true, Text: "(not set)"}
	case v.IsUnknown():
		return &Value{Reason: v.Reason()}
	case v.Kind() == model.String:
		return &Value{Known: true, Text: v.Text()}
	}
	return &Value{Known: true, Text: "(" + v.Kind().String() + ")"}
}

// key is what two values of a kind compare by: the text, in lower case when
// Azure ignores case (IDs); why it is not known; "" when it is missing.
func key(v model.Value, fold bool) string {
	switch {
	case v.IsMissing():
		return ""
	case v.IsUnknown():
		return "?" + v.Reason()
	case v.Kind() == model.String && fold:
		return "=" + strings.ToLower(v.Text())
	case v.Kind() == model.String:
		return "=" + v.Text()
	}
	return "(" + v.Kind().String() + ")"
}

// roleKey is what two role references compare by: the GUID, whether
// written bare or as a role definition resource ID.
func roleKey(v model.Value) string {
	if s, ok := v.Str(); ok {
		if id, ok := roles.NormalizeID(s); ok {
			return "=" + id
		}
	}
	return key(v, true)
}
