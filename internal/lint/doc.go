// Package lint runs rules over a deployment model. It defines the Rule and
// Pass types rules are written against, collects their diagnostics (the
// x/tools analysis types), checks every suggested fix when it is reported,
// and leaves levels and suppressions to the driver, never to the rules.
package lint
