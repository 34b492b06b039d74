package source

import (
	"testing"

	"github.com/lhlint/lhlint/internal/source/sourcetest"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		bad  *BadText
	}{
		{"utf-8 is kept as it is", []byte("{\"a\": \"\xff\"}"), "{\"a\": \"\xff\"}", nil},
		{"utf-8 loses its mark", []byte("\xEF\xBB\xBF{\"a\": \"\xff\"}"), "{\"a\": \"\xff\"}", nil},
		{"utf-16le", sourcetest.UTF16LE("{\"é😀\": 1}"), "{\"é😀\": 1}", nil},
		{"utf-16be", sourcetest.UTF16BE("{\"é😀\": 1}"), "{\"é😀\": 1}", nil},
		{"only the mark", []byte{0xFF, 0xFE}, "", nil},
		{"odd byte count", append(sourcetest.UTF16LE("{}"), '\n'), "{}\uFFFD",
			&BadText{2, "invalid UTF-16: the file ends in the middle of a character (an odd number of bytes)"}},
		{"high surrogate without its pair", append(sourcetest.UTF16LE("\"é"), 0x3D, 0xD8, '"', 0), "\"é\uFFFD\"",
			&BadText{3, "invalid UTF-16: surrogate U+D83D without its pair"}},
		{"high surrogate at the end", append(sourcetest.UTF16BE("a"), 0xD8, 0x3D), "a\uFFFD",
			&BadText{1, "invalid UTF-16: surrogate U+D83D without its pair"}},
		{"low surrogate first, the first mistake is reported", append(sourcetest.UTF16LE("a"), 0x00, 0xDC, 0x3D, 0xD8, 'b', 0), "a\uFFFD\uFFFDb",
			&BadText{1, "invalid UTF-16: surrogate U+DC00 without its pair"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bad := Decode(tt.in)
			if string(got) != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
			switch {
			case (bad == nil) != (tt.bad == nil):
				t.Errorf("bad %+v, want %+v", bad, tt.bad)
			case bad != nil && *bad != *tt.bad:
				t.Errorf("bad %+v, want %+v", *bad, *tt.bad)
			}
		})
	}
}
