targetScope = 'subscription'

param mspOfferName string = 'Relecloud managed services'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'

var definitionName = guid(mspOfferName)
var assignmentName = guid(mspOfferName)

resource rolesDeployment 'Microsoft.Resources/deployments@2022-09-01' existing = {
  name: 'rolesDeployment'
}

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: mspOfferName
    description: 'Managed operations by Relecloud'
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        principalId: 'c8d7e6f5-a4b3-4c2d-9e1f-0a9b8c7d6e5f'
        principalIdDisplayName: 'Relecloud Operators'
        roleDefinitionId: rolesDeployment.properties.outputs.operatorRole.value
      }
    ]
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: assignmentName
  properties: {
    registrationDefinitionId: definition.id
  }
}
