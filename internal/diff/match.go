package diff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// Side is one deployment of one version.
type Side struct {
	Source     Source
	Deployment *model.Deployment
	Roles      *roles.Catalog // the catalog its configuration names roles with
}

// Compare pairs the deployments of the old and the new version and returns
// those that change. A deployment pairs with the one of the same template
// and parameters file; one that is left pairs with one left on the other
// side whose registration definition has the same name, the guid() or GUID
// that identifies the definition to Azure, so that a renamed file is a
// change rather than a removal and an addition.
func Compare(old, new []Side) *Result {
	r := &Result{}
	oldLeft := map[int]bool{}
	for i := range old {
		oldLeft[i] = true
	}
	var newLeft []int
	for j, n := range new {
		i := slices.IndexFunc(old, func(o Side) bool { return o.Source == n.Source })
		if i < 0 || !oldLeft[i] {
			newLeft = append(newLeft, j)
			continue
		}
		delete(oldLeft, i)
		r.add(&old[i], &new[j])
	}
	for _, j := range newLeft {
		i := renamed(old, oldLeft, &new[j])
		if i < 0 {
			r.add(nil, &new[j])
			continue
		}
		delete(oldLeft, i)
		r.add(&old[i], &new[j])
	}
	for i := range old {
		if oldLeft[i] {
			r.add(&old[i], nil)
		}
	}
	slices.SortStableFunc(r.Deployments, func(a, b *Deployment) int {
		return cmp.Compare(sortKey(a), sortKey(b))
	})
	return r
}

// renamed returns the index of the deployment of old, among those left,
// whose definition names n's definitions have, or -1.
func renamed(old []Side, left map[int]bool, n *Side) int {
	names := definitionNames(n.Deployment)
	if len(names) == 0 {
		return -1
	}
	for i := range old {
		if left[i] && slices.Equal(definitionNames(old[i].Deployment), names) {
			return i
		}
	}
	return -1
}

// definitionNames returns the known names of d's definitions, in lower case
// as Azure compares them, sorted.
func definitionNames(d *model.Deployment) []string {
	var names []string
	for _, def := range d.Definitions {
		if def.Name.Kind() == model.String {
			names = append(names, strings.ToLower(def.Name.Text()))
		}
	}
	slices.Sort(names)
	return names
}

func sortKey(d *Deployment) string {
	s := d.New
	if s == nil {
		s = d.Old
	}
	return s.Template + "\x00" + s.Parameters
}

// add compares o with n, either of which may be nil, and keeps the
// deployment when something changes.
func (r *Result) add(o, n *Side) {
	c := &comparer{roles: roles.Builtin()}
	d := &Deployment{Status: Changed}
	var od, nd *model.Deployment
	if o != nil {
		od, d.Old, c.roles = o.Deployment, &o.Source, cmp.Or(o.Roles, c.roles)
	} else {
		d.Status = Added
	}
	if n != nil {
		nd, d.New, c.roles = n.Deployment, &n.Source, cmp.Or(n.Roles, c.roles)
	} else {
		d.Status = Removed
	}
	for _, p := range pairDefinitions(od, nd) {
		if def := c.definition(od, p[0], nd, p[1]); len(def.Changes) > 0 {
			d.Definitions = append(d.Definitions, def)
		}
	}
	if len(d.Definitions) > 0 || d.Status != Changed {
		r.Deployments = append(r.Deployments, d)
		r.Verdict.add(&c.verdict)
	}
}

// pairDefinitions pairs the definitions of o and n, either of which may be
// nil: by name, then the rest in the order they are written. A definition
// without a partner is paired with nil.
func pairDefinitions(o, n *model.Deployment) [][2]*model.Definition {
	var olds, news []*model.Definition
	if o != nil {
		olds = o.Definitions
	}
	if n != nil {
		news = n.Definitions
	}
	used := make([]bool, len(olds))
	var pairs [][2]*model.Definition
	var unnamed []*model.Definition
	for _, nd := range news {
		i := slices.IndexFunc(olds, func(od *model.Definition) bool {
			return od.Name.Kind() == model.String && strings.EqualFold(od.Name.Text(), nd.Name.Text()) && nd.Name.Kind() == model.String
		})
		if i < 0 || used[i] {
			unnamed = append(unnamed, nd)
			continue
		}
		used[i] = true
		pairs = append(pairs, [2]*model.Definition{olds[i], nd})
	}
	for _, nd := range unnamed {
		i := slices.Index(used, false)
		if i < 0 {
			pairs = append(pairs, [2]*model.Definition{nil, nd})
			continue
		}
		used[i] = true
		pairs = append(pairs, [2]*model.Definition{olds[i], nd})
	}
	for i, od := range olds {
		if !used[i] {
			pairs = append(pairs, [2]*model.Definition{od, nil})
		}
	}
	return pairs
}
