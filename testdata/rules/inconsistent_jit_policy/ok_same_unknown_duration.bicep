targetScope = 'subscription'

param mspOfferName string = 'Relecloud on-call escalation'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'
@description('How long an activated escalation lasts; set per customer at deployment')
param jitDuration string

var definitionName = guid(mspOfferName)
var escalationPolicy = {
  multiFactorAuthProvider: 'Azure'
  maximumActivationDuration: jitDuration
}

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: mspOfferName
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        principalId: '6b3f0c2d-9e8a-4d71-b5c4-1a2e3f4d5c6b'
        principalIdDisplayName: 'Relecloud NOC Readers'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
        principalIdDisplayName: 'Relecloud Offboarding'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
    eligibleAuthorizations: [
      {
        principalId: '6b3f0c2d-9e8a-4d71-b5c4-1a2e3f4d5c6b'
        principalIdDisplayName: 'Relecloud Escalation Day'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
        justInTimeAccessPolicy: escalationPolicy
      }
      {
        principalId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
        principalIdDisplayName: 'Relecloud Escalation Night'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
        justInTimeAccessPolicy: escalationPolicy
      }
    ]
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionId: definition.id
  }
}
