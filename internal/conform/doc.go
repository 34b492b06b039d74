// Package conform checks model values against the JSON Schemas of package
// schema and says where they break them: it builds the schema's document
// from a value (names compared ignoring case, unknown values never judged)
// and maps each violation back to the span of the offending key or value.
// JSON Pointers stay inside this package.
package conform
