package roles

import "strings"

// Exceeds reports whether r permits an action or data action that old does
// not: replacing old by r in an authorization gains privilege. lhlint diff
// marks such a change as an elevation.
//
// Azure subtracts a block's NotActions from that block's Actions only, so
// an operation r permits in one block must be permitted by one block of
// old: an action of old that covers it, and no NotAction of that old block
// that could take part of it away unless r's block takes the same part
// away. Wildcards are compared as patterns, without a list of every
// operation: when lhlint cannot show that old covers r, r exceeds it, so
// that a reviewer is told rather than reassured.
func (r *Role) Exceeds(old *Role) bool {
	for _, p := range r.Permissions {
		if !permitsAll(old.Permissions, p.Actions, p.NotActions, func(q Permission) ([]string, []string) { return q.Actions, q.NotActions }) ||
			!permitsAll(old.Permissions, p.DataActions, p.NotDataActions, func(q Permission) ([]string, []string) { return q.DataActions, q.NotDataActions }) {
			return true
		}
	}
	return false
}

// permitsAll reports whether every pattern of actions, less notActions,
// is permitted by some block of blocks, whose lists part picks.
func permitsAll(blocks []Permission, actions, notActions []string, part func(Permission) ([]string, []string)) bool {
	for _, a := range actions {
		permitted := false
		for _, b := range blocks {
			allow, deny := part(b)
			if coversAny(allow, a) && !takesAway(deny, a, notActions) {
				permitted = true
				break
			}
		}
		if !permitted {
			return false
		}
	}
	return true
}

// takesAway reports whether a NotAction of deny could remove part of
// action a that notActions, the other role's own NotActions, do not remove
// too.
func takesAway(deny []string, a string, notActions []string) bool {
	for _, n := range deny {
		if (covers(n, a) || covers(a, n)) && !coversAny(notActions, n) {
			return true
		}
	}
	return false
}

func coversAny(patterns []string, a string) bool {
	for _, p := range patterns {
		if covers(p, a) {
			return true
		}
	}
	return false
}

// covers reports whether pattern p matches every operation pattern a
// matches, ignoring case as Azure compares operations. A "*" in p matches
// any run of characters, a "*" of a among them; a "*" in a can be matched
// only by one in p, since a literal of p matches fewer operations than a's
// wildcard does.
func covers(p, a string) bool {
	return match(strings.ToLower(p), strings.ToLower(a))
}

func match(p, a string) bool {
	// The classic wildcard match with backtracking to the last star: linear
	// in practice, and bounded by len(p)*len(a) for any input.
	pi, ai, star, mark := 0, 0, -1, 0
	for ai < len(a) {
		switch {
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, ai
			pi++
		case pi < len(p) && p[pi] == a[ai] && a[ai] != '*':
			pi++
			ai++
		case star >= 0:
			pi = star + 1
			mark++
			ai = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}
