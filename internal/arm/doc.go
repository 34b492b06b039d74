// Package arm loads ARM JSON templates and parameters files into the
// deployment model. It reads JSON as Azure accepts it (comments, trailing
// commas, a BOM, CRLF) with every byte offset kept, evaluates template
// expressions through internal/expr, expands copy loops and follows nested
// deployments. It is the only package that imports gjson.
package arm
