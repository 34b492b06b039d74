// Package arm loads ARM JSON templates and parameters files into the
// deployment model. It reads JSON as Azure accepts it through
// internal/jsonc, which keeps every byte offset of the file's UTF-8 text,
// evaluates template expressions through internal/expr, expands copy loops
// and follows nested deployments. With internal/jsonc, it is the only
// package that imports gjson.
package arm
