// Command lhlint lints Azure Lighthouse onboarding templates: the ARM JSON
// and Bicep templates and parameters files that delegate a customer's
// subscription or resource groups to a service provider's tenant.
package main

import (
	"os"
	"runtime/debug"

	"github.com/lhlint/lhlint/internal/cli"
)

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// Each job's memory dies with the job, so collect rarely, but keep
		// the heap under the 100 MB docs/architecture.md allows for any corpus.
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(64 << 20)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
