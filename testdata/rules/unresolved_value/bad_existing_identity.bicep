targetScope = 'subscription'

resource automation 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-litware-automation'
  scope: resourceGroup('rg-litware-automation')
}

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: '3c8e1f5a-7b2d-4e9c-a1f6-8d4b2c0e7a95'
  properties: {
    registrationDefinitionName: 'Litware managed network'
    managedByTenantId: '0e7b3d9a-4c1f-4b8e-9d2a-6f5c3e1b8a07'
    authorizations: [
      {
        principalId: '6d9f2b4c-8e1a-4c3d-b5f7-2a0e9c4d6b18'
        principalIdDisplayName: 'Litware NOC'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: automation.properties.principalId
        principalIdDisplayName: 'Litware automation'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
  }
}
