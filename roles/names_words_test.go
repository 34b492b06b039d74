package roles

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// nameWordsPlainly is nameWords as first written, with strings.Fields and
// Join: the one-pass nameWords must say the same of any text.
func nameWordsPlainly(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	var prev rune
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			b.WriteByte(' ')
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			r = ' '
			b.WriteByte(' ')
		}
		prev = r
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			words[i] = w[:len(w)-1]
		}
	}
	return " " + strings.Join(words, " ") + " "
}

func FuzzNameWords(f *testing.F) {
	for _, s := range []string{"", "Contoso NOC Readers", "Cybriant-LogAnalyticsReader", "Access", "SOC  log--analytics contributors ", "ÉclairÉtudes\xff", "aBcD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nameWords(s), nameWordsPlainly(s); got != want {
			t.Fatalf("nameWords(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestIndexWords checks the index against the one first written: every
// name under its last word from strings.Fields, each bucket sorted
// longest first, stably.
func TestIndexWords(t *testing.T) {
	c := Builtin()
	want := map[string][]namedRole{}
	for _, r := range c.roles {
		words := nameWords(r.Name)
		fields := strings.Fields(words)
		if len(fields) == 0 {
			continue
		}
		last := fields[len(fields)-1]
		want[last] = append(want[last], namedRole{words, r})
	}
	for _, names := range want {
		slices.SortStableFunc(names, func(a, b namedRole) int { return len(b.words) - len(a.words) })
	}
	if got := c.indexWords(); !reflect.DeepEqual(got, want) {
		t.Error("indexWords differs from the index first written")
	}
}

func BenchmarkIndexWords(b *testing.B) {
	c := Builtin()
	for b.Loop() {
		c.indexWords()
	}
}
