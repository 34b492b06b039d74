package roles

import _ "embed"

// The catalog is generated from the reference data beside the repository;
// the build only ever reads catalog.txt. -date is the day the role listing
// was taken (SOURCES.md), which the JSON does not record.
//go:generate go run ./internal/gencatalog -ref ../../shared/reference -date 2026-08-22 -o catalog.txt

// builtinText is the generated catalog.
//
//go:embed catalog.txt
var builtinText string
