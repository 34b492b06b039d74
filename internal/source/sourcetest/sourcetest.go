// Package sourcetest makes input files for tests of the readers that
// decode them.
package sourcetest

import "unicode/utf16"

// UTF16LE encodes s as UTF-16LE with a byte order mark, as Windows
// PowerShell 5 writes files (Out-File, Set-Content -Encoding Unicode).
func UTF16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// UTF16BE encodes s as UTF-16BE with a byte order mark.
func UTF16BE(s string) []byte {
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}
