targetScope = 'subscription'

param mspOfferName string = 'Tailspin Database Care'
param managedByTenantId string = '2d4f6a8c-0e1b-4c3d-9e5f-7a9b1c3d5e7f'
param rgNames array = [
  'rg-orders'
  'rg-billing'
]

var definitionName = guid(managedByTenantId, mspOfferName)

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: mspOfferName
    description: 'Database operations for ${mspOfferName}'
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        principalId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
        principalIdDisplayName: 'Tailspin DBAs'
        roleDefinitionId: '9b7fa17d-e63e-47b0-bb0a-15c516ac86ec'
      }
    ]
  }
}

resource subAssignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = if (empty(rgNames)) {
  name: guid(definitionName, subscription().subscriptionId)
  properties: {
    registrationDefinitionId: definition.id
  }
}

module rgAssignment './rgAssignment.bicep' = [for rg in rgNames: {
  name: 'lh-${rg}'
  scope: resourceGroup(rg)
  params: {
    registrationDefinitionId: definition.id
    assignmentName: guid(definitionName, rg)
  }
}]
