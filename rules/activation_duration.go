package rules

import (
	"time"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// The bounds of maximumActivationDuration Microsoft documents.
const (
	minActivation = 30 * time.Minute
	maxActivation = 8 * time.Hour
)

// ActivationDuration reports maximumActivationDuration values that are not
// ISO 8601 durations between PT30M and PT8H.
var ActivationDuration = &lint.Rule{
	Name:     "activation_duration",
	Title:    "Activation duration outside PT30M to PT8H",
	Severity: lint.Error,
	Doc: `maximumActivationDuration is how long an eligible user's elevation lasts,
written as an ISO 8601 duration. Microsoft allows 30 minutes to 8 hours
(PT30M to PT8H); half-hour steps such as PT6H30M are recommended.
See https://learn.microsoft.com/azure/lighthouse/how-to/create-eligible-authorizations.

Fix: write a duration between PT30M and PT8H.`,
	Run: runActivationDuration,
}

func runActivationDuration(pass *lint.Pass) error {
	for _, e := range pass.Template.AllEligibleAuthorizations() {
		if e.JITPolicy == nil {
			continue
		}
		v := e.JITPolicy.MaximumActivationDuration
		s, ok := v.Str()
		if !ok {
			continue
		}
		d, ok := model.ParseDuration(s)
		switch {
		case !ok:
			pass.ReportValuef(v, "maximumActivationDuration %q is not an ISO 8601 duration such as \"PT8H\"", s)
		case d < minActivation || d > maxActivation:
			pass.ReportValuef(v, "maximumActivationDuration %q is outside the allowed PT30M to PT8H", s)
		}
	}
	return nil
}
