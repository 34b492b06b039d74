targetScope = 'subscription'

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: '4e8a2c6f-0b3d-4f7a-9c1e-5d7b9f3a1c8e'
  properties: {
    registrationDefinitionName: 'Tailspin operations'
    managedByTenantId: '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'
    authorizations: [
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-0f2a4c6e8b1d'
        principalIdDisplayName: 'Tailspin NOC'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-0f2a4c6e8b1d'
        principalIdDisplayName: 'Tailspin NOC'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
    eligibleAuthorizations: [
      {
        principalId: '9c5e7a1b-3f4d-4a2c-8e0b-2d4f6a8c0e3b'
        principalIdDisplayName: 'Tailspin on-call engineers'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
        justInTimeAccessPolicy: {
          maximumActivationDuration: 'PT2H'
          managedByTenantApprovers: [
            {
              principalIdDisplayName: 'Tailspin duty managers'
            }
          ]
        }
      }
    ]
  }
}
