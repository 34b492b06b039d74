package conform

import (
	"go/token"
	"testing"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/jsonc"
	"github.com/lhlint/lhlint/schema"
)

// BenchmarkCheck checks a small onboarding template's envelope as the
// schema rule does for every template: through the run's memo, which has
// seen its shape before.
func BenchmarkCheck(b *testing.B) {
	const text = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-08-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "mspOfferName": {"type": "string", "metadata": {"description": "The offer's name"}},
    "managedByTenantId": {"type": "string"},
    "authorizations": {"type": "array"}
  },
  "variables": {"definitionName": "[guid(parameters('mspOfferName'))]"},
  "resources": [
    {"type": "Microsoft.ManagedServices/registrationDefinitions", "apiVersion": "2022-10-01", "name": "[variables('definitionName')]",
     "properties": {"registrationDefinitionName": "[parameters('mspOfferName')]", "managedByTenantId": "[parameters('managedByTenantId')]", "authorizations": "[parameters('authorizations')]"}},
    {"type": "Microsoft.ManagedServices/registrationAssignments", "apiVersion": "2022-10-01", "name": "[variables('definitionName')]",
     "dependsOn": ["[resourceId('Microsoft.ManagedServices/registrationDefinitions', variables('definitionName'))]"],
     "properties": {"registrationDefinitionId": "[resourceId('Microsoft.ManagedServices/registrationDefinitions', variables('definitionName'))]"}}
  ]
}`
	doc, _ := jsonc.Parse(token.NewFileSet(), "main.json", []byte(text))
	for _, memo := range []*schema.Memo{nil, schema.NewMemo()} {
		name := "uncached"
		if memo != nil {
			name = "memo"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			opts := Options{Expression: expr.IsExpression, Memo: memo}
			for b.Loop() {
				if ps := Check(schema.Template(), doc.Root(), opts); len(ps) > 0 {
					b.Fatal(ps)
				}
			}
		})
	}
}
