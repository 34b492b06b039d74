package roles

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// namedRole is a role with its name as normalised words.
type namedRole struct {
	words string // " log analytics reader ", see nameWords
	role  *Role
}

// indexWords normalises every role name once and indexes it by its last
// word, longest names first, so that NamedIn looks only at names that can
// match and finds "Log Analytics Reader" before "Reader". Rules build it in
// every process that meets a display name, so it sorts once, not per word.
func (c *Catalog) indexWords() map[string][]namedRole {
	named := make([]namedRole, 0, len(c.roles))
	for _, r := range c.roles {
		named = append(named, namedRole{nameWords(r.Name), r})
	}
	// Of names as long, the catalog's order.
	slices.SortStableFunc(named, func(a, b namedRole) int { return len(b.words) - len(a.words) })
	index := map[string][]namedRole{}
	for _, n := range named {
		words := strings.TrimSpace(n.words)
		if words == "" {
			continue
		}
		last := words[strings.LastIndexByte(words, ' ')+1:]
		index[last] = append(index[last], n)
	}
	return index
}

// NamedIn returns the role whose whole name appears in text as words, the
// longest such name, as people write it in display names: "Contoso NOC
// Readers", "Cybriant-LogAnalyticsReader". Case, camel case, punctuation
// and a plural s do not matter.
func (c *Catalog) NamedIn(text string) (*Role, bool) {
	t := nameWords(text)
	index := c.words()
	var best *namedRole
	for w := range strings.FieldsSeq(t) {
		names := index[w]
		// A name longer than t is not in it: skip to the first that
		// fits. Sixty names end in "operator", and most are longer
		// than a display name.
		first, _ := slices.BinarySearchFunc(names, len(t), func(n namedRole, size int) int { return size - len(n.words) })
		for i := first; i < len(names); i++ {
			if n := &names[i]; (best == nil || len(n.words) > len(best.words)) && strings.Contains(t, n.words) {
				best = n
				break // the longest name ending in w that matches
			}
		}
	}
	if best == nil {
		return nil, false
	}
	return best.role, true
}

// nameWords turns a name into lower-case words separated and surrounded by
// single spaces, splitting camel case and dropping a plural s.
// Rules ask it of every display name of every deployment, so it writes
// the words in one pass, into one buffer.
func nameWords(s string) string {
	out := make([]byte, 1, len(s)+2)
	out[0] = ' '
	start := 1 // where the word being written starts
	endWord := func() {
		if w := out[start:]; len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' {
			out = out[:len(out)-1]
		}
		if len(out) > start {
			out = append(out, ' ')
		}
		start = len(out)
	}
	var prev rune
	for _, r := range s {
		switch {
		case isUpper(r) && isLower(prev):
			endWord()
			out = appendLower(out, r)
		case isLetterOrDigit(r):
			out = appendLower(out, r)
		default:
			r = ' '
			endWord()
		}
		prev = r
	}
	endWord()
	if len(out) == 1 {
		return "  " // no words
	}
	return string(out)
}

// NamedIn reports whether r's whole name appears in text as words, as
// Catalog.NamedIn matches names.
func (r *Role) NamedIn(text string) bool {
	return strings.Contains(nameWords(text), nameWords(r.Name))
}

// isUpper, isLower, isLetterOrDigit and appendLower are the unicode
// functions nameWords needs, without a table lookup for ASCII, which most
// names are.

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appendLower appends r in lower case.
func appendLower(out []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(out, byte(r))
	}
	return utf8.AppendRune(out, unicode.ToLower(r))
}
