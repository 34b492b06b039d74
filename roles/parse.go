package roles

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// formatLine is the line that identifies the catalog format; it must match
// catalogfile.Format.
const formatLine = "format lhlint-roles 1"

// Parse reads a catalog in the format go generate writes (described in
// roles/internal/catalogfile). Errors name the line. Builtin is the usual
// way to get the embedded catalog; Parse is for tests and tools.
func Parse(data []byte) (*Catalog, error) {
	// One copy: every string in the catalog is then a substring of it.
	return parse(string(data))
}

// slabSize is how many roles or blocks are allocated at once.
const slabSize = 256

// parser holds the state of one parse: the role being read, its current
// permissions block, and the run of action lines being collected.
//
// Startup time matters (every lhlint run parses the catalog), so strings
// are substrings of the input, the action lists of all roles share one
// backing array and the roles and blocks come from two more: a handful of
// allocations instead of tens of thousands.
type parser struct {
	date    string
	sources []Source
	roles   []*Role
	hist    map[string]history
	retired []*Retired

	roleSlab  []Role
	blockSlab []Permission
	arena     []string // the action strings of every block, in file order

	role       *Role
	firstBlock int         // index in blockSlab of role's first block
	block      *Permission // last element of blockSlab, or nil
	list       int         // which list of block the run belongs to, or -1
	start      int         // where the run starts in arena
	hasDesc    bool
}

func parse(s string) (*Catalog, error) {
	if !utf8.ValidString(s) {
		return nil, errors.New("catalog is not valid UTF-8")
	}
	lines := strings.Count(s, "\n") + 1
	p := &parser{
		hist:  make(map[string]history),
		arena: make([]string, 0, lines),
		list:  -1,
	}
	sawFormat := false
	for n := 1; s != ""; n++ {
		var line string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			line, s = s, ""
		}
		line = strings.TrimSuffix(line, "\r") // a checkout that turned LF into CRLF
		if line == "" || line[0] == '#' {
			continue
		}
		if !sawFormat {
			if line != formatLine {
				return nil, fmt.Errorf("line %d: want %q, the catalog format line", n, formatLine)
			}
			sawFormat = true
			continue
		}
		if err := p.record(line); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
	}
	p.flush()
	if !sawFormat {
		return nil, errors.New("not a role catalog: no format line")
	}
	if p.date == "" {
		return nil, errors.New("catalog has no date")
	}
	if len(p.roles) == 0 {
		return nil, errors.New("catalog has no roles")
	}
	for _, r := range p.roles {
		flatten(r)
	}
	return newCatalog(p.date, p.sources, p.roles, p.hist, p.retired)
}

// record reads one line that is not a comment.
func (p *parser) record(line string) error {
	tag, rest, _ := strings.Cut(line, " ")
	list := -1
	switch tag {
	case "a":
		list = 0
	case "na":
		list = 1
	case "da":
		list = 2
	case "nd":
		list = 3
	}
	if list >= 0 {
		if p.block == nil {
			return fmt.Errorf("%q outside a permissions block", tag)
		}
		v, err := unquote(rest)
		if err != nil {
			return err
		}
		if list != p.list {
			p.flush()
			p.list, p.start = list, len(p.arena)
		}
		p.arena = append(p.arena, v)
		return nil
	}
	p.flush()
	switch tag {
	case "block":
		if p.role == nil || rest != "" {
			return errors.New("misplaced block")
		}
		if len(p.blockSlab) == cap(p.blockSlab) {
			// A new chunk; the role's blocks so far move with it, since a
			// role's blocks must be one slice.
			prev := p.blockSlab[p.firstBlock:]
			p.blockSlab = append(make([]Permission, 0, max(slabSize, 2*len(prev))), prev...)
			p.firstBlock = 0
		}
		p.blockSlab = append(p.blockSlab, Permission{})
		n := len(p.blockSlab)
		p.block = &p.blockSlab[n-1]
		p.role.Permissions = p.blockSlab[p.firstBlock:n:n]
	case "role":
		id, name, err := p.guidAndText(rest, "role")
		if err != nil {
			return err
		}
		if len(p.roleSlab) == cap(p.roleSlab) {
			p.roleSlab = make([]Role, 0, slabSize)
		}
		p.roleSlab = append(p.roleSlab, Role{ID: id, Name: name})
		p.role = &p.roleSlab[len(p.roleSlab)-1]
		p.firstBlock = len(p.blockSlab)
		p.block = nil
		p.hasDesc = false
		p.roles = append(p.roles, p.role)
	case "desc":
		if p.role == nil || p.hasDesc {
			return errors.New("misplaced desc")
		}
		v, err := unquote(rest)
		if err != nil {
			return err
		}
		p.role.Description = v
		p.hasDesc = true
	case "history":
		return p.history(rest)
	case "retired":
		return p.retire(rest)
	case "date":
		if p.date != "" || !isDate(rest) {
			return fmt.Errorf("bad or repeated date %q", rest)
		}
		p.date = rest
	case "source":
		name, sum, _ := strings.Cut(rest, " ")
		if name == "" || len(sum) != 64 || strings.Trim(sum, "0123456789abcdef") != "" {
			return fmt.Errorf("bad source %q", rest)
		}
		p.sources = append(p.sources, Source{Name: name, SHA256: sum})
	default:
		return fmt.Errorf("unknown record %q", tag)
	}
	return nil
}

// flush stores the run of action lines just read in its list of the
// current block. The writer puts each list in one run; a list split into
// several runs is still read, by copying.
func (p *parser) flush() {
	if p.list < 0 {
		return
	}
	run := p.arena[p.start:len(p.arena):len(p.arena)]
	var dst *[]string
	switch p.list {
	case 0:
		dst = &p.block.Actions
	case 1:
		dst = &p.block.NotActions
	case 2:
		dst = &p.block.DataActions
	default:
		dst = &p.block.NotDataActions
	}
	if len(*dst) == 0 {
		*dst = run
	} else {
		*dst = append(slices.Clip(*dst), run...)
	}
	p.list = -1
}

// guidAndText splits `<guid> "<text>"`.
func (p *parser) guidAndText(rest, what string) (id, text string, err error) {
	id, q, ok := strings.Cut(rest, " ")
	if !ok || !isLowerGUID(id) {
		return "", "", fmt.Errorf("bad %s GUID %q", what, id)
	}
	text, err = unquote(q)
	return id, text, err
}

// isLowerGUID reports whether s is a GUID in lower case, the only form the
// generator writes; the catalog's maps are keyed by it.
func isLowerGUID(s string) bool {
	if !IsGUID(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'F' {
			return false
		}
	}
	return true
}

// history reads `<guid> key=value... "<name>"`.
func (p *parser) history(rest string) error {
	id, fields, _, err := splitFields(rest)
	if err != nil {
		return err
	}
	if _, dup := p.hist[id]; dup {
		return fmt.Errorf("history for %s appears twice", id)
	}
	var h history
	for _, f := range fields {
		if f == "deprecated" {
			h.deprecated = true
			continue
		}
		k, v, _ := strings.Cut(f, "=")
		if !isDate(v) {
			return fmt.Errorf("bad history field %q", f)
		}
		switch k {
		case "added":
			h.added = v
		case "gainedDataActions":
			h.gainedDataActions = v
		case "gainedRestrictedActions":
			h.gainedRestrictedActions = v
		default:
			return fmt.Errorf("bad history field %q", f)
		}
	}
	p.hist[id] = h
	return nil
}

// retire reads `<guid> firstSeen=D lastSeen=D "<name>"`.
func (p *parser) retire(rest string) error {
	id, fields, name, err := splitFields(rest)
	if err != nil {
		return err
	}
	r := &Retired{ID: id, Name: name}
	for _, f := range fields {
		k, v, _ := strings.Cut(f, "=")
		switch {
		case k == "firstSeen" && isDate(v):
			r.FirstSeen = v
		case k == "lastSeen" && isDate(v):
			r.LastSeen = v
		default:
			return fmt.Errorf("bad retired field %q", f)
		}
	}
	if r.FirstSeen == "" || r.LastSeen == "" {
		return fmt.Errorf("retired role %s needs firstSeen and lastSeen", id)
	}
	p.retired = append(p.retired, r)
	return nil
}

// splitFields splits `<guid> field... "<text>"`: the fields are the
// space-separated words between the GUID and the quoted text.
func splitFields(rest string) (id string, fields []string, text string, err error) {
	q := strings.IndexByte(rest, '"')
	if q < 0 {
		return "", nil, "", errors.New("missing quoted name")
	}
	words := strings.Fields(rest[:q])
	if len(words) == 0 || !isLowerGUID(words[0]) || rest[q-1] != ' ' {
		return "", nil, "", fmt.Errorf("bad GUID in %q", rest)
	}
	text, err = unquote(rest[q:])
	return words[0], words[1:], text, err
}

// unquote reads a Go double-quoted string that fills the rest of the line.
// parse has checked that the whole input is valid UTF-8, so a string with no
// escapes is its own value; only the few with escapes go through strconv.
func unquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("want a quoted string, have %q", s)
	}
	if in := s[1 : len(s)-1]; strings.IndexByte(in, '\\') < 0 && strings.IndexByte(in, '"') < 0 {
		return in, nil
	}
	v, err := strconv.Unquote(s)
	if err != nil {
		return "", fmt.Errorf("bad quoted string %s", s)
	}
	return v, nil
}

// flatten fills the role's flat permission lists from its blocks. With one
// block, the usual case, the lists are the block's own; they are read-only.
func flatten(r *Role) {
	switch len(r.Permissions) {
	case 0:
	case 1:
		b := r.Permissions[0]
		r.Actions, r.NotActions, r.DataActions, r.NotDataActions = b.Actions, b.NotActions, b.DataActions, b.NotDataActions
	default:
		for _, b := range r.Permissions {
			r.Actions = append(r.Actions, b.Actions...)
			r.NotActions = append(r.NotActions, b.NotActions...)
			r.DataActions = append(r.DataActions, b.DataActions...)
			r.NotDataActions = append(r.NotDataActions, b.NotDataActions...)
		}
	}
}

// isDate reports whether s is a YYYY-MM-DD date with a plausible month and day.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	m, d := s[5:7], s[8:10]
	return "01" <= m && m <= "12" && "01" <= d && d <= "31"
}
