targetScope = 'subscription'

param mspOfferName string = 'Tailspin managed services'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'
@allowed([
  'prod'
  'test'
])
param environment string = 'staging'
param reviewDays int = 'thirty'
param reviewHours int = 24 * 30
param offerLabel string = '${mspOfferName} (${environment})'

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid(mspOfferName)
  properties: {
    registrationDefinitionName: offerLabel
    managedByTenantId: managedByTenantId
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
  }
}
