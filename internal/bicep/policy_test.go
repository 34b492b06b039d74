package bicep

import (
	"testing"
)

// TestLoadPolicyDefinition follows the deployIfNotExists template of a
// policy definition written in Bicep: its registration resources are in a
// policy deployment at the subscription, their values spanned at the Bicep
// literals, and an ARM expression's error lands on its character in the
// Bicep string, past the escapes before it.
func TestLoadPolicyDefinition(t *testing.T) {
	d, fset := loadFilesWith(t, withJSON, map[string]string{
		"main.bicep": `targetScope = 'managementGroup'

resource policy 'Microsoft.Authorization/policyDefinitions@2021-06-01' = {
  name: 'delegate-to-fabrikam'
  properties: {
    policyType: 'Custom'
    mode: 'All'
    parameters: {
      offer: {
        type: 'String'
        defaultValue: 'Fabrikam operations'
      }
    }
    policyRule: {
      if: {
        field: 'type'
        equals: 'Microsoft.Resources/subscriptions'
      }
      then: {
        effect: 'deployIfNotExists'
        details: {
          type: 'Microsoft.ManagedServices/registrationDefinitions'
          deploymentScope: 'Subscription'
          deployment: {
            properties: {
              mode: 'incremental'
              parameters: {
                offer: {
                  value: '[parameters(\'offer\')]'
                }
              }
              template: {
                '$schema': 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#'
                contentVersion: '1.0.0.0'
                parameters: {
                  offer: {
                    type: 'string'
                  }
                }
                resources: [
                  {
                    type: 'Microsoft.ManagedServices/registrationDefinitions'
                    apiVersion: '2022-10-01'
                    name: '[guid(parameters(\'offer\'))]'
                    properties: {
                      registrationDefinitionName: '[parameters(\'offer\')]'
                      description: '[concat(\'Fabrikam\', ]'
                      managedByTenantId: '5e8a1c3d-2b7f-4d9e-a6c0-3f1b8e2d7a94'
                      authorizations: [
                        {
                          principalId: '9b2d4f6a-1c3e-4a5b-8d7f-0e2c4a6b8d1f'
                          principalIdDisplayName: 'Fabrikam Operators'
                          roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
                        }
                      ]
                    }
                  }
                ]
              }
            }
          }
        }
      }
    }
  }
}
`,
	})
	if len(d.Definitions) != 1 || len(d.Deployments) != 1 || !d.Deployments[0].Policy {
		t.Fatalf("got %d definitions in %d deployments, want 1 in a policy deployment", len(d.Definitions), len(d.Deployments))
	}
	def := d.Definitions[0]
	if def.Deployment != d.Deployments[0] {
		t.Errorf("the definition is not in the policy's deployment")
	}
	if got, want := def.OfferName.Text(), "Fabrikam operations"; got != want {
		t.Errorf("offer name %q, want %q from the policy parameter's default", got, want)
	}
	if got, want := at(fset, def.OfferName.Pos()), "main.bicep:11:23"; got != want {
		t.Errorf("offer name at %s, want %s, the policy parameter's default", got, want)
	}
	role := def.Grants()[0].RoleDefinitionID
	if got, want := at(fset, role.Pos()), "main.bicep:53:45"; got != want || !role.IsLiteral() {
		t.Errorf("role at %s (literal %v), want the Bicep literal at %s", got, role.IsLiteral(), want)
	}
	// '[concat(\'Fabrikam\', ]': the stray ] is the 21st character of the
	// expression, the 23rd of the literal's text, past its two escapes.
	if got, want := problems(fset, d), "main.bicep:47:59: "; len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("problems:\n%s\nwant one at %s", got, want)
	}
}
