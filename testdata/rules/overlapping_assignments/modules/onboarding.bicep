targetScope = 'subscription'

param mspOfferName string
param managedByTenantId string

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid(mspOfferName)
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
        principalId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
        principalIdDisplayName: 'Relecloud Offboarding'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid(mspOfferName, subscription().subscriptionId)
  properties: {
    registrationDefinitionId: definition.id
  }
}
