package schema

import (
	"encoding/json"
	"testing"
)

// BenchmarkTemplate validates a small onboarding template, as lint does
// for every template it reads.
func BenchmarkTemplate(b *testing.B) {
	const text = `{
  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"mspOfferName": {"type": "string"}, "managedByTenantId": {"type": "string"}, "authorizations": {"type": "array"}},
  "variables": {"name": "x"},
  "resources": [
    {"type": "Microsoft.ManagedServices/registrationDefinitions", "apiVersion": "2022-10-01", "name": "x", "properties": {"managedByTenantId": "x", "authorizations": []}},
    {"type": "Microsoft.ManagedServices/registrationAssignments", "apiVersion": "2022-10-01", "name": "y", "properties": {"registrationDefinitionId": "z"}}
  ]
}`
	s := Template()
	for b.Loop() {
		var doc any
		if err := json.Unmarshal([]byte(text), &doc); err != nil {
			b.Fatal(err)
		}
		if vs := s.Validate(doc); len(vs) > 0 {
			b.Fatal(vs)
		}
	}
}

// BenchmarkCompileSmall compiles what linting a small template needs: the
// template schema and those of the two registration resources at one API
// version, as the first validations of a process do.
func BenchmarkCompileSmall(b *testing.B) {
	for b.Loop() {
		c := newCompiler()
		c.compile(templateFile, "")
		c.compile(managedServiceFile, "#/$defs/registrationDefinitions@2022-10-01")
		c.compile(managedServiceFile, "#/$defs/registrationAssignments@2022-10-01")
	}
}

// BenchmarkCompileAll compiles every embedded schema.
func BenchmarkCompileAll(b *testing.B) {
	for b.Loop() {
		c := newCompiler()
		c.compile(configFile, "")
		c.compile(templateFile, "")
		c.compile(parametersFile, "")
		defs := docs()[base+managedServiceFile].raw.(map[string]any)["$defs"].(map[string]any)
		for name := range defs {
			c.compile(managedServiceFile, "#/$defs/"+name)
		}
	}
}
