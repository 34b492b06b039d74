package source

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// BadText is the first place where a UTF-16 file cannot be decoded.
type BadText struct {
	Offset  int    // byte offset in the decoded text, where U+FFFD stands for it
	Message string // what is wrong, in the words of a finding
}

// Decode returns the text of a file as UTF-8 without a byte order mark. A
// file that starts with a UTF-16 byte order mark, little- or big-endian, is
// converted: Windows PowerShell 5 writes such files (az ... > file,
// Out-File), the Azure CLI reads them, and so must lhlint. Offsets into the
// result are what positions count from; an editor shows no mark, so none
// stays to count as a column. Any other content is returned as it is, less
// a UTF-8 byte order mark.
//
// A code unit that does not decode (a surrogate without its pair, or half
// a unit at the end of an odd-sized file) becomes U+FFFD, and bad says where
// the first one stands in the result; bad is nil when all is well.
func Decode(content []byte) (text []byte, bad *BadText) {
	switch {
	case bytes.HasPrefix(content, []byte{0xEF, 0xBB, 0xBF}):
		return content[3:], nil
	case bytes.HasPrefix(content, []byte{0xFF, 0xFE}):
		return decodeUTF16(content[2:], binary.LittleEndian)
	case bytes.HasPrefix(content, []byte{0xFE, 0xFF}):
		return decodeUTF16(content[2:], binary.BigEndian)
	}
	return content, nil
}

func decodeUTF16(b []byte, order binary.ByteOrder) ([]byte, *BadText) {
	out := make([]byte, 0, len(b)) // room for a file of two-byte characters, which is nearly all
	var bad *BadText
	fail := func(format string, args ...any) {
		if bad == nil {
			bad = &BadText{Offset: len(out), Message: "invalid UTF-16: " + fmt.Sprintf(format, args...)}
		}
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	for i := 0; i+1 < len(b); i += 2 {
		r := rune(order.Uint16(b[i:]))
		if !utf16.IsSurrogate(r) {
			out = utf8.AppendRune(out, r)
			continue
		}
		if i+3 < len(b) {
			if pair := utf16.DecodeRune(r, rune(order.Uint16(b[i+2:]))); pair != utf8.RuneError {
				out = utf8.AppendRune(out, pair)
				i += 2
				continue
			}
		}
		fail("surrogate %U without its pair", r)
	}
	if len(b)%2 == 1 {
		fail("the file ends in the middle of a character (an odd number of bytes)")
	}
	return out, bad
}
