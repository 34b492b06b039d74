package rules

import (
	"iter"
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// roleValues yields every role ID the deployment grants or lets be
// assigned: roleDefinitionIds and delegatedRoleDefinitionIds.
func roleValues(d *model.Deployment) iter.Seq[model.Value] {
	return func(yield func(model.Value) bool) {
		for _, g := range d.AllGrants() {
			if !yield(g.RoleDefinitionID) {
				return
			}
		}
		for _, a := range d.AllAuthorizations() {
			for _, v := range a.DelegatedRoleDefinitionIDs {
				if !yield(v) {
					return
				}
			}
		}
	}
}

// knownID returns an ID's text when it is known exactly and is neither a
// placeholder (placeholder_value reports those) nor empty.
func knownID(v model.Value) (string, bool) {
	s, known, _ := knownGUID(v)
	return s, known
}

// knownGUID is knownID that also says whether the ID is a GUID: rules ask
// this of every ID of every deployment, and the GUID is checked once.
func knownGUID(v model.Value) (s string, known, guid bool) {
	s, ok := v.Str()
	switch {
	case !ok || s == "":
		return "", false, false
	case roles.IsGUID(s):
		if repeatsOneDigit(s) {
			return "", false, false
		}
		return s, true, true
	case isPlaceholderText(s):
		return "", false, false
	}
	return s, true, false
}

// builtinRole returns the catalog role a value names by GUID.
func builtinRole(c *roles.Catalog, v model.Value) (*roles.Role, bool) {
	// knownID, for a GUID: rules ask this of every grant of every
	// deployment, so the GUID is checked once.
	s, ok := v.Str()
	if !ok || !roles.IsGUID(s) || repeatsOneDigit(s) {
		return nil, false
	}
	return c.Lookup(s)
}

// grantedRole returns the built-in role a roleDefinitionId names, by GUID,
// resource ID or name. known is false when lhlint cannot tell which role
// that is: an expression it cannot evaluate, or an ID left to fill in. A
// value it can read that names no built-in role (another GUID, a name that
// is no role's) gives nil: Azure Lighthouse grants only built-in roles, so
// that value is none of them, whatever it is.
func grantedRole(c *roles.Catalog, v model.Value) (role *roles.Role, known bool) {
	if v.IsSymbolic() {
		// subscriptionResourceId() of a role: the scope is a placeholder,
		// the GUID at the end is not.
		if id, ok := roles.NormalizeID(v.Text()); ok {
			role, _ = c.Lookup(id)
			return role, true
		}
		return nil, false
	}
	if v.Kind() != model.String {
		return nil, v.IsKnown()
	}
	s, ok := knownID(v)
	if !ok {
		return nil, false
	}
	if role, ok := c.Lookup(s); ok {
		return role, true
	}
	role, _ = roleByName(c, s)
	return role, true
}

// mayGrant reports whether an authorization of def grants a role for which
// want is true, or might: an authorizations array or a roleDefinitionId
// that lhlint cannot read might hold any role. Eligible authorizations count
// when eligible is set. An authorization without a roleDefinitionId grants
// nothing.
func mayGrant(c *roles.Catalog, def *model.Definition, eligible bool, want func(*roles.Role) bool) bool {
	if def.AuthorizationsValue.Kind() != model.Array || eligible && def.EligibleValue.IsUnknown() {
		return true
	}
	for _, g := range def.Grants() {
		v := g.RoleDefinitionID
		if g.Eligible && !eligible || v.IsMissing() {
			continue
		}
		if role, known := grantedRole(c, v); !known || role != nil && want(role) {
			return true
		}
	}
	return false
}

// placeholderWords are the words people leave in IDs of sample templates.
var placeholderWords = []string{"insert", "to be filled", "todo", "tbd", "changeme", "change-me", "placeholder", "replace", "your-", "your "}

// isPlaceholder reports whether s is an ID someone meant to fill in: the
// nil GUID or one digit repeated, "<…>" text, x-filled GUIDs or
// placeholder words.
func isPlaceholder(s string) bool {
	if roles.IsGUID(s) {
		// The common case, checked without allocating.
		return repeatsOneDigit(s)
	}
	return isPlaceholderText(s)
}

// isPlaceholderText is isPlaceholder for an s that is not a GUID.
func isPlaceholderText(s string) bool {
	if strings.ContainsAny(s, "<>") {
		return true
	}
	lower := strings.ToLower(s)
	if strings.Contains(lower, "xxxx") {
		return true
	}
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return hasWord(lower, "enter") // "ENTER-ROLE-ID", but not "…Center for SAP…"
}

// repeatsOneDigit reports whether the GUID s is the nil GUID or another
// hexadecimal digit repeated. c|0x20 lower-cases A-F and keeps digits.
func repeatsOneDigit(s string) bool {
	first := s[0] | 0x20
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '-' && c|0x20 != first {
			return false
		}
	}
	return true
}

// hasWord reports whether lower contains word with no letter either side.
func hasWord(lower, word string) bool {
	for i := 0; ; {
		j := strings.Index(lower[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		if (start == 0 || !isLetter(lower[start-1])) && (end == len(lower) || !isLetter(lower[end])) {
			return true
		}
		i = end
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// roleName returns a role's name for a message.
func roleName(r *roles.Role) string { return strings.TrimSpace(r.Name) }

// registration is a registration definition or assignment, with the word
// for it in messages.
type registration struct {
	what string
	*model.Resource
}

// registrations returns every registration resource of the deployment.
func registrations(d *model.Deployment) []registration {
	var out []registration
	for _, def := range d.Definitions {
		out = append(out, registration{"registration definition", &def.Resource})
	}
	for _, a := range d.Assignments {
		out = append(out, registration{"registration assignment", &a.Resource})
	}
	return out
}

// quote writes s as %q does, for messages assembled piece by piece.
func quote(s string) string { return strconv.Quote(s) }

// opening returns the first character of a value's span: the { of an
// object that lacks a member.
func opening(v model.Value) model.Span {
	return model.Span{StartPos: v.Pos(), EndPos: v.Pos() + 1}
}
