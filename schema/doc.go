// Package schema embeds the JSON Schemas lhlint validates against,
// validates decoded documents with its own interpreter of the keywords
// those schemas use (jsonschema/v5, in the tests only, is the reference it
// is held to), and returns the violations as JSON Pointer tokens and
// messages in lhlint's voice, which callers map to positions in their
// files.
package schema
