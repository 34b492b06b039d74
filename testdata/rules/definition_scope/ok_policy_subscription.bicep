targetScope = 'managementGroup'

resource policy 'Microsoft.Authorization/policyDefinitions@2021-06-01' = {
  name: 'delegate-to-woodgrove'
  properties: {
    displayName: 'Delegate every subscription to Woodgrove'
    policyType: 'Custom'
    mode: 'All'
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
          existenceScope: 'Subscription'
          roleDefinitionIds: [
            '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
          ]
          deployment: {
            properties: {
              mode: 'incremental'
              template: {
                '$schema': 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#'
                contentVersion: '1.0.0.0'
                resources: [
                  {
                    type: 'Microsoft.ManagedServices/registrationDefinitions'
                    apiVersion: '2022-10-01'
                    name: '[guid(\'Woodgrove operations\')]'
                    properties: {
                      registrationDefinitionName: 'Woodgrove operations'
                      managedByTenantId: '5e8a1c3d-2b7f-4d9e-a6c0-3f1b8e2d7a94'
                      authorizations: [
                        {
                          principalId: '9b2d4f6a-1c3e-4a5b-8d7f-0e2c4a6b8d1f'
                          principalIdDisplayName: 'Woodgrove Operators'
                          roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
                        }
                      ]
                    }
                  }
                  {
                    type: 'Microsoft.ManagedServices/registrationAssignments'
                    apiVersion: '2022-10-01'
                    name: '[guid(\'Woodgrove operations\')]'
                    dependsOn: [
                      '[resourceId(\'Microsoft.ManagedServices/registrationDefinitions\', guid(\'Woodgrove operations\'))]'
                    ]
                    properties: {
                      registrationDefinitionId: '[resourceId(\'Microsoft.ManagedServices/registrationDefinitions\', guid(\'Woodgrove operations\'))]'
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
