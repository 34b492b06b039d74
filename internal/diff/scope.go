package diff

import (
	"github.com/lhlint/lhlint/internal/model"
)

// scope is one place a definition is assigned to.
type scope struct {
	field string // subscription, resourceGroup or policy
	value model.Value
}

func (s scope) key() string { return s.field + key(s.value, true) }

// scopesOf returns where the assignments of d that reference def delegate:
// the subscription, each resource group, or the policy whose assignments
// deploy it.
func scopesOf(d *model.Deployment, def *model.Definition) []scope {
	var out []scope
	for _, a := range d.AssignmentsOf(def) {
		switch a.Scope.Kind {
		case model.ScopeSubscription:
			if nd := a.Deployment; nd != nil && nd.Policy {
				out = append(out, scope{"policy", nd.Name})
			} else {
				out = append(out, scope{"subscription", a.Scope.Subscription})
			}
		case model.ScopeResourceGroup:
			out = append(out, scope{"resourceGroup", a.Scope.ResourceGroup})
		}
	}
	return out
}

// where shows scopes for a reader, each once, in the order they are
// assigned.
func where(scopes []scope) []*Place {
	out := []*Place{}
	seen := map[string]bool{}
	for _, s := range scopes {
		if !seen[s.key()] {
			seen[s.key()] = true
			out = append(out, &Place{Field: s.field, Value: valueOf(s.value)})
		}
	}
	return out
}

// scopes reports the scopes added and removed. A scope added to a
// definition that existed gains privilege: its principals reach more.
func (c *comparer) scopes(old, new []scope, existed bool) {
	has := func(list []scope, s scope) bool {
		for _, t := range list {
			if t.key() == s.key() {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	for _, s := range new {
		if !has(old, s) && !seen["+"+s.key()] {
			seen["+"+s.key()] = true
			ch := &Change{Area: Scope, Field: s.field, Op: Add, After: valueOf(s.value)}
			if existed {
				ch.Elevation = "the definition's principals reach a new scope"
			}
			c.emit(ch)
		}
	}
	for _, s := range old {
		if !has(new, s) && !seen["-"+s.key()] {
			seen["-"+s.key()] = true
			c.emit(&Change{Area: Scope, Field: s.field, Op: Remove, Before: valueOf(s.value)})
		}
	}
}
