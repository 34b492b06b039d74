package roles

import "strings"

// IsGUID reports whether s is a GUID as Azure writes it: 36 characters,
// hexadecimal digits in groups of 8-4-4-4-12 separated by hyphens, in any
// case. Braces, surrounding spaces and other forms .NET would accept are
// rejected, because ARM's schema for role and principal IDs rejects them.
func IsGUID(s string) bool {
	// Rules ask this of every ID of every deployment: the hyphens first,
	// then each group, with no test of the position in the loop.
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return false
	}
	return allHex(s[0:8]) && allHex(s[9:13]) && allHex(s[14:18]) && allHex(s[19:23]) && allHex(s[24:36])
}

func allHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex[s[i]] {
			return false
		}
	}
	return true
}

// isHex says which bytes are hexadecimal digits: one load per byte is
// cheaper than the three ranges a byte can be in.
var isHex = [256]bool{
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true,
	'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true,
}

// IsNilGUID reports whether s is the all-zero GUID, the placeholder that
// samples leave in IDs.
func IsNilGUID(s string) bool {
	return s == "00000000-0000-0000-0000-000000000000"
}

// roleDefinitionsSegment is what every role definition resource ID has
// before its GUID, at whatever scope it was written.
const roleDefinitionsSegment = "/providers/microsoft.authorization/roledefinitions/"

// NormalizeID is the one function that reads a role reference. It accepts a
// bare GUID in any case, or a role definition resource ID in any case at any
// scope, such as /providers/Microsoft.Authorization/roleDefinitions/<guid>
// or /subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<guid>
// (what subscriptionResourceId and resourceId return), and returns the GUID
// in lower case. Anything else, including surrounding whitespace, is not a
// role reference: Azure would not accept it either.
func NormalizeID(ref string) (guid string, ok bool) {
	if IsGUID(ref) {
		return strings.ToLower(ref), true
	}
	n := len(roleDefinitionsSegment) + 36
	if len(ref) < n {
		return "", false
	}
	prefix, seg, id := ref[:len(ref)-n], ref[len(ref)-n:len(ref)-36], ref[len(ref)-36:]
	if !IsGUID(id) || !strings.EqualFold(seg, roleDefinitionsSegment) || !isScope(prefix) {
		return "", false
	}
	return strings.ToLower(id), true
}

// isScope reports whether s can be the scope part of a resource ID: empty
// (tenant scope) or "/" followed by non-empty segments without spaces.
func isScope(s string) bool {
	if s == "" {
		return true
	}
	if s[0] != '/' {
		return false
	}
	for _, seg := range strings.Split(s[1:], "/") {
		if seg == "" || strings.ContainsAny(seg, " \t\r\n") {
			return false
		}
	}
	return true
}
