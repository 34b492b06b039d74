param definitionId string
param assignmentName string

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: assignmentName
  properties: {
    registrationDefinitionId: definitionId
  }
}
