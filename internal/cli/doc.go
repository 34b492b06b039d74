// Package cli is lhlint's command line: flags and subcommands, discovery
// of templates and parameters files, pairing them into deployments,
// linting those in parallel, writing the findings and choosing the exit
// code.
package cli
