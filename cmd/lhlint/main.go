// Command lhlint lints Azure Lighthouse onboarding templates: the ARM JSON
// templates and parameters files that delegate a customer's subscription or
// resource groups to a service provider's tenant.
package main

import (
	"os"

	"github.com/lhlint/lhlint/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
