targetScope = 'subscription'

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: '1e5b9c3d-7f2a-4d8e-b0c6-4a2e8f1d5b93'
  properties: {
    registrationDefinitionName: 'Fabrikam security operations'
    managedByTenantId: '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'
    authorizations: [
      {
        principalId: '3b7d1f5a-9c2e-4a6b-8d0f-2e4a6c8b1d3f'
        principalIdDisplayName: 'Fabrikam SOC Sentinel Readers'
        roleDefinitionId: '8d289c81-5878-46d4-8554-54e1e3d8b5cb'
      }
      {
        principalId: '3b7d1f5a-9c2e-4a6b-8d0f-2e4a6c8b1d3f'
        principalIdDisplayName: 'Fabrikam SOC readers'
        roleDefinitionId: 'fa23ad8b-c56e-40d8-ac0c-ce449e1d2c64'
      }
      {
        principalId: '5d9f3b7c-1e4a-4c8d-a2b6-4f6c8e0a3b5d'
        principalIdDisplayName: 'Fabrikam Azure Sentinel Contributors'
        roleDefinitionId: 'ab8e14d6-4a74-4a29-9ba8-549422addade'
      }
      {
        principalId: '5d9f3b7c-1e4a-4c8d-a2b6-4f6c8e0a3b5d'
        principalIdDisplayName: 'Fabrikam playbook Automation Contributors'
        roleDefinitionId: 'f4c81013-99ee-4d62-a7ee-b3f1f648599a'
      }
    ]
  }
}
