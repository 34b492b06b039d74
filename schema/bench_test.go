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

// BenchmarkRead decodes the embedded schemas and reads them for
// validation, as the first validation of a process does.
func BenchmarkRead(b *testing.B) {
	for b.Loop() {
		read(decodeAll())
	}
}
