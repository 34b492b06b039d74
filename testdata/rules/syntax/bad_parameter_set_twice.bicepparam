using './bad_parameter_set_twice.bicep'

param managedByTenantId = '6b2d9e4f-1a3c-4e8b-9d7f-2c5a8e1b3d64'
param authorizations = [
  {
    principalId: '9e1c4a7b-3d2f-4b6e-8a5c-7f0d2e9b1c43'
    principalIdDisplayName: 'Fabrikam Readers'
    roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
  }
  {
    principalId: '4c7a2e9d-8b1f-4d3a-a6e5-0b9c3f7d2e81'
    principalIdDisplayName: 'Fabrikam Delegation Admins'
    roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
  }
]
param ManagedByTenantID = '1f5e8a3c-9d2b-4c7e-b4a6-3e8d1f6c9a25'
