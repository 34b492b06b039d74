targetScope = 'subscription'

param authorizations array = []

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid('litware')
  properties: {
    registrationDefinitionName: 'Litware Support'
    managedByTenantId: '8c7b6a5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d'
    authorizations: concat([
      {
        principalId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
        principalIdDisplayName: 'Litware Support'
        roleDefinitionId: 'Contributor'
      }
    ], authorizations)
  }
}
