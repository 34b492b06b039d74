package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/principals"
)

// The places a principal ID has in a registration definition, as messages
// name them.
const (
	permanentPrincipal = "principal"
	eligiblePrincipal  = "eligible principal"
	approverPrincipal  = "approver"
)

// principalRef is a principal ID the inventory rules look up: a GUID known
// exactly, with the place it has in the template. The rules leave other
// values to principal_id_not_guid and placeholder_value.
type principalRef struct {
	value   model.Value
	id      string // the GUID as written
	display string // principalIdDisplayName, "" when there is none
	place   string // permanentPrincipal, eligiblePrincipal or approverPrincipal
}

// inventoryRefs returns the principal IDs of authorizations, eligible
// authorizations and approvers, or nothing when the user gave no directory
// export.
func inventoryRefs(pass *lint.Pass) []principalRef {
	if pass.Principals == nil {
		return nil
	}
	var refs []principalRef
	add := func(v, display model.Value, place string) {
		if s, ok, guid := knownGUID(v); ok && guid {
			name, _ := display.Str()
			refs = append(refs, principalRef{v, s, name, place})
		}
	}
	for _, def := range pass.Template.Definitions {
		for _, a := range def.Authorizations {
			add(a.PrincipalID, a.PrincipalIDDisplayName, permanentPrincipal)
		}
		for _, e := range def.EligibleAuthorizations {
			add(e.PrincipalID, e.PrincipalIDDisplayName, eligiblePrincipal)
			if e.JITPolicy != nil {
				for _, ap := range e.JITPolicy.Approvers {
					add(ap.PrincipalID, ap.PrincipalIDDisplayName, approverPrincipal)
				}
			}
		}
	}
	return refs
}

// name names the principal in a message: its ID, with the display name the
// template gives it and, when it differs, the one the export has.
func (r principalRef) name(p *principals.Principal) string {
	s := r.place + " " + quote(r.id)
	exported := ""
	if p != nil {
		exported = p.DisplayName
	}
	switch {
	case r.display != "" && exported != "" && !strings.EqualFold(r.display, exported):
		s += " (" + quote(r.display) + ", exported as " + quote(exported) + ")"
	case r.display != "":
		s += " (" + quote(r.display) + ")"
	case exported != "":
		s += " (" + quote(exported) + ")"
	}
	return s
}
