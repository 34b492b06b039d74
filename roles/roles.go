package roles

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Well-known built-in roles, by their role definition GUID.
const (
	Owner                               = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" // Owner
	Contributor                         = "b24988ac-6180-42a0-ab88-20f7382dd24c" // Contributor
	Reader                              = "acdd72a7-3385-48ef-bd42-f606fba81ae7" // Reader
	UserAccessAdministrator             = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9" // User Access Administrator
	RegistrationAssignmentDelete        = "91c1777a-f3dc-4fae-b103-61d183457e46" // Managed Services Registration assignment Delete Role
	RoleBasedAccessControlAdministrator = "f58310d9-a9f6-439a-9e8d-f62e7b41a168" // Role Based Access Control Administrator
)

// Role is one built-in role definition. Like the catalog it belongs to, it is
// read-only: rules running concurrently share it.
type Role struct {
	ID          string // lower-case GUID
	Name        string // roleName, verbatim (one built-in name ends in a space)
	Description string

	// Permissions are the role's permission blocks in Azure's order. Azure
	// subtracts a block's NotActions from that block's Actions only, so
	// IncludesReader looks at blocks; the flat lists below are their unions,
	// for the checks where a block boundary does not matter.
	Permissions    []Permission
	Actions        []string
	NotActions     []string
	DataActions    []string
	NotDataActions []string

	// Deprecated is set when the role history marks the role deprecated, or,
	// in a listing read by ParseAzureCLI, when the role's name or description
	// announces deprecation or retirement (the rule the history was made
	// with). Azure Lighthouse rejects new delegations of deprecated roles.
	Deprecated bool
	Added      string // date the role was first listed, YYYY-MM-DD; "" when the history does not record it
	// GainedDataActions and GainedRestrictedActions are the dates the role
	// gained data actions or restricted actions after it was added, "" when it
	// had them from the start or never. Azure Lighthouse accepted the role for
	// new delegations until that date.
	GainedDataActions       string
	GainedRestrictedActions string
}

// Permission is one permissions block of a role definition.
type Permission struct {
	Actions        []string
	NotActions     []string
	DataActions    []string
	NotDataActions []string
}

// Retired is a built-in role Azure has removed.
type Retired struct {
	ID, Name            string
	FirstSeen, LastSeen string // dates the role was first and last listed, YYYY-MM-DD
}

// Source is an input a catalog was built from, with its SHA-256 checksum in
// hex, so `lhlint version` can say exactly which data it judges roles by.
type Source struct {
	Name, SHA256 string
}

// history is what the role history knows of one role. It is kept apart from
// the roles so that it still applies, by GUID, to a fresher listing given
// with --roles.
type history struct {
	added                   string
	deprecated              bool
	gainedDataActions       string
	gainedRestrictedActions string
}

// Catalog is a read-only set of built-in roles; rules may share it.
type Catalog struct {
	date    string
	sources []Source
	roles   []*Role // sorted by name
	byID    map[string]*Role
	byName  map[string]*Role
	history map[string]history
	retired []*Retired // sorted by name; none of them is in roles
	retByID map[string]*Retired
	words   func() map[string][]namedRole // role names as words by last word, built on first use
	facts   func() map[*Role]*facts       // what rules ask of each role, by role, built on first use
}

// builtin parses builtinText (generate.go) once; the catalog is read-only
// afterwards.
var builtin = sync.OnceValue(func() *Catalog {
	c, err := parse(builtinText)
	if err != nil {
		// The embedded file is constant and a test parses it; this is a
		// build that skipped go generate after editing the format.
		panic("roles: embedded catalog: " + err.Error())
	}
	return c
})

// Builtin returns the catalog embedded in lhlint, parsed on first use.
func Builtin() *Catalog { return builtin() }

// newCatalog indexes roles and attaches the history to them. The history
// belongs to a role's GUID, not to a listing, so a fresher listing gets the
// same dates and deprecations as the embedded one.
// It fails when two roles, or two retired roles, have the same GUID.
func newCatalog(date string, sources []Source, roles []*Role, hist map[string]history, retired []*Retired) (*Catalog, error) {
	c := &Catalog{
		date:    date,
		sources: sources,
		roles:   roles,
		byID:    make(map[string]*Role, len(roles)),
		byName:  make(map[string]*Role, len(roles)),
		history: hist,
		retByID: make(map[string]*Retired, len(retired)),
	}
	c.words = sync.OnceValue(c.indexWords)
	c.facts = sync.OnceValue(c.indexFacts)
	if !slices.IsSortedFunc(roles, compareRoles) {
		slices.SortFunc(roles, compareRoles)
	}
	for _, r := range roles {
		if h, ok := hist[r.ID]; ok {
			r.Added = h.added
			r.Deprecated = r.Deprecated || h.deprecated
			r.GainedDataActions = h.gainedDataActions
			r.GainedRestrictedActions = h.gainedRestrictedActions
		}
		if c.byID[r.ID] != nil {
			return nil, fmt.Errorf("role %s appears twice", r.ID)
		}
		c.byID[r.ID] = r
		// Sorted order makes the first of two equal names win, whatever the
		// input order.
		if _, dup := c.byName[r.Name]; !dup {
			c.byName[r.Name] = r
		}
	}
	retired = slices.Clone(retired)
	slices.SortFunc(retired, func(a, b *Retired) int {
		return cmp.Or(compareFold(a.Name, b.Name), strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	for _, r := range retired {
		if c.retByID[r.ID] != nil {
			return nil, fmt.Errorf("retired role %s appears twice", r.ID)
		}
		// A role that is listed again is not retired.
		if c.byID[r.ID] == nil {
			c.retired = append(c.retired, r)
			c.retByID[r.ID] = r
		}
	}
	return c, nil
}

// compareRoles orders roles as the reference file and the generator do: by
// name ignoring case, then by name, then by GUID.
func compareRoles(a, b *Role) int {
	return cmp.Or(
		compareFold(a.Name, b.Name),
		strings.Compare(a.Name, b.Name),
		strings.Compare(a.ID, b.ID))
}

// compareFold is strings.Compare(strings.ToLower(a), strings.ToLower(b))
// without allocating for the ASCII prefix, which is all of nearly every
// name: sorting the catalog with ToLower took a fifth of its parse time.
func compareFold(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		ca, cb := a[i], b[i]
		if ca >= utf8.RuneSelf || cb >= utf8.RuneSelf {
			return strings.Compare(strings.ToLower(a[i:]), strings.ToLower(b[i:]))
		}
		if 'A' <= ca && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if 'A' <= cb && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return cmp.Compare(ca, cb)
		}
	}
	return cmp.Compare(len(a), len(b))
}

// Date returns the date of the catalog's data, YYYY-MM-DD: the day the
// listing was taken, or for a catalog from ParseAzureCLI the newest
// updatedOn date in it ("" if it has none).
func (c *Catalog) Date() string { return c.date }

// Sources returns the inputs the catalog was built from.
func (c *Catalog) Sources() []Source { return slices.Clone(c.sources) }

// Len returns the number of roles in the catalog.
func (c *Catalog) Len() int { return len(c.roles) }

// All returns every role, sorted by name (case-insensitively, then by GUID).
// The slice is the caller's; the roles are shared and must not be modified.
func (c *Catalog) All() []*Role { return slices.Clone(c.roles) }

// Lookup returns the role ref names: a bare GUID in any case, or a role
// definition resource ID ending in one (see NormalizeID).
func (c *Catalog) Lookup(ref string) (*Role, bool) {
	if r, ok := c.byID[ref]; ok {
		// A GUID in lower case, as the catalog keys them and as nearly
		// every template writes them: rules look up every role of every
		// deployment, and normalising first cost a twentieth of a run.
		return r, true
	}
	id, ok := NormalizeID(ref)
	if !ok {
		return nil, false
	}
	r, ok := c.byID[id]
	return r, ok
}

// ByName returns the role with exactly this name.
func (c *Catalog) ByName(name string) (*Role, bool) {
	r, ok := c.byName[name]
	return r, ok
}

// ByNameFold returns the role whose name equals name ignoring case, for
// templates that wrote "reader" where Azure wants a GUID. An exact match
// wins over a case-insensitive one; among those, the first in name order.
func (c *Catalog) ByNameFold(name string) (*Role, bool) {
	if r, ok := c.byName[name]; ok {
		return r, true
	}
	// A scan costs microseconds and runs only for a reference that is not
	// a GUID; an index would cost every start-up more than that.
	for _, r := range c.roles {
		if strings.EqualFold(r.Name, name) {
			return r, true
		}
	}
	return nil, false
}

// LookupRetired returns the retired role ref names (a GUID or resource ID,
// as for Lookup). A role that the catalog lists is never retired.
func (c *Catalog) LookupRetired(ref string) (*Retired, bool) {
	id, ok := NormalizeID(ref)
	if !ok {
		return nil, false
	}
	r, ok := c.retByID[id]
	return r, ok
}

// AllRetired returns the retired roles, sorted by name.
func (c *Catalog) AllRetired() []*Retired { return slices.Clone(c.retired) }

// Search returns the roles whose name contains query, ignoring case, or whose
// GUID starts with it, sorted by name; an empty query matches every role.
// It serves `lhlint roles search`.
func (c *Catalog) Search(query string) []*Role {
	q := strings.ToLower(query)
	var out []*Role
	for _, r := range c.roles {
		if strings.HasPrefix(r.ID, q) || strings.Contains(strings.ToLower(r.Name), q) {
			out = append(out, r)
		}
	}
	return out
}
