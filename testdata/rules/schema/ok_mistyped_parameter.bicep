targetScope = 'subscription'

param mspOfferName string
param managedByTenantId string
param authorizations array

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: '4e8a2c6f-0b3d-4f7a-9c1e-5d7b9f3a1c8e'
  properties: {
    registrationDefinitionName: mspOfferName
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}
