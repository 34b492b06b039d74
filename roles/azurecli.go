package roles

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/lhlint/lhlint/internal/source"
)

// cliRole is one role definition as `az role definition list` prints it, or
// as the REST API returns it (the same fields under "properties").
type cliRole struct {
	Name        string          `json:"name"` // the GUID
	ID          string          `json:"id"`   // the resource ID
	RoleName    string          `json:"roleName"`
	Description string          `json:"description"`
	RoleType    string          `json:"roleType"`
	Type        string          `json:"type"` // REST: the role type inside properties
	UpdatedOn   string          `json:"updatedOn"`
	Permissions []cliPermission `json:"permissions"`
	Properties  *cliRole        `json:"properties"`
}

type cliPermission struct {
	Actions        []string `json:"actions"`
	NotActions     []string `json:"notActions"`
	DataActions    []string `json:"dataActions"`
	NotDataActions []string `json:"notDataActions"`
}

// ParseAzureCLI reads a role listing made by `az role definition list`: a
// JSON array of role definitions with name (the GUID), roleName,
// description, roleType and permissions. The REST API's form, {"value":
// [...]} with the fields under "properties", is read too. Only built-in
// roles are kept (roleType BuiltInRole, when the listing says). The role
// history embedded in lhlint (deprecations, the dates roles gained data or
// restricted actions, retired roles) still applies by GUID, so --roles can
// replace the listing without losing what the history knows. The catalog's
// date is the newest updatedOn date in the listing.
//
// The file may be UTF-8, with or without a byte order mark, or UTF-16 with
// one. A file that is not valid JSON gives an error starting with
// line:column.
func ParseAzureCLI(data []byte) (*Catalog, error) {
	return parseAzureCLI(data, Builtin())
}

// parseAzureCLI reads data and applies the history and retired roles of
// base; base may be nil.
func parseAzureCLI(data []byte, base *Catalog) (*Catalog, error) {
	sum := sha256.Sum256(data)
	// Windows PowerShell writes `az ... > file` with a byte order mark, in
	// UTF-16 for PowerShell 5: read the text the way templates are read.
	data, bad := source.Decode(data)
	if bad != nil {
		line, col := position(data[:bad.Offset])
		return nil, fmt.Errorf("%d:%d: %s", line, col, bad.Message)
	}
	var list []cliRole
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var env struct {
			Value *[]cliRole `json:"value"`
		}
		if err := json.Unmarshal(data, &env); err != nil {
			return nil, jsonError(data, err)
		}
		if env.Value == nil {
			return nil, errors.New(`want a JSON array of role definitions, or an object with a "value" array`)
		}
		list = *env.Value
	} else if err := json.Unmarshal(data, &list); err != nil {
		return nil, jsonError(data, err)
	}

	var (
		roles []*Role
		seen  = make(map[string]bool, len(list))
		date  string
	)
	for i, e := range list {
		if e.Properties != nil {
			p := *e.Properties
			p.Name, p.ID = e.Name, e.ID
			if p.RoleType == "" {
				p.RoleType = p.Type
			}
			e = p
		}
		if e.RoleType != "" && e.RoleType != "BuiltInRole" {
			continue // custom roles cannot be delegated, and are not ours to know
		}
		id, ok := NormalizeID(e.Name)
		if !ok {
			id, ok = NormalizeID(e.ID)
		}
		if !ok {
			return nil, fmt.Errorf("role definition %d (%q): no role definition GUID in name or id", i+1, e.RoleName)
		}
		if e.RoleName == "" {
			return nil, fmt.Errorf("role definition %d (%s): no roleName", i+1, id)
		}
		if seen[id] {
			return nil, fmt.Errorf("role definition %d (%q): %s appears twice", i+1, e.RoleName, id)
		}
		seen[id] = true
		r := &Role{ID: id, Name: e.RoleName, Description: e.Description}
		for _, p := range e.Permissions {
			r.Permissions = append(r.Permissions, Permission(p))
		}
		flatten(r)
		r.Deprecated = announcesDeprecation(r.Name) || announcesDeprecation(r.Description)
		if d := e.UpdatedOn; len(d) >= 10 && isDate(d[:10]) && d[:10] > date {
			date = d[:10]
		}
		roles = append(roles, r)
	}
	if len(roles) == 0 {
		return nil, errors.New("no built-in role definitions in the listing")
	}
	var (
		hist    map[string]history
		retired []*Retired
	)
	if base != nil {
		hist, retired = base.history, base.retired
	}
	sources := []Source{{Name: "az role definition list", SHA256: hex.EncodeToString(sum[:])}}
	return newCatalog(date, sources, roles, hist, retired)
}

// announcesDeprecation applies the role history's rule for deprecation to a
// role the history has not seen: its name or description mentions
// deprecation or retirement, as "(Deprecated)" names and AcrImageSigner's
// description do.
func announcesDeprecation(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "deprecat") || strings.Contains(l, "retir")
}

// jsonError puts the line and column of a JSON syntax or type error in
// front of it. Columns count characters.
func jsonError(data []byte, err error) error {
	var off int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset - 1 // Offset is just after the byte that was wrong
		if strings.HasPrefix(syn.Error(), "unexpected end") {
			off = int64(len(data)) // the position is the end itself
		}
	case errors.As(err, &typ):
		// Say it in the file's terms, not in terms of our Go types.
		off = typ.Offset - 1
		want := "an object"
		switch typ.Type.Kind() {
		case reflect.String:
			want = "a string"
		case reflect.Slice:
			want = "an array"
		}
		where := "value"
		if typ.Field != "" {
			where = typ.Field
		}
		err = fmt.Errorf("%s is a JSON %s, want %s", where, typ.Value, want)
	}
	if off < 0 {
		return err
	}
	off = min(off, int64(len(data)))
	line, col := position(data[:off])
	return fmt.Errorf("%d:%d: %w", line, col, err)
}

// position returns the 1-based line and character column just after
// prefix.
func position(prefix []byte) (line, col int) {
	start := bytes.LastIndexByte(prefix, '\n') + 1
	return bytes.Count(prefix, []byte("\n")) + 1, utf8.RuneCount(prefix[start:]) + 1
}
