targetScope = 'subscription'

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: '6b0f2d4e-9a1c-4e7b-8d3f-5c2a1e0b9d87'
  properties: {
    registrationDefinitionName: 'Fabrikam platform operations'
    managedByTenantId: '2f9c6b1e-7d4a-4c38-9e51-0a8b3c7d6e21'
    authorizations: [
      {
        principalId: 'c4a1e7d2-3b9f-4a60-8e15-7d2c9b0a6f31'
        principalIdDisplayName: 'Fabrikam NOC'
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      }
      {
        principalId: 'c4a1e7d2-3b9f-4a60-8e15-7d2c9b0a6f31'
        principalIdDisplayName: 'Fabrikam NOC'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
      {
        principalId: 'e8b3f1a0-6d2c-4f97-a5e4-1c0b9d8e7f62'
        principalIdDisplayName: 'Fabrikam break-glass admins'
        #disable-next-line owner_role ownerrole // the customer approved break-glass Owner access (CHG-2291)
        roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
      }
    ]
  }
}
