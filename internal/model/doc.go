// Package model is the deployment model every rule reads: what one
// onboarding deployment creates, with each value known or unknown (with the
// reason), the span where it is written, and the hops it took to get there.
// Both loaders (ARM JSON and Bicep) build it; it imports nothing of lhlint's.
package model
