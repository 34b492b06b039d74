targetScope = 'subscription'

param managedByTenantId string
param authorizations array
param resourceGroupName string

module registration 'br:mcr.microsoft.com/bicep/avm/res/managed-services/registration-definition:0.1.0' = {
  name: 'fabrikam-onboarding'
  params: {
    name: 'Fabrikam Managed Operations'
    registrationDescription: 'Operations access for Fabrikam'
    managedByTenantId: managedByTenantId
    authorizations: authorizations
    resourceGroupName: resourceGroupName
  }
}
