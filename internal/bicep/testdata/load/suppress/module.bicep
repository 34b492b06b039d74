targetScope = 'subscription'

// The Owner grant and its suppression are in the module.
module onboarding 'comment.bicep' = {
  name: 'onboarding'
}
