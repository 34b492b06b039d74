targetScope = 'subscription'

param mspOfferName string = 'Fabrikam managed services'
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
    description: 'Managed operations by Fabrikam'
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        principalId: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8'
        principalIdDisplayName: 'Fabrikam Operators'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
      }
      {
        principalId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
        principalIdDisplayName: 'Fabrikam Offboarding'
        roleDefinitionId: rolesDeployment.properties.outputs.offboardingRole.value
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
