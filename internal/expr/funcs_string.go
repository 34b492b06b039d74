package expr

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/lhlint/lhlint/internal/model"
)

// concat joins strings (integers and booleans as text), or arrays. Real
// templates build names with concat('vm', copyIndex()), so integers count
// as text.
func concat(c call) model.Value {
	if c.args[0].Kind() == model.Array {
		n := 0
		for _, a := range c.args {
			if a.Kind() != model.Array {
				return c.unknownf("concat takes all arrays or all strings, got an array and %s", a.Kind().Article())
			}
			n += a.Len()
		}
		if n > maxItems {
			return c.tooLarge()
		}
		items := make([]model.Value, 0, n)
		for _, a := range c.args {
			items = append(items, a.Items()...)
		}
		return c.array(items)
	}
	n := 0 // bytes of the strings; integers add at most 20 each
	for _, a := range c.args {
		switch a.Kind() {
		case model.Array:
			return c.unknownf("concat takes all arrays or all strings, got %s and an array", c.args[0].Kind().Article())
		case model.Object:
			return c.typeError("strings or arrays", a)
		}
		n += len(a.Text())
	}
	if n > maxStringLen {
		return c.tooLarge()
	}
	var b strings.Builder
	b.Grow(n + 20*len(c.args))
	sym := false
	for _, a := range c.args {
		s, _ := scalarText(a)
		b.WriteString(s)
		sym = sym || a.IsSymbolic()
	}
	return c.str(b.String(), sym)
}

// toString converts a value to text: objects and arrays as compact JSON, as
// string() does.
func toString(c call) model.Value {
	a := c.args[0]
	if s, ok := scalarText(a); ok {
		return c.str(s, a.IsSymbolic())
	}
	s, sym, bad := c.ev.serialize(a)
	if bad.IsUnknown() {
		return model.UnknownValue(bad.Reason(), c.span)
	}
	return c.str(s, sym)
}

// changeCase builds toLower and toUpper. A symbolic string keeps its
// placeholders, changed in case as the value they stand for will be.
func changeCase(f func(string) string) func(call) model.Value {
	return func(c call) model.Value {
		a := c.args[0]
		if a.Kind() != model.String {
			return c.typeError("a string", a)
		}
		return c.str(f(a.Text()), a.IsSymbolic())
	}
}

// stringArgs returns the arguments as strings, or the unknown result of a
// call given something else.
func (c call) stringArgs() ([]string, model.Value, bool) {
	out := make([]string, len(c.args))
	for i, a := range c.args {
		if a.Kind() != model.String {
			return nil, c.typeError("strings", a), false
		}
		out[i] = a.Text()
	}
	return out, model.Value{}, true
}

func trim(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.String {
		return c.typeError("a string", a)
	}
	if a.IsSymbolic() {
		return c.symbolicCall()
	}
	return c.str(strings.TrimFunc(a.Text(), unicode.IsSpace), false)
}

// replace replaces every occurrence, comparing case-sensitively.
func replace(c call) model.Value {
	parts, bad, ok := c.stringArgs()
	if !ok {
		return bad
	}
	if parts[1] == "" {
		return c.unknownf("replace cannot replace an empty string")
	}
	if c.anySymbolic() {
		return c.symbolicCall()
	}
	if n := strings.Count(parts[0], parts[1]); n > 0 && len(parts[0])+n*(len(parts[2])-len(parts[1])) > maxStringLen {
		return c.tooLarge()
	}
	return c.str(strings.ReplaceAll(parts[0], parts[1], parts[2]), false)
}

// units returns s in UTF-16 code units, which .NET's string positions count.
func units(s string) []uint16 { return utf16.Encode([]rune(s)) }

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// utf16Slice returns the characters [from, to) of s, counted in UTF-16 code
// units.
func utf16Slice(s string, from, to int) string {
	if isASCII(s) {
		return s[from:to]
	}
	return string(utf16.Decode(units(s)[from:to]))
}

// substring takes characters counted as .NET counts them; a range outside
// the string is an error in Azure, so it is unknown here.
func substring(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.String {
		return c.typeError("a string", a)
	}
	start, ok := c.args[1].Int()
	if !ok {
		return c.unknownf("substring takes an integer start index, got %s", c.args[1].Kind().Article())
	}
	if a.IsSymbolic() {
		if len(c.args) == 3 && c.args[2].Kind() != model.Int {
			return c.unknownf("substring takes an integer length, got %s", c.args[2].Kind().Article())
		}
		return c.symbolicCall()
	}
	n := int64(utf16Len(a.Text()))
	length, call := n-start, fmt.Sprintf("substring(%d)", start)
	if len(c.args) == 3 {
		if length, ok = c.args[2].Int(); !ok {
			return c.unknownf("substring takes an integer length, got %s", c.args[2].Kind().Article())
		}
		call = fmt.Sprintf("substring(%d, %d)", start, length)
	}
	if start < 0 || length < 0 || start > n || length > n-start {
		return c.unknownf("%s is out of range for a string of %s", call, plural(int(n), "character"))
	}
	return c.str(utf16Slice(a.Text(), int(start), int(start+length)), false)
}

// split splits at any of the delimiters, trying them in order at each
// position as .NET does.
func split(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.String {
		return c.typeError("a string", a)
	}
	var seps []string
	switch d := c.args[1]; d.Kind() {
	case model.String:
		seps = []string{d.Text()}
	case model.Array:
		for _, it := range d.Items() {
			if it.Kind() != model.String {
				return c.unknownf("split takes an array of string delimiters, got %s in it", it.Kind().Article())
			}
			seps = append(seps, it.Text())
		}
	default:
		return c.unknownf("split takes a string or an array of delimiters, got %s", d.Kind().Article())
	}
	if c.anySymbolic() {
		return c.unknownf("split of %s is known only at deployment time", truncate(a.Text()))
	}
	seps = slices.DeleteFunc(seps, func(sep string) bool { return sep == "" })
	s := a.Text()
	var parts []string
	switch len(seps) {
	case 0:
		parts = []string{s}
	case 1:
		if strings.Count(s, seps[0]) >= maxItems {
			return c.tooLarge()
		}
		parts = strings.Split(s, seps[0])
	default:
		last := 0
		for i := 0; i < len(s); {
			if !c.ev.charge(len(seps)) {
				return c.tooLarge()
			}
			matched := 0
			for _, sep := range seps {
				if strings.HasPrefix(s[i:], sep) {
					matched = len(sep)
					break
				}
			}
			if matched == 0 {
				i++
				continue
			}
			parts = append(parts, s[last:i])
			if len(parts) >= maxItems {
				return c.tooLarge()
			}
			i += matched
			last = i
		}
		parts = append(parts, s[last:])
	}
	items := make([]model.Value, len(parts))
	for i, p := range parts {
		items[i] = model.StringValue(p, c.span)
	}
	return c.array(items)
}

// join joins an array of strings (integers and booleans as text).
func join(c call) model.Value {
	arr, sep := c.args[0], c.args[1]
	if arr.Kind() != model.Array {
		return c.typeError("an array and a string delimiter", arr)
	}
	if sep.Kind() != model.String {
		return c.typeError("an array and a string delimiter", sep)
	}
	if !c.ev.charge(arr.Len()) {
		return c.unknownf(tooCostly)
	}
	var b strings.Builder
	sym := sep.IsSymbolic()
	for i, it := range arr.Items() {
		if it.IsUnknown() {
			return model.UnknownValue(it.Reason(), c.span)
		}
		s, ok := scalarText(it)
		if !ok {
			return c.unknownf("join takes an array of strings, got %s in it", it.Kind().Article())
		}
		if i > 0 {
			b.WriteString(sep.Text())
		}
		b.WriteString(s)
		sym = sym || it.IsSymbolic()
		if b.Len() > maxStringLen {
			return c.tooLarge()
		}
	}
	return c.str(b.String(), sym)
}

// padLeft pads a string or integer on the left to a total length, with
// spaces or one given character.
func padLeft(c call) model.Value {
	v := c.args[0]
	s, ok := scalarText(v)
	if !ok || v.Kind() == model.Null || v.Kind() == model.Bool {
		return c.typeError("a string or an int", v)
	}
	total, ok := c.args[1].Int()
	if !ok {
		return c.unknownf("padLeft takes an integer length, got %s", c.args[1].Kind().Article())
	}
	pad := " "
	if len(c.args) == 3 {
		p := c.args[2]
		if p.Kind() != model.String || utf16Len(p.Text()) != 1 || p.IsSymbolic() {
			return c.unknownf("padLeft takes a single padding character")
		}
		pad = p.Text()
	}
	if total > maxStringLen {
		return c.tooLarge()
	}
	if v.IsSymbolic() {
		return c.symbolicCall()
	}
	n := int64(utf16Len(s))
	if total <= n {
		return c.str(s, false)
	}
	return c.str(strings.Repeat(pad, int(total-n))+s, false)
}

// startsEndsWith builds startsWith and endsWith, which ignore case.
func startsEndsWith(start bool) func(call) model.Value {
	return func(c call) model.Value {
		parts, bad, ok := c.stringArgs()
		if !ok {
			return bad
		}
		if c.anySymbolic() {
			return c.unknownf("comparing values known only at deployment time")
		}
		s, x := parts[0], parts[1]
		if start {
			_, found := hasPrefixFold(s, x)
			return c.boolean(found)
		}
		return c.boolean(hasSuffixFold(s, x))
	}
}

// hasPrefixFold reports whether s starts with prefix ignoring case, and how
// many bytes of s the prefix covers.
func hasPrefixFold(s, prefix string) (int, bool) {
	i := 0
	for _, pr := range prefix {
		if i >= len(s) {
			return 0, false
		}
		sr, size := utf8.DecodeRuneInString(s[i:])
		if sr != pr && unicode.ToLower(sr) != unicode.ToLower(pr) && unicode.ToUpper(sr) != unicode.ToUpper(pr) {
			return 0, false
		}
		i += size
	}
	return i, true
}

func hasSuffixFold(s, suffix string) bool {
	rs, rx := []rune(s), []rune(suffix)
	if len(rx) > len(rs) {
		return false
	}
	return strings.EqualFold(string(rs[len(rs)-len(rx):]), suffix)
}

// indexOf builds indexOf and lastIndexOf: of a substring, ignoring case, in
// UTF-16 positions; or of an item in an array.
func indexOf(last bool) func(call) model.Value {
	return func(c call) model.Value {
		in, x := c.args[0], c.args[1]
		switch in.Kind() {
		case model.Array:
			items := in.Items()
			found := int64(-1)
			for i := range items {
				j := i
				if last {
					j = len(items) - 1 - i
				}
				switch c.ev.equal(items[j], x) {
				case yes:
					return c.integer(int64(j))
				case maybe:
					return c.uncertain("comparing values known only at deployment time")
				}
			}
			return c.integer(found)
		case model.String:
			if x.Kind() != model.String {
				return c.typeError("a string to find in a string", x)
			}
			if in.IsSymbolic() || x.IsSymbolic() {
				return c.unknownf("comparing values known only at deployment time")
			}
			return c.integer(int64(indexFold(in.Text(), x.Text(), last)))
		}
		return c.typeError("a string or an array", in)
	}
}

// indexFold returns the UTF-16 position of the first (or last) occurrence
// of x in s ignoring case, or -1. Both are lower-cased rune by rune, which
// keeps rune positions, and searched in linear time.
func indexFold(s, x string, last bool) int {
	ls, lx := strings.Map(unicode.ToLower, s), strings.Map(unicode.ToLower, x)
	i := strings.Index(ls, lx)
	if last {
		i = strings.LastIndex(ls, lx)
	}
	if i < 0 {
		return -1
	}
	runes := utf8.RuneCountInString(ls[:i])
	pos := 0
	for _, r := range s {
		if runes == 0 {
			break
		}
		runes--
		pos++
		if r >= 0x10000 {
			pos++
		}
	}
	return pos
}

func base64Encode(c call) model.Value { return c.encodeBase64("") }

// encodeBase64 returns prefix followed by the base64 of the string argument.
func (c call) encodeBase64(prefix string) model.Value {
	a := c.args[0]
	if a.Kind() != model.String {
		return c.typeError("a string", a)
	}
	if a.IsSymbolic() {
		return c.symbolicCall()
	}
	if len(a.Text()) > maxStringLen/4*3 {
		return c.tooLarge()
	}
	return c.str(prefix+base64.StdEncoding.EncodeToString([]byte(a.Text())), false)
}

// decodeBase64 returns the text a base64 argument encodes.
func (c call) decodeBase64(a model.Value) (string, model.Value, bool) {
	if a.Kind() != model.String {
		return "", c.typeError("a string", a), false
	}
	if a.IsSymbolic() {
		return "", c.symbolicOnly(a), false
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(a.Text()))
	if err != nil {
		return "", c.unknownf("%s cannot decode %s: it is not base64", c.f.name, strconv.Quote(truncate(a.Text()))), false
	}
	return strings.ToValidUTF8(string(raw), "\uFFFD"), model.Value{}, true
}

func base64ToString(c call) model.Value {
	s, bad, ok := c.decodeBase64(c.args[0])
	if !ok {
		return bad
	}
	return c.str(s, false)
}

func base64ToJSON(c call) model.Value {
	s, bad, ok := c.decodeBase64(c.args[0])
	if !ok {
		return bad
	}
	return c.json(s)
}

const dataURIPrefix = "data:text/plain;charset=utf8;base64,"

func dataURI(c call) model.Value { return c.encodeBase64(dataURIPrefix) }

// dataURIToString decodes a data URI: "data:[type][;params][;base64],data".
func dataURIToString(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.String {
		return c.typeError("a string", a)
	}
	if a.IsSymbolic() {
		return c.symbolicOnly(a)
	}
	s := a.Text()
	comma := strings.IndexByte(s, ',')
	if !strings.HasPrefix(strings.ToLower(s), "data:") || comma < 0 {
		return c.unknownf("dataUriToString takes a data URI, got %s", strconv.Quote(truncate(s)))
	}
	meta, data := s[len("data:"):comma], s[comma+1:]
	if strings.HasSuffix(strings.ToLower(meta), ";base64") {
		raw, err := base64.StdEncoding.DecodeString(data)
		if err != nil {
			return c.unknownf("dataUriToString cannot decode the base64 data of %s", strconv.Quote(truncate(s)))
		}
		return c.str(strings.ToValidUTF8(string(raw), "\uFFFD"), false)
	}
	return c.str(unescapeData(data), false)
}

// uri resolves a relative URI against an absolute base, as uri() does.
func uri(c call) model.Value {
	parts, bad, ok := c.stringArgs()
	if !ok {
		return bad
	}
	if c.anySymbolic() {
		return c.symbolicCall()
	}
	base, err := url.Parse(parts[0])
	if err != nil || !base.IsAbs() {
		return c.unknownf("uri takes an absolute base URI, got %s", strconv.Quote(truncate(parts[0])))
	}
	rel, err := url.Parse(parts[1])
	if err != nil {
		return c.unknownf("uri cannot read the relative URI %s", strconv.Quote(truncate(parts[1])))
	}
	return c.str(base.ResolveReference(rel).String(), false)
}

// uriComponent escapes every character except the unreserved ones of RFC
// 3986, as .NET's Uri.EscapeDataString does.
func uriComponent(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.String {
		return c.typeError("a string", a)
	}
	if a.IsSymbolic() {
		return c.symbolicCall()
	}
	s := a.Text()
	if len(s) > maxStringLen/3 {
		return c.tooLarge()
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := range len(s) {
		ch := s[i]
		if ch < utf8.RuneSelf && (isNameChar(ch) && ch != '_' || strings.IndexByte("-_.~", ch) >= 0) {
			b.WriteByte(ch)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[ch>>4])
		b.WriteByte(hex[ch&15])
	}
	return c.str(b.String(), false)
}

func uriComponentToString(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.String {
		return c.typeError("a string", a)
	}
	if a.IsSymbolic() {
		return c.symbolicCall()
	}
	return c.str(unescapeData(a.Text()), false)
}

// unescapeData decodes %XX sequences and leaves malformed ones as written,
// as .NET's Uri.UnescapeDataString does.
func unescapeData(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func isHex(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
