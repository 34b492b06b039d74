param definitionId string
param assignmentName string

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: assignmentName
  properties: {
    registrationDefinitionId: definitionId
  }
}

resource assignment2 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid(assignmentName, 'again')
  properties: {
    registrationDefinitionId: definitionId
  }
}
