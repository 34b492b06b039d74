targetScope = 'subscription'

param inMarketplace bool = false

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: '4e8a2c6f-0b3d-4f7a-9c1e-5d7b9f3a1c8e'
  plan: if(inMarketplace, createObject('name', 'ops', 'product', 'tailspin-managed', 'publisher', 'tailspin', 'version', '1.0.0'), json('null'))
  properties: {
    registrationDefinitionName: 'Tailspin operations'
    managedByTenantId: '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'
    authorizations: [
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000000'
        principalIdDisplayName: 'Tailspin team 0'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000001'
        principalIdDisplayName: 'Tailspin team 1'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000002'
        principalIdDisplayName: 'Tailspin team 2'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000003'
        principalIdDisplayName: 'Tailspin team 3'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000004'
        principalIdDisplayName: 'Tailspin team 4'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000005'
        principalIdDisplayName: 'Tailspin team 5'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000006'
        principalIdDisplayName: 'Tailspin team 6'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000007'
        principalIdDisplayName: 'Tailspin team 7'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000008'
        principalIdDisplayName: 'Tailspin team 8'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000009'
        principalIdDisplayName: 'Tailspin team 9'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-00000000000a'
        principalIdDisplayName: 'Tailspin team 10'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-00000000000b'
        principalIdDisplayName: 'Tailspin team 11'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-00000000000c'
        principalIdDisplayName: 'Tailspin team 12'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-00000000000d'
        principalIdDisplayName: 'Tailspin team 13'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-00000000000e'
        principalIdDisplayName: 'Tailspin team 14'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-00000000000f'
        principalIdDisplayName: 'Tailspin team 15'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000010'
        principalIdDisplayName: 'Tailspin team 16'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000011'
        principalIdDisplayName: 'Tailspin team 17'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000012'
        principalIdDisplayName: 'Tailspin team 18'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000013'
        principalIdDisplayName: 'Tailspin team 19'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000014'
        principalIdDisplayName: 'Tailspin team 20'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000015'
        principalIdDisplayName: 'Tailspin team 21'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000016'
        principalIdDisplayName: 'Tailspin team 22'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000017'
        principalIdDisplayName: 'Tailspin team 23'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: '7a3c5e9b-1d2f-4b8a-8c6e-000000000018'
        principalIdDisplayName: 'Tailspin team 24'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
    ]
  }
}
