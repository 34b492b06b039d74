targetScope = 'subscription'

param managedByTenantId string
param authorizations array

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: '3c8e1f5a-7b2d-4e9c-a1f6-8d4b2c0e7a95'
  properties: {
    registrationDefinitionName: 'Litware managed network'
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}
