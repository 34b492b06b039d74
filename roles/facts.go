package roles

import (
	"slices"
	"sync"
)

// facts are what rules ask of a role for every grant of every deployment.
// They depend on the role alone, so a catalog works them out once per role,
// when a rule first asks: computing them for every role at start-up would
// cost more than most runs spend on them (some roles have hundreds of
// actions), and computing them per grant allocated in every deployment.
type facts struct {
	once           sync.Once
	eligibility    Eligibility
	keyActions     []string
	includesReader bool
}

// indexFacts makes an empty entry for each role of c.
func (c *Catalog) indexFacts() map[*Role]*facts {
	entries := make([]facts, len(c.roles))
	index := make(map[*Role]*facts, len(c.roles))
	for i, r := range c.roles {
		index[r] = &entries[i]
	}
	return index
}

// factsOf returns r's facts, worked out on the first call for a role of c;
// a role of another catalog gets them worked out each time.
func (c *Catalog) factsOf(r *Role) *facts {
	f, ok := c.facts()[r]
	if !ok {
		f = &facts{}
	}
	f.once.Do(func() {
		f.eligibility = r.Eligibility()
		f.eligibility.Actions = slices.Clip(f.eligibility.Actions)
		f.keyActions = slices.Clip(r.KeyActions())
		f.includesReader = r.IncludesReader()
	})
	return f
}

// Eligibility returns r.Eligibility(), worked out once per role of c. Its
// Actions are shared and must not be modified.
func (c *Catalog) Eligibility(r *Role) Eligibility { return c.factsOf(r).eligibility }

// KeyActions returns r.KeyActions(), worked out once per role of c. The
// slice is shared and must not be modified.
func (c *Catalog) KeyActions(r *Role) []string { return c.factsOf(r).keyActions }

// IncludesReader returns r.IncludesReader(), worked out once per role of c.
func (c *Catalog) IncludesReader(r *Role) bool { return c.factsOf(r).includesReader }
