using './main.bicep'

param mspOfferName = 'Northwind Cloud Desk'
param mspOfferDescription = 'Service desk access for Northwind'
param managedByTenantId = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'
param authorizations = [
  {
    principalId: 'f0e1d2c3-b4a5-4968-8776-655443322110'
    principalIdDisplayName: 'Northwind Desk'
    roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
  }
  {
    principalId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
    principalIdDisplayName: 'Northwind Escalation'
    roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  }
]
