targetScope = 'subscription'

param mspOfferName string = 'Relecloud managed services'
param managedByTenantId string = '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'

var definitionName = guid(mspOfferName)
var assignmentName = guid(mspOfferName)

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionName
  properties: {
    registrationDefinitionName: mspOfferName
    description: 'Managed operations by Relecloud'
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        principalId: '6b3f0c2d-9e8a-4d71-b5c4-1a2e3f4d5c6b'
        principalIdDisplayName: 'Relecloud NOC Readers'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: 'c8d7e6f5-a4b3-4c2d-9e1f-0a9b8c7d6e5f'
        principalIdDisplayName: 'Relecloud Operators'
        roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
      }
      {
        principalId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
        principalIdDisplayName: 'Relecloud Offboarding'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
      {
        principalId: '51000000-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 0'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000001-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 1'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000002-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 2'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000003-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 3'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000004-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 4'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000005-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 5'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000006-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 6'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000007-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 7'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000008-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 8'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000009-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 9'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '5100000a-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 10'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '5100000b-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 11'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '5100000c-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 12'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '5100000d-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 13'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '5100000e-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 14'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '5100000f-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 15'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000010-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 16'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '51000011-2c3d-4e5f-8a6b-7c8d9e0f1a2b'
        principalIdDisplayName: 'Relecloud Reader 17'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
    ]
  }
  plan: {
    name: 'relecloud-managed'
    product: 'relecloud-managed-services'
    publisher: 'relecloud'
    version: '1.0.0'
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: assignmentName
  properties: {
    registrationDefinitionId: definition.id
  }
}
