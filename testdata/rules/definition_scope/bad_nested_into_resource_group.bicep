targetScope = 'subscription'

param mspOfferName string = 'Relecloud managed services'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'

var definitionName = guid(mspOfferName)
var assignmentName = guid(mspOfferName)

module onboarding 'modules/rg_onboarding.bicep' = {
  name: 'definition-in-rg'
  scope: resourceGroup('rg-relecloud')
  params: {
    mspOfferName: mspOfferName
    managedByTenantId: managedByTenantId
    definitionName: definitionName
    assignmentName: assignmentName
    definitionId: subscriptionResourceId('Microsoft.ManagedServices/registrationDefinitions', definitionName)
  }
}
