targetScope = 'subscription'

param managedByTenantId string = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9'
param principals array = [
  {
    id: '11111111-2222-4333-8444-555555555555'
    name: 'Adatum Night Shift'
  }
  {
    id: '66666666-7777-4888-9999-000000000000'
    name: 'Adatum Day Shift'
  }
]
param roles array = [
  'acdd72a7-3385-48ef-bd42-f606fba81ae7'
]

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid(managedByTenantId, 'adatum')
  properties: {
    registrationDefinitionName: 'Adatum Round the Clock'
    managedByTenantId: managedByTenantId
    authorizations: [for (p, i) in principals: {
      principalId: p.id
      principalIdDisplayName: '${p.name} #${i + 1}'
      roleDefinitionId: roles[0]
    }]
  }
}

resource assignments 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = [for n in range(0, 2): {
  name: guid(definition.name, string(n))
  properties: {
    registrationDefinitionId: definition.id
  }
}]
