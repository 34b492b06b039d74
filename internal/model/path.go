package model

import (
	"go/token"
	"strconv"
)

// Paths names the values of a deployment by where they sit in its
// structure rather than by line: "parameters.authorizations[2].principalId",
// "definitions[0].properties.managedByTenantId". A name survives lines
// moving above it and the file being renamed, so findings can be matched
// across runs (SARIF partialFingerprints, baselines). Every front-end builds
// the same model, so the names are the same for ARM JSON and Bicep.
type Paths struct {
	exact map[Span]string
	start map[token.Pos]string
}

// NewPaths indexes the values of d: the values a parameters file sets,
// the parameter declarations, and the registration resources and nested
// deployments, in that order. A value reached twice (a parameter's value in
// the definition it flows into) keeps its first name, which is where it is
// written when it comes from a parameters file.
func NewPaths(d *Deployment) *Paths {
	p := &Paths{exact: map[Span]string{}, start: map[token.Pos]string{}}
	for _, v := range d.ParameterValues {
		p.add(v.Span, "parameters."+v.Name)
		p.value(v.Value, "parameters."+v.Name)
	}
	for _, par := range d.Parameters {
		p.add(par.Span, "parameters."+par.Name)
		p.value(par.Decl, "parameters."+par.Name)
	}
	for i, def := range d.Definitions {
		p.resource(&def.Resource, "definitions", i)
	}
	for i, a := range d.Assignments {
		p.resource(&a.Resource, "assignments", i)
	}
	for i, nd := range d.Deployments {
		p.resource(&nd.Resource, "deployments", i)
	}
	return p
}

// At returns the name of the value written exactly at span, else of the
// value that starts where span starts, else "".
func (p *Paths) At(span Span) string {
	if name, ok := p.exact[span]; ok {
		return name
	}
	return p.start[span.StartPos]
}

// resource names r by its symbolic name when it has one, which stays when
// resources are reordered, else by its index among the resources of its kind.
func (p *Paths) resource(r *Resource, kind string, i int) {
	at := kind + "[" + strconv.Itoa(i) + "]"
	if r.Symbol != "" {
		at = kind + "." + r.Symbol
	}
	p.add(r.Span, at)
	p.value(r.Type, at+".type")
	p.value(r.APIVersion, at+".apiVersion")
	p.value(r.Name, at+".name")
	p.value(r.Properties, at+".properties")
}

// value names v and, for arrays and objects, what it holds. A span already
// named is not walked again, so values shared by the copies of a loop cost
// one walk.
func (p *Paths) value(v Value, at string) {
	if !v.IsValid() || !p.add(v.Span, at) {
		return
	}
	for i, item := range v.RawItems() {
		p.value(item, at+"["+strconv.Itoa(i)+"]")
	}
	for _, m := range v.Members() {
		p.add(m.KeySpan, at+"."+m.Key)
		p.value(m.Value, at+"."+m.Key)
	}
}

// add names span unless it has a name, and reports whether it did.
func (p *Paths) add(span Span, at string) bool {
	if !span.IsValid() {
		return false
	}
	if _, ok := p.exact[span]; ok {
		return false
	}
	p.exact[span] = at
	if _, ok := p.start[span.StartPos]; !ok {
		p.start[span.StartPos] = at
	}
	return true
}
