package rules

import (
	"fmt"
	"slices"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// apiVersionsWithoutEligible are the Microsoft.ManagedServices API versions
// that predate eligible authorizations (2020-02-01-preview).
var apiVersionsWithoutEligible = []string{"2018-06-01-preview", "2019-04-01-preview", "2019-06-01", "2019-09-01"}

// EligibleAPIVersion reports eligible authorizations in a definition whose
// apiVersion predates them.
var EligibleAPIVersion = &lint.Rule{
	Name:     "eligible_api_version",
	Title:    "Eligible authorizations need a newer apiVersion",
	Severity: lint.Error,
	Doc: `eligibleAuthorizations exist only from Microsoft.ManagedServices API version
2020-02-01-preview on. With 2019-06-01 or 2019-09-01, Azure rejects the
definition: eligible authorizations are "allowed with api-version greater and
equal to '2020-02-01-preview'".
See https://learn.microsoft.com/azure/lighthouse/how-to/create-eligible-authorizations.

Fix: use apiVersion 2022-10-01 on the registration definition. It is the
newest version of the API, it has eligibleAuthorizations, and every property
of the older versions, so lhlint offers the change as a fix where the
apiVersion is written as a literal: its own string in ARM JSON, the text
after "@" in the resource type in Bicep.`,
	Run: runEligibleAPIVersion,
}

func runEligibleAPIVersion(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		v, ok := def.APIVersion.Str()
		if !ok || def.EligibleValue.IsMissing() || !slices.Contains(apiVersionsWithoutEligible, v) {
			continue
		}
		d := lint.ValueDiagnostic(def.APIVersion, fmt.Sprintf("apiVersion %q has no eligibleAuthorizations; they need 2020-02-01-preview or later, such as %q", v, newestAPIVersion))
		pass.SuggestReplacement(&d, def.APIVersion, model.StringValue(newestAPIVersion, model.Span{}), "Use apiVersion "+newestAPIVersion)
		pass.Report(d)
	}
	return nil
}
