// Package jsonc reads JSON as Azure accepts it: comments, trailing commas,
// a UTF-8 byte order mark, CRLF, and UTF-16 with a byte order mark. It keeps
// every byte offset of the decoded UTF-8 text, says where and why a file is
// malformed, and builds the document as model values whose every node
// carries the span it is written at. The ARM front-end (internal/arm) and
// the .lhlint.json configuration both read their files through it.
package jsonc
