using './main.bicep'

param mspOfferName = 'Trey Research Managed Cloud - Wingtip Toys'
param mspOfferDescription = 'Monitoring, patching and backup of the Wingtip Toys storefront (contract TR-3107).'
param managedByTenantId = 'ecc56310-db8e-48e8-9a76-47a4748ae0d4'
param authorizations = [
  {
    principalId: '071af179-38f4-4055-b88e-72ca01a089ea'
    principalIdDisplayName: 'Trey NOC Tier 1'
    roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
  }
  {
    principalId: '804b0a36-2074-4a7d-a166-cfae9eb40326'
    principalIdDisplayName: 'Trey NOC Tier 2'
    roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  }
  {
    principalId: '5c798d83-3a40-41b9-8e95-8970af34d124'
    principalIdDisplayName: 'Trey Delegation Admins'
    roleDefinitionId: '91c1777a-f3dc-4fae-b103-61d183457e46'
  }
  {
    principalId: '7c45f39a-f27f-4a1f-9d55-38b34a7373b8'
    principalIdDisplayName: 'Trey Policy Remediation (service principal)'
    roleDefinitionId: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'
  }
]
