// What the AVM registration-definition module deploys, written by hand,
// for the comparison with the model lhlint builds from the module's
// parameters.
targetScope = 'subscription'

param name string
param registrationDescription string
param managedByTenantId string
param authorizations array
param resourceGroupName string = ''

var definitionGuid = empty(resourceGroupName) ? guid(managedByTenantId, subscription().tenantId, subscription().subscriptionId) : guid(managedByTenantId, subscription().tenantId, subscription().subscriptionId, resourceGroupName)

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: definitionGuid
  properties: {
    registrationDefinitionName: name
    description: registrationDescription
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}

resource subscriptionAssignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = if (empty(resourceGroupName)) {
  name: definitionGuid
  properties: {
    registrationDefinitionId: definition.id
  }
}

module groupAssignment 'assignment.bicep' = if (!empty(resourceGroupName)) {
  name: 'assignment'
  scope: resourceGroup(resourceGroupName)
  params: {
    definitionId: definition.id
    assignmentName: definitionGuid
  }
}
