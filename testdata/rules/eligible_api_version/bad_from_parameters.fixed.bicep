targetScope = 'subscription'

param mspOfferName string = 'Relecloud managed services'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'
param authorizations array
param eligibleAuthorizations array

var definitionName = guid(mspOfferName)
var assignmentName = guid(mspOfferName)

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: mspOfferName
    description: 'Managed operations by Relecloud'
    managedByTenantId: managedByTenantId
    authorizations: authorizations
    eligibleAuthorizations: eligibleAuthorizations
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2019-06-01' = {
  name: assignmentName
  properties: {
    registrationDefinitionId: definition.id
  }
}
