using './onboarding.bicep'

param managedByTenantId = '00000000-1111-2222-3333-444444444444'
param tier = 'Contributor'
param note = readEnvironmentVariable('NOTE', '')
var base = 'Contoso'
param authorizations = [
  {
    principalId: '00000000-1111-2222-3333-555555555555'
    roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
    principalIdDisplayName: '${base} Readers'
  }
]
