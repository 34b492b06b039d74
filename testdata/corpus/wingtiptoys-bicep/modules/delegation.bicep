targetScope = 'subscription'

param mspOfferName string
param mspOfferDescription string
param managedByTenantId string
param authorizations array

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: 'wingtiptoys-${mspOfferName}'
  properties: {
    registrationDefinitionName: mspOfferName
    description: mspOfferDescription
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid(mspOfferName, managedByTenantId)
  properties: {
    registrationDefinitionId: definition.id
  }
}

output definitionId string = definition.id
