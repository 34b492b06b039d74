package roles

// Well-known built-in roles, by their role definition GUID.
const (
	Owner                        = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" // Owner
	Contributor                  = "b24988ac-6180-42a0-ab88-20f7382dd24c" // Contributor
	Reader                       = "acdd72a7-3385-48ef-bd42-f606fba81ae7" // Reader
	UserAccessAdministrator      = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9" // User Access Administrator
	RegistrationAssignmentDelete = "91c1777a-f3dc-4fae-b103-61d183457e46" // Managed Services Registration assignment Delete Role
)

// Role is one built-in role definition.
type Role struct {
	ID             string // lower-case GUID
	Name           string
	Description    string
	Actions        []string
	NotActions     []string
	DataActions    []string
	NotDataActions []string
	Deprecated     bool
	Added          string // date the role was first seen, YYYY-MM-DD
	// GainedDataActions and GainedRestrictedActions are the dates the role
	// gained data actions or restricted actions after it was added, "" when it
	// had them from the start or never.
	GainedDataActions       string
	GainedRestrictedActions string
}

// Retired is a built-in role Azure has removed.
type Retired struct {
	ID, Name            string
	FirstSeen, LastSeen string
}

// Catalog is a read-only set of built-in roles; rules may share it.
type Catalog struct {
	date string
}

// Builtin returns the catalog embedded in lhlint, parsed once.
func Builtin() *Catalog { return &Catalog{} }

// Date returns the date of the catalog's data, YYYY-MM-DD.
func (c *Catalog) Date() string { return c.date }

// Lookup returns the role ref names: a bare GUID in any case, or a role
// definition resource ID ending in one.
func (c *Catalog) Lookup(ref string) (*Role, bool) { return nil, false }

// ByName returns the role with exactly this name.
func (c *Catalog) ByName(name string) (*Role, bool) { return nil, false }

// LookupRetired returns the retired role ref names.
func (c *Catalog) LookupRetired(ref string) (*Retired, bool) { return nil, false }
