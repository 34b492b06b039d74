targetScope = 'subscription'

param mspOfferName string = 'Relecloud managed services'

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid(mspOfferName))
  properties: {
    registrationDefinitionName: 'Relecloud ' mspOfferName
    managedByTenantId: '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'
    authorizations: []
  }
}
