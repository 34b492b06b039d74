package expr

import (
	"crypto/sha1"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// guidNamespace is the namespace of the name-based GUIDs guid() returns.
//
// guid(a, b, …) is the RFC 4122 version-5 UUID (SHA-1) of the arguments
// joined with '-', encoded as UTF-8, in this namespace. The algorithm is
// the one Azure.Deployments.Expression implements; TestGuidMatchesAzure pins
// it to a value that library computed.
var guidNamespace = [16]byte{0x11, 0xfb, 0x06, 0xfb, 0x71, 0x2d, 0x4d, 0xdd, 0x98, 0xc7, 0xe7, 0x1b, 0xbd, 0x58, 0x88, 0x30}

// guid returns the GUID Azure computes for the string arguments. It is
// symbolic when an argument is: it then stands for the GUID of the value the
// placeholder will take, and equal texts still give equal GUIDs.
func guid(c call) model.Value {
	name, bad, ok := c.hashedName()
	if !ok {
		return bad
	}
	return c.str(nameGUID(name), c.anySymbolic())
}

// nameGUID returns the version-5 UUID of name in guidNamespace, in the
// lower-case 8-4-4-4-12 form.
func nameGUID(name string) string {
	var sum [sha1.Size]byte
	var buf [256]byte
	if len(name) <= len(buf)-len(guidNamespace) {
		n := copy(buf[:], guidNamespace[:])
		n += copy(buf[n:], name)
		sum = sha1.Sum(buf[:n])
	} else {
		h := sha1.New()
		h.Write(guidNamespace[:])
		h.Write([]byte(name))
		h.Sum(sum[:0])
	}
	sum[6] = sum[6]&0x0f | 0x50 // version 5
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	const hex = "0123456789abcdef"
	var out [36]byte
	j := 0
	for i := range 16 {
		switch i {
		case 4, 6, 8, 10:
			out[j] = '-'
			j++
		}
		out[j], out[j+1] = hex[sum[i]>>4], hex[sum[i]&15]
		j += 2
	}
	return string(out[:])
}

// uniqueString returns a deterministic 13-character string of its string
// arguments. Azure's hash is not documented, so the value is symbolic: it
// is not the name Azure will use, but equal arguments give equal strings and
// different arguments different ones.
func uniqueString(c call) model.Value {
	name, bad, ok := c.hashedName()
	if !ok {
		return bad
	}
	sum := sha1.Sum([]byte("uniqueString\x00" + name))
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	var out [13]byte
	var acc uint64
	for i := range 8 {
		acc = acc<<8 | uint64(sum[i])
	}
	for i := range out {
		out[i] = alphabet[acc>>59]
		acc <<= 5
	}
	return c.str(string(out[:]), true)
}

// hashedName returns the text guid() and uniqueString() hash: their string
// arguments joined with "-". It returns false, with the value to return,
// when an argument is not a string or the text is too long.
func (c call) hashedName() (string, model.Value, bool) {
	parts, bad, ok := c.stringArgs()
	if !ok {
		return "", bad, false
	}
	name := strings.Join(parts, "-")
	if len(name) > maxStringLen {
		return "", c.tooLarge(), false
	}
	return name, model.Value{}, true
}
