targetScope = 'subscription'

resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: '4e8a2c6f-0b3d-4f7a-9c1e-5d7b9f3a1c8e'
  properties: {
    registrationDefinitionName: 'Tailspin operations'
    description: 'Authorizations to be added later'
  }
}
