targetScope = 'subscription'

param mspOfferName string = 'Relecloud managed services'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'

var definitionName = guid(mspOfferName)
var assignmentName = guid(mspOfferName)

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: mspOfferName
    description: 'Managed operations by Relecloud'
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        principalId: '6b3f0c2d-9e8a-4d71-b5c4-1a2e3f4d5c6b'
        principalIdDisplayName: 'Relecloud NOC Readers'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: 'c8d7e6f5-a4b3-4c2d-9e1f-0a9b8c7d6e5f'
        principalIdDisplayName: 'Relecloud Operators'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
      }
      {
        principalId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
        principalIdDisplayName: 'Relecloud Offboarding'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
    eligibleAuthorizations: [
      {
        principalId: 'c8d7e6f5-a4b3-4c2d-9e1f-0a9b8c7d6e5f'
        principalIdDisplayName: 'Relecloud Escalation'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
        justInTimeAccessPolicy: {
          multiFactorAuthProvider: 'Azure'
          maximumActivationDuration: 'PT8H'
        }
      }
    ]
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2019-09-01' = {
  name: assignmentName
  properties: {
    registrationDefinitionId: definition.id
  }
}
