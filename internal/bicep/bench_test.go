package bicep

import (
	"fmt"
	"go/token"
	"strings"
	"testing"
)

// largeTemplate writes a template of n onboarding-shaped blocks: decorated
// parameters, variables with interpolation and lambdas, a loop, a
// conditional resource with a nested child, a module and outputs.
func largeTemplate(n int) []byte {
	var b strings.Builder
	b.WriteString("targetScope = 'subscription'\n\n")
	for i := range n {
		fmt.Fprintf(&b, `@description('The managing tenant of customer %[1]d.')
@minLength(36)
param tenant%[1]d string = '00000000-0000-0000-0000-%012[1]d'

@allowed([
  'Reader'
  'Contributor'
])
param tier%[1]d string = 'Reader'

var offer%[1]d = 'Fabrikam Ops ${tier%[1]d} %[1]d'
var grants%[1]d = map(range(0, 3), i => {
  principalId: guid('principal', string(i), '%[1]d')
  roleDefinitionId: i == 0 ? 'acdd72a7-3385-48ef-bd42-f606fba81ae7' : 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  principalIdDisplayName: 'Group ${i} of ${offer%[1]d}'
})

resource def%[1]d 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = if (length(grants%[1]d) > 0 && tier%[1]d != 'Owner') {
  name: guid(offer%[1]d, tenant%[1]d)
  properties: {
    registrationDefinitionName: offer%[1]d
    managedByTenantId: tenant%[1]d
    authorizations: grants%[1]d
    eligibleAuthorizations: [for (g, j) in grants%[1]d: {
      principalId: g.principalId
      roleDefinitionId: g.?roleDefinitionId ?? ''
      justInTimeAccessPolicy: { multiFactorAuthProvider: 'Azure', maximumActivationDuration: 'PT8H' }
    }]
  }
}

module rg%[1]d './rg.bicep' = [for k in range(0, 2): {
  name: 'rg-%[1]d-${k}'
  scope: resourceGroup('rg-${k}')
  params: {
    definitionId: def%[1]d.id
  }
}]

output id%[1]d string = def%[1]d.id
/* block %[1]d */

`, i)
	}
	return []byte(b.String())
}

// BenchmarkParse measures the parser alone (lexing included) in MB/s.
func BenchmarkParse(b *testing.B) {
	src := largeTemplate(2000)
	if f := Parse(token.NewFileSet(), "large.bicep", src); len(f.Errors) > 0 {
		b.Fatalf("the generated template has %d syntax errors, the first: %s", len(f.Errors), f.Errors[0].Msg)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(token.NewFileSet(), "large.bicep", src)
	}
}

// BenchmarkClassify measures what discovery spends on each Bicep file: a
// template and a parameters file of the bench corpus's shape.
func BenchmarkClassify(b *testing.B) {
	var params strings.Builder
	params.WriteString("using './main.bicep'\n\nparam mspOfferName = 'Fabrikam Ops'\nparam authorizations = [\n")
	for i := range 8 {
		fmt.Fprintf(&params, "  {\n    principalId: '%08d-0000-4000-8000-000000000000'\n    principalIdDisplayName: 'Fabrikam operators %d'\n    roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'\n  }\n", i, i)
	}
	params.WriteString("]\n")
	for _, file := range []struct {
		name string
		src  []byte
	}{{"template", largeTemplate(2)}, {"parameters", []byte(params.String())}} {
		b.Run(file.name, func(b *testing.B) {
			b.SetBytes(int64(len(file.src)))
			b.ReportAllocs()
			for b.Loop() {
				Classify(file.src)
			}
		})
	}
}
