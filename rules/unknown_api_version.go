package rules

import (
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
)

// managedServicesAPIVersions are the API versions of Microsoft.ManagedServices,
// from the REST specification's readme; 2022-10-01 is the newest.
var managedServicesAPIVersions = []string{
	"2018-06-01-preview", "2019-04-01-preview", "2019-06-01", "2019-09-01",
	"2020-02-01-preview", "2022-01-01-preview", "2022-10-01",
}

const newestAPIVersion = "2022-10-01"

// UnknownAPIVersion reports registration resources with an apiVersion that
// does not exist.
var UnknownAPIVersion = &lint.Rule{
	Name:     "unknown_api_version",
	Title:    "Microsoft.ManagedServices apiVersion does not exist",
	Severity: lint.Error,
	Doc: `Microsoft.ManagedServices has these API versions: 2018-06-01-preview,
2019-04-01-preview, 2019-06-01, 2019-09-01, 2020-02-01-preview,
2022-01-01-preview and 2022-10-01. Azure rejects a registration definition or
assignment with any other apiVersion.
See https://learn.microsoft.com/azure/templates/microsoft.managedservices/registrationdefinitions.

Fix: use 2022-10-01, the newest version, which also supports eligible
authorizations.`,
	Run: runUnknownAPIVersion,
}

func runUnknownAPIVersion(pass *lint.Pass) error {
	for _, r := range registrations(pass.Template) {
		if v, ok := r.APIVersion.Str(); ok && !slices.ContainsFunc(managedServicesAPIVersions, func(known string) bool { return strings.EqualFold(known, v) }) {
			pass.ReportValuef(r.APIVersion, "apiVersion %q does not exist for %s; use %q", v, r.Type.Text(), newestAPIVersion)
		}
	}
	return nil
}
