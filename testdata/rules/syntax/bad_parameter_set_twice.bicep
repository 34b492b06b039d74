targetScope = 'subscription'

param managedByTenantId string
param authorizations array

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid('Fabrikam operations')
  properties: {
    registrationDefinitionName: 'Fabrikam operations'
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}
