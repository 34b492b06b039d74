// Package rules holds lhlint's rule catalog: one file per rule, each a
// lint.Rule value whose metadata is also its documentation, and All, the
// list the driver runs.
package rules
