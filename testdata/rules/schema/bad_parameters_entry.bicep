targetScope = 'subscription'

param mspOfferName string
param managedByTenantId string

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: '4e8a2c6f-0b3d-4f7a-9c1e-5d7b9f3a1c8e'
  properties: {
    registrationDefinitionName: mspOfferName
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-0f2a4c6e8b1d'
        principalIdDisplayName: 'Fabrikam NOC'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-0f2a4c6e8b1d'
        principalIdDisplayName: 'Fabrikam NOC'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
  }
}
