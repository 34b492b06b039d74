package cli

import (
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
)

// compiledWithoutGenerator finds the ARM JSON templates compiled from a
// .bicep file beside them whose metadata._generator is gone (an older
// compiler, or stripped by hand), which would report every finding a
// second time, and marks them as compiled from Bicep, so that pairing
// skips them as it does a compiled template that says so. A JSON template
// counts as compiled from x.bicep only when it is x.json, declares the same
// parameters, and, both loaded with their defaults, declares the same
// registration resources with every value that identifies them known: a
// hand-written template that only resembles the Bicep one is linted.
func (d *discoverer) compiledWithoutGenerator() {
	sources := map[string]*file{} // found .bicep templates, by lower-case abs without extension
	for i := range d.files {
		if f := &d.files[i]; f.found() && f.info.Kind == frontend.Template && f.info.Onboarding && strings.EqualFold(filepath.Ext(f.abs), ".bicep") {
			sources[sourceKey(f.abs)] = f
		}
	}
	if len(sources) == 0 {
		return
	}
	for i := range d.files {
		t := &d.files[i]
		if t.info.Kind != frontend.Template || t.info.Generator != "" || !t.info.Onboarding || !strings.EqualFold(filepath.Ext(t.abs), ".json") {
			continue
		}
		src := sources[sourceKey(t.abs)]
		if src == nil || !sameParameters(src.info.Parameters, t.info.Parameters) {
			continue
		}
		if a, ok := registrations(src.path); ok {
			if b, ok := registrations(t.path); ok && a == b {
				t.info.Generator = "bicep"
			}
		}
	}
}

// sourceKey returns path without its extension, lower-case: a template
// and the one compiled from it share it.
func sourceKey(path string) string {
	return strings.ToLower(strings.TrimSuffix(path, filepath.Ext(path)))
}

// sameParameters reports whether a and b name the same parameters, in any
// order: the compiler keeps a Bicep template's parameter names.
func sameParameters(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// registrations loads the template at path with its defaults and returns
// what identifies the registration resources it declares, in an order of
// their own; false when it cannot be read or a value is unknown.
func registrations(path string) (string, bool) {
	content, err := readFile(path)
	if err != nil {
		return "", false
	}
	fe := frontends.For(path)
	d := fe.Load(fe.Parse(token.NewFileSet(), path, content), nil)
	var defs []string
	for _, def := range d.Definitions {
		parts := []string{def.Scope.Kind.String(), def.OfferName.Text(), def.ManagedByTenantID.Text()}
		known := def.OfferName.IsKnown() && def.ManagedByTenantID.IsKnown()
		var grants []string
		for _, g := range def.Grants() {
			known = known && g.PrincipalID.IsKnown() && g.RoleDefinitionID.IsKnown()
			grants = append(grants, strings.Join([]string{g.What(), g.PrincipalID.Text(), g.RoleDefinitionID.Text()}, " "))
		}
		if !known {
			return "", false
		}
		slices.Sort(grants)
		defs = append(defs, strings.Join(append(parts, grants...), "\n"))
	}
	for _, a := range d.Assignments {
		defs = append(defs, "assignment "+a.Scope.Kind.String())
	}
	slices.Sort(defs)
	return strings.Join(defs, "\n\n"), len(d.Definitions) > 0
}
