package report

import "testing"

func TestCells(t *testing.T) {
	for r, want := range map[rune]int{
		'a': 1, 'é': 1, '\u00AD': 1, 'Ж': 1, '€': 1,
		'名': 2, '한': 2, 'Ａ': 2, 'ア': 2, '\U00020000': 2, // CJK, Hangul, fullwidth, kana, plane 2
		'🚨': 2, '⌚': 2, '🦀': 2, // emoji presented as emoji by default
		'\U0001F6E0': 1, '❤': 1, // emoji presented as text unless U+FE0F follows
		'\u0301': 0, '\u20DD': 0, '\u200D': 0, '\uFE0F': 0, '\u1161': 0, // combining, enclosing, joiner, selector, Hangul vowel
	} {
		if got := cells(r); got != want {
			t.Errorf("cells(%U) = %d, want %d", r, got, want)
		}
	}
}

func TestWideRangesSorted(t *testing.T) {
	for i, rg := range wideRanges {
		if rg[0] > rg[1] || i > 0 && rg[0] <= wideRanges[i-1][1] {
			t.Errorf("wideRanges[%d] = %X is empty or not after the range before it", i, rg)
		}
	}
}
