package bicep

// Text returns the value of a string written without interpolation, and
// false for an interpolated one, whose value needs evaluation.
func (s *StringLit) Text() (string, bool) {
	if len(s.Holes) > 0 {
		return "", false
	}
	return s.Parts[0], true
}

// Name returns the name of the decorator without a namespace, so that
// @sys.description(...) and @description(...) both name "description", and
// "" for a decorator that is not a name or a call.
func (d *Decorator) Name() string {
	switch x := d.X.(type) {
	case *Ident:
		return x.Name
	case *Call:
		if x.X == nil {
			return x.Name.Name
		}
		if ns, ok := x.X.(*Ident); ok && ns.Name == "sys" {
			return x.Name.Name
		}
	case *Member:
		if ns, ok := x.X.(*Ident); ok && ns.Name == "sys" && x.Name != nil {
			return x.Name.Name
		}
	}
	return ""
}

// Args returns the arguments of a decorator written as a call, or nil.
func (d *Decorator) Args() []Expr {
	if c, ok := d.X.(*Call); ok {
		return c.Args
	}
	return nil
}

// FindDecorator returns the first decorator of ds with the given name (see
// Decorator.Name), or nil.
func FindDecorator(ds []*Decorator, name string) *Decorator {
	for _, d := range ds {
		if d.Name() == name {
			return d
		}
	}
	return nil
}
