package principals

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lhlint/lhlint/internal/source"
)

// Parse adds the directory objects of one export to inv. name is the
// file's name as the user should read it in an error.
//
// The export is Microsoft Graph JSON, {"value": [...]}, a JSON array of
// directory objects (az ad group|sp|user list), or one directory object
// (az ad group show). Items that are not objects or have no ID are
// skipped. A file that is not JSON, or not one of these shapes, is an
// error "name:line:col: message" at the offending character, columns
// counted in characters; inv is then unchanged. source.Decode reads the
// text: a UTF-8 byte order mark is ignored, and a file with a UTF-16 one
// (what Windows PowerShell 5 writes for az ... > file) is read as UTF-16;
// UTF-16 that does not decode is an error at its character.
func (inv *Inventory) Parse(name string, content []byte) error {
	text, bad := source.Decode(content)
	p := parser{name: name, src: text}
	if bad != nil {
		return p.errorf(bad.Offset, "%s", bad.Message)
	}
	objs, err := p.parse()
	if err != nil {
		return err
	}
	for _, o := range objs {
		inv.add(o)
	}
	return nil
}

// want says what an export must be, for errors.
const want = `a JSON array of directory objects or an object with a "value" array`

// parser reads one export.
type parser struct {
	name string
	src  []byte
	objs []*Principal
}

func (p *parser) parse() ([]*Principal, error) {
	// Validate first: the walk below can then trust the structure, and
	// encoding/json says where a file stops being JSON. Its scanner keeps
	// its nesting on the heap and stops at a depth limit.
	if !json.Valid(p.src) {
		return nil, p.syntaxError()
	}
	start := p.space(0)
	switch p.src[start] {
	case '[':
		p.items(start)
	case '{':
		if err := p.envelope(start); err != nil {
			return nil, err
		}
	default:
		return nil, p.errorf(start, "want %s, found %s", want, what(p.src[start]))
	}
	return p.objs, nil
}

// envelope reads the object at start: a Graph response whose "value" holds
// the objects, or else a single directory object.
func (p *parser) envelope(start int) error {
	found := false
	for m := range p.members(start) {
		if string(m.key) != `"value"` {
			continue
		}
		found = true
		if c := p.src[m.start]; c != '[' {
			return p.errorf(m.start, `"value" must be an array of directory objects, found %s`, what(c))
		}
		p.items(m.start)
	}
	if found {
		return nil
	}
	if _, added := p.object(start); !added {
		return p.errorf(start, "want %s, found an object with neither \"value\" nor \"id\"", want)
	}
	return nil
}

// items reads the objects of the array at start, skipping other items.
func (p *parser) items(start int) {
	off := p.space(start + 1)
	for off < len(p.src) && p.src[off] != ']' {
		if p.src[off] == '{' {
			off, _ = p.object(off)
		} else {
			off = p.end(off)
		}
		off = p.space(off)
		if off < len(p.src) && p.src[off] == ',' {
			off = p.space(off + 1)
		}
	}
}

// member is one member of an object: its key as written, quotes included,
// and where its value starts and ends.
type member struct {
	key        []byte
	start, end int
}

// members yields the members of the object at start.
func (p *parser) members(start int) iter.Seq[member] {
	return func(yield func(member) bool) {
		off := p.space(start + 1)
		for off < len(p.src) && p.src[off] == '"' {
			keyEnd := p.end(off)
			value := p.space(p.space(keyEnd) + 1) // after the colon
			end := p.end(value)
			if !yield(member{p.src[off:keyEnd], value, end}) {
				return
			}
			off = p.space(end)
			if off < len(p.src) && p.src[off] == ',' {
				off = p.space(off + 1)
			}
		}
	}
}

// end returns the offset just after the JSON value at off, which the
// validation has proved well formed. It walks without recursion.
func (p *parser) end(off int) int {
	src := p.src
	if off >= len(src) {
		return off
	}
	switch src[off] {
	case '"':
		for i := off + 1; i < len(src); i++ {
			j := bytes.IndexByte(src[i:], '"')
			if j < 0 {
				break
			}
			i += j
			// The quote ends the string unless an odd number of
			// backslashes escapes it.
			k := i - 1
			for k > off && src[k] == '\\' {
				k--
			}
			if (i-1-k)%2 == 0 {
				return i + 1
			}
		}
		return len(src)
	case '{', '[':
		depth := 0
		for i := off; i < len(src); i++ {
			switch src[i] {
			case '"':
				i = p.end(i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(src)
	}
	// A literal or a number. Always move on by one byte at least, so that
	// no loop over a malformed input stands still.
	i := off + 1
	for i < len(src) && !isDelimiter(src[i]) {
		i++
	}
	return i
}

// isDelimiter reports whether c ends a literal or a number.
func isDelimiter(c byte) bool {
	switch c {
	case ',', ']', '}', ':', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

// space returns the offset of the first byte at or after off that is not
// JSON white space.
func (p *parser) space(off int) int {
	for off < len(p.src) {
		switch p.src[off] {
		case ' ', '\t', '\r', '\n':
			off++
		default:
			return off
		}
	}
	return off
}

// what names the JSON value that begins with c.
func what(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// rawObject is the members of a directory object that say what it is, as
// written. Values are raw, so an unexpected type (null for a missing value,
// a hand-edited file) is never an error.
type rawObject struct {
	ID                   []byte
	ObjectID             []byte // az before 2.37 (Azure AD Graph)
	ODataType            []byte
	ObjectType           []byte // az before 2.37
	DisplayName          []byte
	SecurityEnabled      []byte
	MailEnabled          []byte
	GroupTypes           []byte
	AppID                []byte
	ServicePrincipalType []byte
	UserPrincipalName    []byte
}

// fields returns the members of o by the key that holds them, quotes
// included.
func (o *rawObject) fields() [11]struct {
	key string
	dst *[]byte
} {
	return [...]struct {
		key string
		dst *[]byte
	}{
		{`"id"`, &o.ID}, {`"objectId"`, &o.ObjectID}, {`"@odata.type"`, &o.ODataType},
		{`"objectType"`, &o.ObjectType}, {`"displayName"`, &o.DisplayName},
		{`"securityEnabled"`, &o.SecurityEnabled}, {`"mailEnabled"`, &o.MailEnabled},
		{`"groupTypes"`, &o.GroupTypes}, {`"appId"`, &o.AppID},
		{`"servicePrincipalType"`, &o.ServicePrincipalType}, {`"userPrincipalName"`, &o.UserPrincipalName},
	}
}

// object adds the object at start when it has an ID, and returns where it
// ends and whether it added it. Keys compare ignoring case; when one is
// written twice, the last wins.
func (p *parser) object(start int) (end int, added bool) {
	var o rawObject
	fields := o.fields()
	end = start + 1
	for m := range p.members(start) {
		end = m.end
		key := m.key
		if bytes.IndexByte(key, '\\') >= 0 {
			key = strconv.AppendQuote(nil, str(key))
		}
		for _, f := range fields {
			if len(key) == len(f.key) && bytes.EqualFold(key, []byte(f.key)) {
				*f.dst = p.src[m.start:m.end]
				break
			}
		}
	}
	end = p.space(end) // the closing brace
	return min(end+1, len(p.src)), p.add(&o)
}

// add keeps o when it has an ID, and reports whether it did.
func (p *parser) add(o *rawObject) bool {
	id := str(o.ID)
	if id == "" {
		id = str(o.ObjectID)
	}
	if id == "" {
		return false
	}
	security, securityKnown := boolean(o.SecurityEnabled)
	mail, _ := boolean(o.MailEnabled)
	p.objs = append(p.objs, &Principal{
		ID:                   strings.ToLower(id),
		Kind:                 o.kind(),
		DisplayName:          str(o.DisplayName),
		SecurityEnabled:      security,
		SecurityEnabledKnown: securityKnown,
		MailEnabled:          mail,
		GroupTypes:           strs(o.GroupTypes),
		AppID:                strings.ToLower(str(o.AppID)),
		ServicePrincipalType: str(o.ServicePrincipalType),
		UserPrincipalName:    str(o.UserPrincipalName),
	})
	return true
}

// kind says what o is: its @odata.type, else the objectType of older az
// versions, else what its members imply.
func (o *rawObject) kind() Kind {
	if t := str(o.ODataType); t != "" {
		switch strings.ToLower(strings.TrimPrefix(t, "#")) {
		case "microsoft.graph.user":
			return User
		case "microsoft.graph.group":
			return Group
		case "microsoft.graph.serviceprincipal":
			return ServicePrincipal
		case "microsoft.graph.application":
			return Application
		}
		return Unknown // a device, an organizational contact, …
	}
	if t := str(o.ObjectType); t != "" {
		switch strings.ToLower(t) {
		case "user":
			return User
		case "group":
			return Group
		case "serviceprincipal":
			return ServicePrincipal
		case "application":
			return Application
		}
		return Unknown
	}
	switch {
	case present(o.ServicePrincipalType):
		return ServicePrincipal
	case present(o.UserPrincipalName):
		return User
	case present(o.SecurityEnabled), present(o.MailEnabled), present(o.GroupTypes):
		return Group
	case present(o.AppID):
		return Application
	}
	return Unknown
}

// present reports whether a member is written with a value other than null.
func present(raw []byte) bool {
	return len(raw) > 0 && string(raw) != "null"
}

// str returns a JSON string's text, "" for anything else.
func str(raw []byte) string {
	if len(raw) < 2 || raw[0] != '"' {
		return ""
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1])
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// boolean returns a JSON boolean, and whether raw is one.
func boolean(raw []byte) (b, ok bool) {
	switch string(raw) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// strs returns the strings of a JSON array, skipping other items.
func strs(raw []byte) []string {
	if len(raw) == 0 || raw[0] != '[' {
		return nil
	}
	q := parser{src: raw}
	var out []string
	for off := q.space(1); off < len(raw) && raw[off] != ']'; {
		end := q.end(off)
		if s := str(raw[off:end]); s != "" {
			out = append(out, s)
		}
		off = q.space(end)
		if off < len(raw) && raw[off] == ',' {
			off = q.space(off + 1)
		}
	}
	return out
}

// syntaxError returns the error of a file that is not JSON, at the
// character where it stops being JSON. Unmarshal checks the whole input
// before it decodes anything, so v stays empty.
func (p *parser) syntaxError() error {
	var v any
	err := json.Unmarshal(p.src, &v)
	var serr *json.SyntaxError
	if !errors.As(err, &serr) {
		return p.errorf(0, "not JSON")
	}
	off := int(serr.Offset)
	// encoding/json counts the offending byte as read, except at the end
	// of the input, where there is no such byte.
	if !strings.HasPrefix(serr.Error(), "unexpected end of JSON input") && off > 0 {
		off--
	}
	return p.errorf(off, "%s", serr.Error())
}

// errorf returns an error at byte offset off of the file.
func (p *parser) errorf(off int, format string, args ...any) error {
	line, col := position(p.src, off)
	return fmt.Errorf("%s:%d:%d: %s", p.name, line, col, fmt.Sprintf(format, args...))
}

// position returns the line and column of byte offset off, both from 1;
// the column counts characters.
func position(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
