// Command gencatalog writes the role catalog package roles embeds, from the
// reference files in the folder -ref names. go generate ./roles runs it:
//
//	go run ./internal/gencatalog -ref ../../shared/reference -date 2026-08-22 -o catalog.txt
//
// -date is the date of the data (the listing date recorded in SOURCES.md);
// the JSON does not carry it. The output depends only on the inputs and the
// flags, so running it twice changes nothing.
package main
