// Package principals reads a directory export of the managing tenant, so
// that rules can tell which kind of Microsoft Entra object each principal
// ID of a template is: a security group, a Microsoft 365 group, a user, a
// service principal or an application.
package principals

import "strings"

// Kind is the kind of directory object a principal ID names.
type Kind int8

// The kinds of directory objects an export holds.
const (
	Unknown Kind = iota
	User
	Group
	ServicePrincipal
	Application
)

var kindNames = [...]string{"unknown object", "user", "group", "service principal", "application"}

func (k Kind) String() string { return kindNames[k] }

// Principal is one directory object of an export.
type Principal struct {
	ID          string // the object ID, lower case
	Kind        Kind
	DisplayName string

	// Groups.
	SecurityEnabled bool
	MailEnabled     bool
	GroupTypes      []string // "Unified" for a Microsoft 365 group

	// Applications and service principals.
	AppID                string // the application (client) ID, lower case
	ServicePrincipalType string // "Application", "ManagedIdentity", …

	// Users.
	UserPrincipalName string
}

// Inventory is the directory objects of one or more exports, by ID.
type Inventory struct {
	byID    map[string]*Principal
	byAppID map[string][]*Principal // an application and its service principal share an app ID
}

// Lookup returns the object whose object ID is id, compared
// case-insensitively, or nil.
func (inv *Inventory) Lookup(id string) *Principal {
	if inv == nil {
		return nil
	}
	return inv.byID[strings.ToLower(id)]
}

// ByAppID returns the objects whose application (client) ID is appID: an
// application and its service principal.
func (inv *Inventory) ByAppID(appID string) []*Principal {
	if inv == nil {
		return nil
	}
	return inv.byAppID[strings.ToLower(appID)]
}

// New returns an empty inventory.
func New() *Inventory {
	return &Inventory{byID: map[string]*Principal{}, byAppID: map[string][]*Principal{}}
}
