targetScope = 'subscription'

param mspOfferName string = 'Wingtip managed platform'

func roleFor(team string) string => team == 'platform' ? '8e3af657-a8ff-443c-a75c-2fe8c4bcb635' : 'b24988ac-6180-42a0-ab88-20f7382dd24c'

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid(mspOfferName)
  properties: {
    registrationDefinitionName: mspOfferName
    managedByTenantId: '4e8a1c3f-6b2d-4f9e-a7c5-3d1b9e2f8a64'
    authorizations: [
      {
        principalId: '7a2c4e6f-8b1d-4c3e-9f5a-2b4d6f8a1c3e'
        principalIdDisplayName: 'Wingtip Readers'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '2e4f6a8c-1b3d-4e5f-8a7c-9d1e3f5a7b2c'
        principalIdDisplayName: 'Wingtip Platform Team'
        roleDefinitionId: roleFor('platform')
      }
      {
        principalId: '5c7e9a1b-3d5f-4a7c-b9e1-4f6a8c2e4b6d'
        principalIdDisplayName: 'Wingtip Offboarding'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
  }
}
