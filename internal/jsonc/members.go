package jsonc

import (
	"slices"
	"strings"
	"unicode"

	"github.com/lhlint/lhlint/internal/model"
)

// indexFrom is the member count from which an object's names are indexed.
// Below it, comparing a new name with each earlier one is faster than
// hashing; above it, the index keeps an object with many members (a
// hostile one has millions) from costing quadratic time.
const indexFrom = 16

// members collects the members of one object as the model keeps them: a
// member written again, its name compared ignoring case as ARM compares
// names, replaces the earlier one in its place. Microsoft documents
// nothing about which value Azure keeps; many JSON readers keep the last
// (RFC 8259 section 4), and so does lhlint.
type members struct {
	list   model.Members
	index  map[string]int       // folded name -> place in list, once list is long
	firsts map[int]model.Member // the first member at a place written again
}

// add adds m. When a member of the same name is there already, m replaces
// it and add returns what the syntax rule reports.
func (ms *members) add(m model.Member) (dup model.Duplicate, ok bool) {
	i := ms.find(m.Key)
	if i < 0 {
		ms.list = append(ms.list, m)
		switch {
		case ms.index != nil:
			ms.index[foldKey(m.Key)] = len(ms.list) - 1
		case len(ms.list) == indexFrom:
			ms.index = make(map[string]int, 2*indexFrom)
			for j, earlier := range ms.list {
				ms.index[foldKey(earlier.Key)] = j
			}
		}
		return model.Duplicate{}, false
	}
	if earlier := ms.list[i]; isCopyBlock(earlier) && isCopyBlock(m) {
		// Two property copy blocks side by side: ARM runs both (a pattern
		// Azure's own quickstart templates used), so their loops are kept
		// as one list and nothing is reported.
		items := append(slices.Clone(earlier.Value.RawItems()), m.Value.RawItems()...)
		ms.list[i].Value = model.ArrayValue(items, earlier.Value.Span)
		return model.Duplicate{}, false
	}
	first, seen := ms.firsts[i]
	if !seen {
		first = ms.list[i]
		if ms.firsts == nil {
			ms.firsts = map[int]model.Member{}
		}
		ms.firsts[i] = first
	}
	dup = model.Duplicate{Span: m.KeySpan, Key: m.Key, First: first.KeySpan, FirstKey: first.Key}
	ms.list[i] = m
	return dup, true
}

// isCopyBlock reports whether m is the copy member of properties or
// variables: an array of loops. A resource's copy is an object, and
// written twice it is an ordinary duplicate.
func isCopyBlock(m model.Member) bool {
	return strings.EqualFold(m.Key, "copy") && m.Value.Kind() == model.Array
}

// find returns the place of the member named key, or -1.
func (ms *members) find(key string) int {
	if ms.index != nil {
		if i, ok := ms.index[foldKey(key)]; ok {
			return i
		}
		return -1
	}
	for i, m := range ms.list {
		if strings.EqualFold(m.Key, key) {
			return i
		}
	}
	return -1
}

// foldKey returns name with each character replaced by the least of the
// characters equal to it ignoring case, so that two names have the same
// key exactly when strings.EqualFold says they are equal.
func foldKey(name string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, name)
}
