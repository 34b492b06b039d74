package principals

import (
	"slices"
	"strings"
)

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

	// Groups. SecurityEnabledKnown is false when the export leaves
	// securityEnabled out (a $select without it): then SecurityEnabled says
	// nothing.
	SecurityEnabled      bool
	SecurityEnabledKnown bool
	MailEnabled          bool
	GroupTypes           []string // "Unified" for a Microsoft 365 group

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

// Len returns the number of directory objects in the inventory.
func (inv *Inventory) Len() int {
	if inv == nil {
		return 0
	}
	return len(inv.byID)
}

// IsMicrosoft365Group reports whether p is a Microsoft 365 group: its
// groupTypes contain "Unified".
func (p *Principal) IsMicrosoft365Group() bool {
	for _, t := range p.GroupTypes {
		if strings.EqualFold(t, "Unified") {
			return true
		}
	}
	return false
}

// add puts p in the inventory. An object in two exports keeps the copy read
// last, unless only the earlier one says what kind of object it is.
func (inv *Inventory) add(p *Principal) {
	if old, ok := inv.byID[p.ID]; ok {
		if p.Kind == Unknown && old.Kind != Unknown {
			return
		}
		if old.AppID != "" {
			inv.byAppID[old.AppID] = slices.DeleteFunc(inv.byAppID[old.AppID], func(q *Principal) bool { return q == old })
			if len(inv.byAppID[old.AppID]) == 0 {
				delete(inv.byAppID, old.AppID)
			}
		}
	}
	inv.byID[p.ID] = p
	if p.AppID != "" {
		inv.byAppID[p.AppID] = append(inv.byAppID[p.AppID], p)
	}
}
