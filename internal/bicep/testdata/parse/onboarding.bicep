// Delegates a subscription of a fictional customer to Contoso Ops.
targetScope = 'subscription'

metadata info = {
  owner: 'contoso-ops'
}

@description('The managing tenant.')
@minLength(36)
param managedByTenantId string

@secure()
param note string = ''

@allowed([
  'Reader'
  'Contributor'
])
param tier string = 'Reader'

param authorizations array = [
  {
    principalId: '00000000-1111-2222-3333-444444444444'
    roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
    principalIdDisplayName: 'Ops Readers'
  }
]

var offerName = 'Contoso Ops ${tier}'
var definitionName = guid(offerName, managedByTenantId)

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: offerName
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid(definition.id)
  properties: {
    registrationDefinitionId: definition.id
  }
}

output definitionId string = definition.id
output name string = definition.properties.registrationDefinitionName
