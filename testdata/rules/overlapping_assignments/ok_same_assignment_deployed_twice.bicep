targetScope = 'subscription'

param mspOfferName string = 'Relecloud managed services'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'

// The second pass deploys the same definition and assignment again, as a
// test of redeployment does: Azure updates them.
@batchSize(1)
module onboarding 'modules/onboarding.bicep' = [for pass in ['first', 'again']: {
  name: 'relecloud-onboarding-${pass}'
  params: {
    mspOfferName: mspOfferName
    managedByTenantId: managedByTenantId
  }
}]
