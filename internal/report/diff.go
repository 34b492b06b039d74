package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/lhlint/lhlint/internal/diff"
)

// DiffJSONVersion is the version of lhlint diff's json layout, which
// schema/diff.schema.json describes. It changes only when a field is
// renamed or removed or changes meaning.
const DiffJSONVersion = 1

// WriteDiff writes what lhlint diff found in format: text, markdown or
// json. Text and markdown start with the verdict; every value a template
// or a file name gave passes through Printable, MarkdownText or
// MarkdownCode, so that a template author cannot write a line that reads
// as part of the review.
func WriteDiff(w io.Writer, format string, r *diff.Result) error {
	if format == "json" {
		return writeDiffJSON(w, r)
	}
	d := &diffWriter{markdown: format == "markdown"}
	d.result(r)
	_, err := w.Write(d.b.Bytes())
	return err
}

func writeDiffJSON(w io.Writer, r *diff.Result) error {
	doc := struct {
		Version int `json:"version"`
		*diff.Result
	}{DiffJSONVersion, r}
	if doc.Deployments == nil {
		copied := *r
		copied.Deployments = []*diff.Deployment{}
		doc.Result = &copied
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// Verdict is the one line a reviewer reads first, such as "2 principals
// gain access, 1 elevation".
func Verdict(v diff.Verdict) string {
	if v.AccessChanges == 0 {
		return "no change in access"
	}
	var parts []string
	if v.PrincipalsGaining > 0 {
		parts = append(parts, plural(v.PrincipalsGaining, "principal gains", "principals gain")+" access")
	}
	if v.PrincipalsLosing > 0 {
		if len(parts) > 0 {
			parts = append(parts, plural(v.PrincipalsLosing, "loses", "lose")+" access")
		} else {
			parts = append(parts, plural(v.PrincipalsLosing, "principal loses", "principals lose")+" access")
		}
	}
	if len(parts) == 0 {
		parts = append(parts, plural(v.AccessChanges, "change", "changes")+" in access")
	}
	if v.Elevations == 0 {
		return strings.Join(append(parts, "no elevation"), ", ")
	}
	return strings.Join(append(parts, plural(v.Elevations, "elevation", "elevations")), ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// diffWriter writes a diff as text or markdown.
type diffWriter struct {
	b        bytes.Buffer
	markdown bool
}

func (d *diffWriter) result(r *diff.Result) {
	if d.markdown {
		fmt.Fprintf(&d.b, "**lhlint diff: %s**\n", Verdict(r.Verdict))
	} else {
		fmt.Fprintf(&d.b, "%s\n", Verdict(r.Verdict))
	}
	for _, dep := range r.Deployments {
		d.deployment(dep)
	}
}

func (d *diffWriter) deployment(dep *diff.Deployment) {
	var name string
	switch {
	case dep.New == nil:
		name = d.source(dep.Old)
	case dep.Old != nil && *dep.Old != *dep.New:
		name = d.source(dep.Old) + " -> " + d.source(dep.New)
	default:
		name = d.source(dep.New)
	}
	if d.markdown {
		fmt.Fprintf(&d.b, "\n### %s (%s)\n", name, dep.Status)
	} else {
		fmt.Fprintf(&d.b, "\n%s: %s\n", name, dep.Status)
	}
	for _, def := range dep.Definitions {
		d.offer(def)
		if d.markdown {
			d.b.WriteString("\n| change | what | before | after | elevation |\n| --- | --- | --- | --- | --- |\n")
		}
		for _, c := range def.Changes {
			d.change(c)
		}
	}
}

// offer names the registration definition whose changes follow, by its
// offer name (a deployment may hold several), and says where it is
// delegated: a role changed in a parameters file says nothing of the scope
// it applies on.
func (d *diffWriter) offer(def *diff.Definition) {
	if d.markdown {
		fmt.Fprintf(&d.b, "\nOffer **%s**, %s:\n", d.offerName(&def.Offer), d.where(def.Scopes))
	} else {
		fmt.Fprintf(&d.b, "  offer %s, %s\n", d.offerName(&def.Offer), d.where(def.Scopes))
	}
}

// placeNames are how a reader calls the places a definition is delegated
// on, with one value and with several, in the order they are shown.
var placeNames = []struct{ field, one, many string }{
	{"subscription", "subscription %s", "subscriptions %s"},
	{"resourceGroup", "resource group %s", "resource groups %s"},
	{"policy", "every subscription that policy %s is assigned to", "every subscription that policies %s are assigned to"},
}

// where says where a definition is delegated: "on resource groups rg-a,
// rg-b".
func (d *diffWriter) where(places []*diff.Place) string {
	if len(places) == 0 {
		return "on no scope (no assignment in the template references it)"
	}
	var parts []string
	for _, n := range placeNames {
		var values []string
		for _, p := range places {
			if p.Field == n.field {
				values = append(values, d.value(p.Value))
			}
		}
		switch len(values) {
		case 0:
		case 1:
			parts = append(parts, fmt.Sprintf(n.one, values[0]))
		default:
			parts = append(parts, fmt.Sprintf(n.many, strings.Join(values, ", ")))
		}
	}
	return "on " + strings.Join(parts, " and ")
}

// offerName shows an offer name as text: it is a name, not an ID.
func (d *diffWriter) offerName(v *diff.Value) string {
	if v.Known {
		return d.text(v.Text)
	}
	return d.value(v)
}

// source names a deployment's files.
func (d *diffWriter) source(s *diff.Source) string {
	t := d.code(s.Template)
	if s.Parameters == "" {
		return t + " with its default values"
	}
	return t + " with " + d.code(s.Parameters)
}

func (d *diffWriter) change(c *diff.Change) {
	what := d.what(c)
	before, after := d.value(c.Before), d.value(c.After)
	if c.Area == diff.Authorization || c.Area == diff.Eligible || c.Area == diff.DelegatedRole {
		before, after = d.role(c.Before), d.role(c.After)
	}
	if d.markdown {
		elevation := ""
		if c.Elevation != "" {
			elevation = "**elevation**: " + d.text(c.Elevation)
		}
		fmt.Fprintf(&d.b, "| %s | %s | %s | %s | %s |\n", c.Op, what, before, after, elevation)
		return
	}
	sign := map[diff.Op]string{diff.Add: "+", diff.Remove: "-", diff.Modify: "~"}[c.Op]
	line := fmt.Sprintf("    %s %s: ", sign, what)
	switch c.Op {
	case diff.Add:
		line += after
	case diff.Remove:
		line += before
	default:
		line += before + " -> " + after
	}
	if c.Elevation != "" {
		line += " [elevation: " + c.Elevation + "]"
	}
	d.b.WriteString(line + "\n")
}

// areaNames are how a reader calls the areas.
var areaNames = map[diff.Area]string{
	diff.Tenant:                 "managing tenant",
	diff.Scope:                  "scope",
	diff.Authorizations:         "authorizations",
	diff.Authorization:          "authorization",
	diff.DelegatedRole:          "delegated role",
	diff.EligibleAuthorizations: "eligible authorizations",
	diff.Eligible:               "eligible authorization",
	diff.JITPolicy:              "just-in-time",
	diff.OfferName:              "offer name",
	diff.Description:            "description",
}

// fieldNames are how a reader calls the fields of a scope or a
// just-in-time policy.
var fieldNames = map[string]string{
	"subscription":              "subscription",
	"resourceGroup":             "resource group",
	"policy":                    "policy",
	"maximumActivationDuration": "maximum activation duration",
	"multiFactorAuthProvider":   "MFA provider",
	"approver":                  "approver",
}

// what says what a change is about: its area and field, and the
// authorization it is in.
func (d *diffWriter) what(c *diff.Change) string {
	s := areaNames[c.Area]
	if c.Field != "" {
		s += " " + fieldNames[c.Field]
	}
	if c.Principal != nil {
		s += " of " + d.value(c.Principal)
	}
	if c.Role != nil {
		s += " as " + d.role(c.Role)
	}
	return s
}

// value shows a value: its name and ID, or why it is not known; "" for a
// side that does not have it.
func (d *diffWriter) value(v *diff.Value) string {
	switch {
	case v == nil:
		return ""
	case !v.Known && v.Reason == "":
		return "(not known before deployment)"
	case !v.Known:
		return "(not known before deployment: " + d.text(v.Reason) + ")"
	case v.Name != "":
		return d.text(v.Name) + " (" + d.code(v.Text) + ")"
	}
	return d.code(v.Text)
}

// role shows a role by its name in the role catalog, which says what the
// GUID is; a role the catalog does not name shows as value does.
func (d *diffWriter) role(v *diff.Value) string {
	if v != nil && v.Known && v.Name != "" {
		return d.text(v.Name)
	}
	return d.value(v)
}

func (d *diffWriter) text(s string) string {
	if d.markdown {
		return MarkdownText(s)
	}
	return Printable(s)
}

func (d *diffWriter) code(s string) string {
	if d.markdown {
		return MarkdownCode(s)
	}
	return Printable(s)
}
