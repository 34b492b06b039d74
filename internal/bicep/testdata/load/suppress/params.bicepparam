using './params.bicep'

param mspOfferName = 'Northwind Cloud Desk'
param mspOfferDescription = 'Service desk access for Northwind'
param managedByTenantId = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'
param authorizations = [
  {
    principalId: 'f0e1d2c3-b4a5-4968-8776-655443322110'
    principalIdDisplayName: 'Northwind Desk'
    roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
  }
  // lhlint-ignore: owner_role -- the escalation team holds Owner until the migration ends
  {
    principalId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
    principalIdDisplayName: 'Northwind Escalation'
    roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  }
  {
    principalId: 'f0e1d2c3-b4a5-4968-8776-655443322110'
    principalIdDisplayName: 'Northwind Desk'
    roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
  }
]
