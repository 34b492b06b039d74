// Package arm loads ARM JSON templates and parameters files into the
// deployment model. It reads JSON as Azure accepts it (comments, trailing
// commas, a BOM, CRLF, UTF-16 with a BOM) with every byte offset of its
// UTF-8 text kept, evaluates template expressions through internal/expr,
// expands copy loops and follows nested deployments. It is the only package
// that imports gjson.
package arm
