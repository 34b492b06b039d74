targetScope = 'subscription'

param mspOfferName string = 'Proseware Everything'
param principals array = [
  'proseware-admins'
  '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c'
]

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2019-09-01' = {
  name: guid(mspOfferName)
  plan: {
    name: 'proseware-plan'
    publisher: 'proseware'
    product: 'proseware-offer'
    version: '1.0.0'
  }
  properties: {
    registrationDefinitionName: mspOfferName
    managedByTenantId: subscription().tenantId
    authorizations: [
      {
        principalId: principals[0]
        roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
      }
      {
        principalId: principals[1]
        principalIdDisplayName: 'Proseware Access'
        roleDefinitionId: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'
      }
    ]
    eligibleAuthorizations: [
      {
        principalId: principals[1]
        principalIdDisplayName: 'Proseware On Call'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
        justInTimeAccessPolicy: {
          multiFactorAuthProvider: 'None'
          maximumActivationDuration: 'PT12H'
          managedByTenantApprovers: [
            {
              principalId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d'
              principalIdDisplayName: 'Proseware Approvers'
            }
          ]
        }
      }
    ]
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2019-09-01' = {
  name: 'proseware-assignment'
  properties: {
    registrationDefinitionId: definition.id
  }
}
