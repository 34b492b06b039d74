package diff

// Verdict counts what a reviewer must look at first.
type Verdict struct {
	// PrincipalsGaining and PrincipalsLosing count the principals that gain
	// or lose all access to a registration definition: not on the other
	// side in its permanent or eligible authorizations.
	PrincipalsGaining int `json:"principalsGainingAccess"`
	PrincipalsLosing  int `json:"principalsLosingAccess"`
	// Elevations counts the changes that gain privilege.
	Elevations int `json:"elevations"`
	// AccessChanges counts the changes in who can do what: every change but
	// those of an offer's name and description.
	AccessChanges int `json:"accessChanges"`
}

func (v *Verdict) add(w *Verdict) {
	v.PrincipalsGaining += w.PrincipalsGaining
	v.PrincipalsLosing += w.PrincipalsLosing
	v.Elevations += w.Elevations
	v.AccessChanges += w.AccessChanges
}

// count adds c to the verdict.
func (v *Verdict) count(c *Change) {
	if c.Elevation != "" {
		v.Elevations++
	}
	if c.Area.Access() {
		v.AccessChanges++
	}
}
