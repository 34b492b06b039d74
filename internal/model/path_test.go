package model

import (
	"go/token"
	"testing"
)

// TestPaths names values by where they sit in the deployment: a value of
// the parameters file by the parameter, a resource by its symbolic name or
// its index, and a value reached twice by its first name.
func TestPaths(t *testing.T) {
	next := token.Pos(1)
	span := func() Span {
		s := Span{StartPos: next, EndPos: next + 5}
		next += 10
		return s
	}
	role := LiteralString("Reader", span())
	auth := ObjectValue(Members{{Key: "roleDefinitionId", KeySpan: span(), Value: role}}, span())
	auths := ArrayValue([]Value{auth}, span())
	tenant := StringValue("2f4a9c1e-7b3d-4e6a-9f2c-5d8e1a3b7c90", span())
	props := ObjectValue(Members{
		{Key: "managedByTenantId", KeySpan: span(), Value: tenant},
		{Key: "authorizations", KeySpan: span(), Value: auths}, // flowed from the parameters file
	}, span())
	d := &Deployment{
		ParameterValues: []ParameterValue{{Name: "authorizations", Span: span(), Value: auths}},
		Definitions:     []*Definition{{Resource: Resource{Span: span(), Symbol: "definition", Properties: props}}},
		Assignments:     []*Assignment{{Resource: Resource{Span: span(), Name: StringValue("x", span())}}},
	}
	p := NewPaths(d)
	for _, tt := range []struct {
		at   Span
		want string
	}{
		{role.Span, "parameters.authorizations[0].roleDefinitionId"},
		{auth.Members()[0].KeySpan, "parameters.authorizations[0].roleDefinitionId"},
		{tenant.Span, "definitions.definition.properties.managedByTenantId"},
		{d.Assignments[0].Name.Span, "assignments[0].name"},
		{Span{StartPos: role.StartPos, EndPos: role.StartPos}, "parameters.authorizations[0].roleDefinitionId"},
		{span(), ""},
	} {
		if got := p.At(tt.at); got != tt.want {
			t.Errorf("At(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
}
