param location string = resourceGroup().location
param names string[] = ['alpha', 'beta']
param deploy bool = true

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'fabrikam-vault'
}

resource account 'Microsoft.Storage/storageAccounts@2023-01-01' = if (deploy) {
  name: 'fabrikamstore'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }

  resource blobs 'blobServices' = {
    name: 'default'

    @batchSize(1)
    resource containers 'containers' = [for n in names: {
      name: n
    }]
  }
}

@batchSize(2)
resource groups 'Microsoft.Resources/resourceGroups@2024-03-01' = [for (n, i) in names: if (i > 0) {
  name: 'rg-${n}-${i}'
  location: location
}]

module child './child.bicep' = {
  name: 'child'
  scope: resourceGroup('rg-alpha')
  params: {
    blobId: account::blobs.id
    first: groups[0].name
    last: groups[^1].?name ?? 'none'
  }
}

module fromRegistry 'br/public:avm/res/managed-services/registration-definition:0.1.0' = [for i in range(0, 2): {
  params: {
    name: 'def-${i}'
  }
}]

output ids array = [for (n, i) in names: {
  index: i
  name: n
}]
output blobs resource 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = account::blobs
output vaultRef resource = vault
