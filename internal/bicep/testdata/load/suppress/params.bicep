targetScope = 'subscription'

param mspOfferName string
param mspOfferDescription string
param managedByTenantId string
param authorizations array

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid(mspOfferName)
  properties: {
    registrationDefinitionName: mspOfferName
    description: mspOfferDescription
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid(mspOfferName, subscription().subscriptionId)
  properties: {
    registrationDefinitionId: definition.id
  }
}
