targetScope = 'subscription'

param mspOfferName string = 'Fabrikam platform operations'
param managedByTenantId string = '5a1d9c3e-7b2f-4e8a-9d6c-3f0b1e2a4c5d'
param operatorGroups array = [
  {
    id: '9e4b2c7a-1d3f-4a5b-8c6d-7e8f9a0b1c2d'
    name: 'Fabrikam Platform Leads'
    role: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  }
]
param escalationGroups array = [
  {
    id: '3c5e7a9b-2d4f-4b6c-8e0a-1f3b5d7c9e2a'
    name: 'Fabrikam On-call'
    role: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  }
]

var definitionName = guid(mspOfferName)

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: mspOfferName
    managedByTenantId: managedByTenantId
    authorizations: [for group in operatorGroups: {
      principalId: group.id
      principalIdDisplayName: group.name
      roleDefinitionId: group.role
    }]
    eligibleAuthorizations: [for group in escalationGroups: {
      principalId: group.id
      principalIdDisplayName: group.name
      roleDefinitionId: group.role
      justInTimeAccessPolicy: {
        multiFactorAuthProvider: 'Azure'
        maximumActivationDuration: 'PT4H'
      }
    }]
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionId: definition.id
  }
}
