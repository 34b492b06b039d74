// Package model is the deployment model every rule reads: what one
// onboarding deployment creates, with each value known or unknown (with the
// reason), the span where it is written, and the hops it took to get there.
// The front-ends build it (docs/architecture.md, The front-end seam); it
// imports nothing of lhlint's.
package model
