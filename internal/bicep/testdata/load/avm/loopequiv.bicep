targetScope = 'subscription'

param groups array = [
  'rg-fabrikam-web'
  'rg-fabrikam-data'
]

module registrations 'registration.bicep' = [for (group, i) in groups: if (i < 5) {
  name: 'onboard-${group}'
  params: {
    name: 'Fabrikam ${group}'
    registrationDescription: 'Operations access to ${group}'
    managedByTenantId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'
    authorizations: [
      {
        principalId: 'f0e1d2c3-b4a5-4968-8776-655443322110'
        principalIdDisplayName: 'Fabrikam Operators'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: 'f0e1d2c3-b4a5-4968-8776-655443322110'
        principalIdDisplayName: 'Fabrikam Operators'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
    resourceGroupName: group
  }
}]
