package diff

import (
	"slices"
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
)

// comparer compares the definitions of one pair of deployments.
type comparer struct {
	roles   *roles.Catalog
	verdict Verdict
	changes []*Change // of the definition being compared
}

// emit keeps c, counted in the verdict.
func (c *comparer) emit(ch *Change) {
	c.changes = append(c.changes, ch)
	c.verdict.count(ch)
}

// definition compares od, a definition of o, with nd, one of n; any of
// them may be nil. The changes come in the order of the Area constants.
func (c *comparer) definition(o *model.Deployment, od *model.Definition, n *model.Deployment, nd *model.Definition) *Definition {
	c.changes = nil
	old, new := sideOf(o, od), sideOf(n, nd)
	c.tenant(old, new, od != nil)
	c.scopes(old.scopes, new.scopes, od != nil)
	c.principals(old, new)
	had := slices.Concat(old.auths.items, old.eligible.items)
	c.grantList(Authorizations, Authorization, old.auths, new.auths, had)
	c.grantList(EligibleAuthorizations, Eligible, old.eligible, new.eligible, had)
	c.field(OfferName, "", old.offer, new.offer, false)
	c.field(Description, "", old.description, new.description, false)
	shown := old
	if nd != nil {
		shown = new
	}
	return &Definition{Offer: *valueOf(shown.offer), Scopes: where(shown.scopes), Changes: c.changes}
}

// side is what a definition delegates, read from the model once.
type side struct {
	tenant, offer, description model.Value
	scopes                     []scope
	auths, eligible            grants
}

// grants is a list of permanent or eligible authorizations.
type grants struct {
	list  model.Value // the array as written
	items []grant
}

// grant is one authorization with what is compared beyond its principal
// and role: the roles it may assign, its just-in-time policy.
type grant struct {
	*model.Grant
	delegated []model.Value
	policy    *model.JITPolicy
}

func sideOf(d *model.Deployment, def *model.Definition) side {
	if def == nil {
		return side{}
	}
	s := side{
		tenant: def.ManagedByTenantID, offer: def.OfferName, description: def.Description,
		scopes:   scopesOf(d, def),
		auths:    grants{list: def.AuthorizationsValue},
		eligible: grants{list: def.EligibleValue},
	}
	for _, a := range def.Authorizations {
		s.auths.items = append(s.auths.items, grant{Grant: &a.Grant, delegated: a.DelegatedRoleDefinitionIDs})
	}
	for _, e := range def.EligibleAuthorizations {
		s.eligible.items = append(s.eligible.items, grant{Grant: &e.Grant, policy: e.JITPolicy})
	}
	return s
}

// field reports a change of a single value, compared ignoring case when
// fold is set, and returns it; nil when the value does not change.
func (c *comparer) field(area Area, name string, old, new model.Value, fold bool) *Change {
	ch := fieldChange(area, name, old, new, fold)
	if ch != nil {
		c.emit(ch)
	}
	return ch
}

// fieldChange returns the change of a single value, nil when there is none:
// added when it was not written before, removed when it is not written now.
func fieldChange(area Area, name string, old, new model.Value, fold bool) *Change {
	if key(old, fold) == key(new, fold) {
		return nil
	}
	ch := &Change{Area: area, Field: name, Op: Modify}
	switch {
	case old.IsMissing():
		ch.Op, ch.After = Add, valueOf(new)
	case new.IsMissing():
		ch.Op, ch.Before = Remove, valueOf(old)
	default:
		ch.Before, ch.After = valueOf(old), valueOf(new)
	}
	return ch
}

// tenant reports a change of managedByTenantId. A new tenant gains every
// role of the definition at once; in a new definition the principals say
// so instead.
func (c *comparer) tenant(old, new side, existed bool) {
	ch := c.field(Tenant, "", old.tenant, new.tenant, true)
	if ch == nil || !existed || new.tenant.IsMissing() {
		return
	}
	if new.tenant.IsUnknown() {
		ch.Elevation = "the managing tenant is not known before deployment"
	} else {
		ch.Elevation = "another tenant gains every role of the definition"
	}
	c.verdict.Elevations++
}

// principals counts the principals that gain or lose all access. When a
// list is not known on either side, no one can be counted.
func (c *comparer) principals(old, new side) {
	for _, list := range []model.Value{old.auths.list, old.eligible.list, new.auths.list, new.eligible.list} {
		if list.IsUnknown() {
			return
		}
	}
	before, after := old.principalKeys(), new.principalKeys()
	for k := range after {
		if !before[k] {
			c.verdict.PrincipalsGaining++
		}
	}
	for k := range before {
		if !after[k] {
			c.verdict.PrincipalsLosing++
		}
	}
}

func (s side) principalKeys() map[string]bool {
	keys := map[string]bool{}
	for _, g := range slices.Concat(s.auths.items, s.eligible.items) {
		keys[key(g.PrincipalID, true)] = true
	}
	return keys
}

// grantList compares two lists of authorizations. When either list is
// not known as a whole, only that is reported: lhlint cannot tell which
// authorization of the other side stays.
func (c *comparer) grantList(list, area Area, old, new grants, had []grant) {
	if old.list.IsUnknown() || new.list.IsUnknown() {
		if key(old.list, false) != key(new.list, false) {
			ch := &Change{Area: list, Op: Modify, Before: listValue(old), After: listValue(new)}
			if new.list.IsUnknown() {
				ch.Elevation = "who gains which role is not known before deployment"
			}
			c.emit(ch)
		}
		return
	}
	var details []*Change
	for _, p := range pairGrants(old.items, new.items) {
		c.grant(area, p[0], p[1], had)
		if p[1] != nil {
			details = append(details, c.details(p[0], p[1])...)
		}
	}
	for _, ch := range details {
		c.emit(ch)
	}
}

// listValue shows a list of authorizations: how many, or why it is not
// known.
func listValue(g grants) *Value {
	if g.list.IsUnknown() {
		return valueOf(g.list)
	}
	n := len(g.items)
	if n == 1 {
		return &Value{Known: true, Text: "1 authorization"}
	}
	return &Value{Known: true, Text: strconv.Itoa(n) + " authorizations"}
}

// pairGrants pairs the authorizations of two lists: by principal and role;
// then, of one principal, a role removed with a role added, in the order
// they are written, as a change of role. What is left is added or removed.
// The pairs come in the order of the new list, then the removed ones.
func pairGrants(old, new []grant) [][2]*grant {
	used := make([]bool, len(old))
	matched := make([]int, len(new))
	for j, n := range new {
		matched[j] = slices.IndexFunc(old, func(o grant) bool { return sameGrant(o, n) })
		if matched[j] >= 0 {
			used[matched[j]] = true
		}
	}
	for j, n := range new {
		if matched[j] >= 0 {
			continue
		}
		for i, o := range old {
			if !used[i] && key(o.PrincipalID, true) == key(n.PrincipalID, true) {
				used[i], matched[j] = true, i
				break
			}
		}
	}
	var pairs [][2]*grant
	for j := range new {
		p := [2]*grant{nil, &new[j]}
		if matched[j] >= 0 {
			p[0] = &old[matched[j]]
		}
		pairs = append(pairs, p)
	}
	for i := range old {
		if !used[i] {
			pairs = append(pairs, [2]*grant{&old[i], nil})
		}
	}
	return pairs
}

func sameGrant(a, b grant) bool {
	return key(a.PrincipalID, true) == key(b.PrincipalID, true) && roleKey(a.RoleDefinitionID) == roleKey(b.RoleDefinitionID)
}

// grant reports an authorization added, removed or given another role.
// had is every authorization of the old side, permanent and eligible, for
// the roles its principal had: a principal with a permanent role that
// becomes eligible for another is not new, and gains privilege only when
// the new role permits more.
func (c *comparer) grant(area Area, o, n *grant, had []grant) {
	switch {
	case o != nil && n != nil && sameGrant(*o, *n):
		return
	case o == nil:
		ch := &Change{Area: area, Op: Add, Principal: c.principal(n.Grant), After: c.role(n.RoleDefinitionID)}
		var roles []model.Value
		for _, g := range had {
			if key(g.PrincipalID, true) == key(n.PrincipalID, true) {
				roles = append(roles, g.RoleDefinitionID)
			}
		}
		if len(roles) == 0 {
			ch.Elevation = "a new principal gains access"
		} else {
			ch.Elevation = c.elevation(n.RoleDefinitionID, roles)
		}
		c.emit(ch)
	case n == nil:
		c.emit(&Change{Area: area, Op: Remove, Principal: c.principal(o.Grant), Before: c.role(o.RoleDefinitionID)})
	default:
		c.emit(&Change{Area: area, Op: Modify, Principal: c.principal(n.Grant),
			Before: c.role(o.RoleDefinitionID), After: c.role(n.RoleDefinitionID),
			Elevation: c.elevation(n.RoleDefinitionID, []model.Value{o.RoleDefinitionID})})
	}
}

// elevation says why role gains privilege over the roles a principal had,
// "" when one of them permits all it does. A role lhlint cannot read is an
// elevation: lhlint cannot show that it is not.
func (c *comparer) elevation(role model.Value, had []model.Value) string {
	if role.IsUnknown() {
		return "the role is not known before deployment"
	}
	id, _ := role.Str()
	r, ok := c.roles.Lookup(id)
	switch {
	case !ok:
		return "the role is not in the role catalog"
	case r.ID == roles.UserAccessAdministrator:
		return "User Access Administrator can assign roles"
	}
	var names []string
	for _, h := range had {
		hid, _ := h.Str()
		old, ok := c.roles.Lookup(hid)
		if ok && !r.Exceeds(old) {
			return ""
		}
		if name := c.role(h).display(); !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	if len(names) == 1 {
		return r.Name + " permits actions that " + names[0] + " does not"
	}
	return r.Name + " permits actions that none of " + strings.Join(names, ", ") + " does"
}

// details compares what an authorization holds beyond its principal and
// role, o being nil for a new one: the roles it may assign, its
// just-in-time policy.
func (c *comparer) details(o, n *grant) []*Change {
	var old grant
	if o != nil {
		old = *o
	}
	var out []*Change
	principal, role := c.principal(n.Grant), c.role(n.RoleDefinitionID)
	in := func(ch *Change) *Change {
		ch.Principal, ch.Role = principal, role
		return ch
	}
	for _, d := range keyed(old.delegated, n.delegated, roleKey) {
		ch := in(&Change{Area: DelegatedRole, Op: d.op})
		if d.op == Add {
			ch.After, ch.Elevation = c.role(d.v), "a User Access Administrator may assign a new role"
		} else {
			ch.Before = c.role(d.v)
		}
		out = append(out, ch)
	}
	if n.policy == nil && old.policy == nil {
		return out
	}
	op, np := policyOf(old.policy), policyOf(n.policy)
	for _, f := range []struct {
		name     string
		old, new model.Value
		weakens  func(old, new model.Value) string
	}{
		{"maximumActivationDuration", op.MaximumActivationDuration, np.MaximumActivationDuration, longer},
		{"multiFactorAuthProvider", op.MFAProvider, np.MFAProvider, withoutMFA},
	} {
		if ch := fieldChange(JITPolicy, f.name, f.old, f.new, true); ch != nil {
			if o != nil {
				ch.Elevation = f.weakens(f.old, f.new)
			}
			out = append(out, in(ch))
		}
	}
	unapproved := o != nil && len(op.Approvers) > 0 && len(np.Approvers) == 0 && !np.ApproversValue.IsUnknown()
	for _, d := range keyed(approverIDs(op), approverIDs(np), func(v model.Value) string { return key(v, true) }) {
		ch := in(&Change{Area: JITPolicy, Field: "approver", Op: d.op})
		a := c.approver(d.v, op, np)
		if d.op == Add {
			ch.After = a
		} else {
			ch.Before = a
		}
		if d.op == Remove && unapproved {
			ch.Elevation, unapproved = "activation no longer needs approval", false
		}
		out = append(out, ch)
	}
	return out
}

// The values Azure uses when a just-in-time policy does not write them.
const (
	defaultActivation = "PT8H"
	defaultMFA        = "None"
)

// longer says why a new maximumActivationDuration gains privilege: an
// activation may last longer, or lhlint cannot tell how long.
func longer(old, new model.Value) string {
	before, ok := model.ParseDuration(orDefault(old, defaultActivation))
	if !ok {
		return ""
	}
	if new.IsUnknown() {
		return "the activation duration is not known before deployment"
	}
	if after, ok := model.ParseDuration(orDefault(new, defaultActivation)); ok && after > before {
		return "activations last longer"
	}
	return ""
}

// withoutMFA says why a new multiFactorAuthProvider gains privilege: an
// activation that needed Microsoft Entra multifactor authentication no
// longer does, or lhlint cannot tell whether it does.
func withoutMFA(old, new model.Value) string {
	if !strings.EqualFold(orDefault(old, defaultMFA), "Azure") {
		return ""
	}
	if new.IsUnknown() {
		return "whether activation requires MFA is not known before deployment"
	}
	if !strings.EqualFold(orDefault(new, defaultMFA), "Azure") {
		return "activation no longer requires MFA"
	}
	return ""
}

// orDefault returns the text of v, or def when v is not written.
func orDefault(v model.Value, def string) string {
	if v.IsMissing() {
		return def
	}
	return v.Text()
}

// policyOf returns p, or an empty policy for an authorization that has
// none.
func policyOf(p *model.JITPolicy) *model.JITPolicy {
	if p == nil {
		return &model.JITPolicy{}
	}
	return p
}

func approverIDs(p *model.JITPolicy) []model.Value {
	var ids []model.Value
	for _, a := range p.Approvers {
		ids = append(ids, a.PrincipalID)
	}
	return ids
}

// approver shows the approver whose ID is id, with its display name from
// whichever policy has it.
func (c *comparer) approver(id model.Value, policies ...*model.JITPolicy) *Value {
	v := valueOf(id)
	for _, p := range policies {
		for _, a := range p.Approvers {
			if key(a.PrincipalID, true) == key(id, true) && v.Name == "" {
				v.Name = a.PrincipalIDDisplayName.Text()
			}
		}
	}
	return v
}

// keyedChange is a value added to or removed from a list.
type keyedChange struct {
	op Op
	v  model.Value
}

// keyed returns the values of new that old lacks, then those of old that
// new lacks, each once, compared by k.
func keyed(old, new []model.Value, k func(model.Value) string) []keyedChange {
	var out []keyedChange
	seen := map[string]bool{}
	has := func(list []model.Value, v model.Value) bool {
		return slices.ContainsFunc(list, func(w model.Value) bool { return k(w) == k(v) })
	}
	for _, v := range new {
		if !has(old, v) && !seen["+"+k(v)] {
			seen["+"+k(v)] = true
			out = append(out, keyedChange{Add, v})
		}
	}
	for _, v := range old {
		if !has(new, v) && !seen["-"+k(v)] {
			seen["-"+k(v)] = true
			out = append(out, keyedChange{Remove, v})
		}
	}
	return out
}

// principal shows the principal of g with its display name.
func (c *comparer) principal(g *model.Grant) *Value {
	v := valueOf(g.PrincipalID)
	if g.Object.IsUnknown() {
		v = valueOf(g.Object)
	}
	v.Name = g.PrincipalIDDisplayName.Text()
	return v
}

// role shows a role reference with the catalog's name for it.
func (c *comparer) role(ref model.Value) *Value {
	v := valueOf(ref)
	if id, ok := ref.Str(); ok {
		if r, ok := c.roles.Lookup(id); ok {
			v.Name = strings.TrimSpace(r.Name)
		}
	}
	return v
}

// display names a value in an elevation's reason.
func (v *Value) display() string {
	switch {
	case v.Name != "":
		return v.Name
	case !v.Known:
		return "an unknown role"
	}
	return v.Text
}
