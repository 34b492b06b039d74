// Package schema embeds the JSON Schemas lhlint validates against and
// returns their violations as JSON Pointer and message pairs, which callers
// map to positions in their files.
package schema
