targetScope = 'subscription'

param managedByTenantId string = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'
param authorizations array = [
  {
    principalId: 'f0e1d2c3-b4a5-4968-8776-655443322110'
    principalIdDisplayName: 'Fabrikam Operators'
    roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  }
  {
    principalId: 'f0e1d2c3-b4a5-4968-8776-655443322110'
    principalIdDisplayName: 'Fabrikam Operators'
    roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
  }
]

module registration 'registration.bicep' = {
  name: 'fabrikam-onboarding'
  params: {
    name: 'Fabrikam Managed Operations'
    registrationDescription: 'Operations access for Fabrikam'
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}
