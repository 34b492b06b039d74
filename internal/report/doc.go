// Package report writes findings for people and machines: text (one line per
// finding, matched by the problem matcher), pretty (with the source line and
// a caret underline), JSON and SARIF 2.1.0. Positions arrive resolved, so
// writers never see token.Pos; columns count characters.
package report
