targetScope = 'subscription'

param managedByTenantId string
param authorizations array
param resourceGroupName string

module registration 'registration.bicep' = {
  name: 'fabrikam-onboarding'
  params: {
    name: 'Fabrikam Managed Operations'
    registrationDescription: 'Operations access for Fabrikam'
    managedByTenantId: managedByTenantId
    authorizations: authorizations
    resourceGroupName: resourceGroupName
  }
}
