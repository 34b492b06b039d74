targetScope = 'subscription'

param mspOfferName string = 'Woodgrove managed services'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'
param resourceGroupName string = ''

var definitionName = guid(mspOfferName)
var assignmentName = guid(mspOfferName)

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: mspOfferName
    description: 'Managed operations by Woodgrove'
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        principalId: '6b3f0c2d-9e8a-4d71-b5c4-1a2e3f4d5c6b'
        principalIdDisplayName: 'Woodgrove NOC Readers'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: 'c8d7e6f5-a4b3-4c2d-9e1f-0a9b8c7d6e5f'
        principalIdDisplayName: 'Woodgrove Operators'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
      }
      {
        principalId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
        principalIdDisplayName: 'Woodgrove Offboarding'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
  }
}

resource subscriptionAssignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = if (empty(resourceGroupName)) {
  name: assignmentName
  properties: {
    registrationDefinitionId: definition.id
  }
}

module rgAssignment 'modules/rg_assignment.bicep' = if (!empty(resourceGroupName)) {
  name: 'rg-assignment'
  scope: resourceGroup(resourceGroupName)
  params: {
    definitionId: definition.id
    assignmentName: assignmentName
  }
}
