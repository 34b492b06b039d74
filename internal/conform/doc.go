// Package conform checks model values against the JSON Schemas of package
// schema and says where they break them: it writes the schema's document
// from a value (names compared ignoring case, unknown values never judged,
// only what the schema looks at), validates it through the run's memo, and
// maps each violation back to the span of the offending key or value.
// JSON Pointers stay inside this package.
package conform
