// What the AVM registration-definition module deploys, written by hand,
// for the comparison with the model lhlint builds from the module's
// parameters.
targetScope = 'subscription'

param name string
param registrationDescription string
param managedByTenantId string
param authorizations array
param resourceGroupName string = ''

var registrationId = empty(resourceGroupName) ? guid(managedByTenantId, subscription().tenantId, subscription().subscriptionId) : guid(managedByTenantId, subscription().tenantId, subscription().subscriptionId, resourceGroupName)

resource registrationDefinition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: registrationId
  properties: {
    registrationDefinitionName: name
    description: registrationDescription
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}

resource registrationAssignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = if (empty(resourceGroupName)) {
  name: registrationId
  properties: {
    registrationDefinitionId: registrationDefinition.id
  }
}

module registrationAssignmentGroup 'assignment.bicep' = if (!empty(resourceGroupName)) {
  name: 'assignment'
  scope: resourceGroup(resourceGroupName)
  params: {
    registrationDefinitionId: registrationDefinition.id
    registrationAssignmentId: registrationId
  }
}
