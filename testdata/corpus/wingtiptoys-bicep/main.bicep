// Onboards the Wingtip Toys subscriptions to Trey Research's managed
// services. The registration resources live in modules/delegation.bicep.
targetScope = 'subscription'

@description('The offer name the customer sees in Service providers.')
param mspOfferName string

@description('What Trey Research does under this offer.')
param mspOfferDescription string

@description('The Trey Research tenant that manages the subscription.')
param managedByTenantId string

@description('The permanent authorizations of the offer.')
param authorizations array

module delegation 'modules/delegation.bicep' = {
  name: 'wingtiptoys-delegation'
  params: {
    mspOfferName: mspOfferName
    mspOfferDescription: mspOfferDescription
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}

output registrationDefinition string = delegation.outputs.definitionId
