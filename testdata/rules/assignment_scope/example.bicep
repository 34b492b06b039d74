targetScope = 'managementGroup'

param mspOfferName string = 'Relecloud managed services'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'

var definitionName = guid(mspOfferName)
var assignmentName = guid(mspOfferName)

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: assignmentName
  properties: {
    registrationDefinitionId: '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e/providers/Microsoft.ManagedServices/registrationDefinitions/8d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f'
  }
}
