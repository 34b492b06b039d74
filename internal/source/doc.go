// Package source turns input files into UTF-8 text (decoding UTF-16 ones),
// keeps that text next to its token.File in the shared token.FileSet, and
// turns token.Pos values into what output formats print: lines, columns
// counted in characters (or UTF-16 code units) and the text of a line.
package source
