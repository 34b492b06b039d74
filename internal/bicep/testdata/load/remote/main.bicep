targetScope = 'subscription'

module delegation 'br:contoso.azurecr.io/bicep/lighthouse/onboard:1.4.0' = {
  name: 'contoso-onboarding'
  params: {
    tenant: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'
  }
}

module spec 'ts:00000000-0000-0000-0000-000000000000/rg-specs/lighthouse:2.0' = {
  name: 'spec-onboarding'
}
