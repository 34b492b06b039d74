package lint

import (
	"go/token"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/model"
)

// suppressions finds, for a rule and a position, the suppressions of one
// deployment that silence it, in logarithmic time: a hostile file with
// 100,000 suppressions and as many findings must not cost their product.
type suppressions map[string]*covers // by the rule they name

// covers are the ranges suppressions of one rule cover, each range once
// with every suppression that covers it, sorted by start.
type covers struct {
	spans  []model.Span
	maxEnd []token.Pos // the greatest end among spans[:i+1]
	by     [][]token.Pos
	used   []bool
}

func newSuppressions(list []model.Suppression) suppressions {
	idx := suppressions{}
	for _, s := range list {
		for _, n := range s.Rules {
			c := idx[n.Name]
			if c == nil {
				c = &covers{}
				idx[n.Name] = c
			}
			c.spans = append(c.spans, s.Covers)
			c.by = append(c.by, []token.Pos{s.Pos()})
		}
	}
	for _, c := range idx {
		c.merge()
	}
	return idx
}

// merge sorts the ranges and makes equal ones one.
func (c *covers) merge() {
	order := make([]int, len(c.spans))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := int(c.spans[a].StartPos) - int(c.spans[b].StartPos); d != 0 {
			return d
		}
		return int(c.spans[a].EndPos) - int(c.spans[b].EndPos)
	})
	var spans []model.Span
	var by [][]token.Pos
	for _, i := range order {
		if n := len(spans); n > 0 && spans[n-1] == c.spans[i] {
			by[n-1] = append(by[n-1], c.by[i]...)
			continue
		}
		spans, by = append(spans, c.spans[i]), append(by, c.by[i])
	}
	c.spans, c.by, c.used = spans, by, make([]bool, len(spans))
	c.maxEnd = make([]token.Pos, len(spans))
	for i, s := range spans {
		c.maxEnd[i] = s.EndPos
		if i > 0 {
			c.maxEnd[i] = max(c.maxEnd[i], c.maxEnd[i-1])
		}
	}
}

// silence returns a suppression of rule that covers the finding's position
// or one of its related locations, the innermost at the first of them, and
// calls used with each suppression that does, once. It returns NoPos when
// none does.
func (idx suppressions) silence(rule string, diag analysis.Diagnostic, used func(token.Pos)) token.Pos {
	c := idx[rule]
	if c == nil {
		return token.NoPos
	}
	by := c.cover(diag.Pos, used)
	for _, rel := range diag.Related {
		if s := c.cover(rel.Pos, used); !by.IsValid() {
			by = s
		}
	}
	return by
}

// cover marks the ranges that contain p and returns a suppression of the
// innermost. Ranges follow the nesting of JSON, so few contain any one
// position; the walk back stops where no earlier range reaches p.
func (c *covers) cover(p token.Pos, used func(token.Pos)) token.Pos {
	if !p.IsValid() {
		return token.NoPos
	}
	found := token.NoPos
	i := sort.Search(len(c.spans), func(i int) bool { return c.spans[i].StartPos > p }) - 1
	for ; i >= 0 && c.maxEnd[i] > p; i-- {
		if c.spans[i].EndPos <= p {
			continue
		}
		if !found.IsValid() {
			found = c.by[i][0]
		}
		if !c.used[i] {
			c.used[i] = true
			for _, s := range c.by[i] {
				used(s)
			}
		}
	}
	return found
}
