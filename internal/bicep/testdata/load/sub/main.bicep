targetScope = 'subscription'

@description('Name of the offer the customer sees')
param mspOfferName string = 'Fabrikam Managed Operations'
param mspOfferDescription string = 'Monitoring and patching by Fabrikam'
param managedByTenantId string = '7b2c0e43-9f1a-4d5e-8c6b-2a1f3e4d5c6b'

var definitionName = guid(managedByTenantId, mspOfferName)

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: mspOfferName
    description: mspOfferDescription
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        principalId: '3f9a2b1c-5d4e-4f6a-8b7c-9d0e1f2a3b4c'
        principalIdDisplayName: 'Fabrikam Operators'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
      }
      {
        principalId: '6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b'
        principalIdDisplayName: 'Fabrikam Access Admins'
        roleDefinitionId: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'
        delegatedRoleDefinitionIds: [
          'acdd72a7-3385-48ef-bd42-f606fba81ae7'
        ]
      }
    ]
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid(definitionName, subscription().subscriptionId)
  properties: {
    registrationDefinitionId: definition.id
  }
}
