targetScope = 'subscription'

param mspOfferName string = 'Fabrikam managed operations'
param adminRoleId string

module onboard 'onboard.json' = {
  name: 'onboard'
  scope: subscription()
  params: {
    mspOfferName: mspOfferName
    adminRoleId: adminRoleId
  }
}
