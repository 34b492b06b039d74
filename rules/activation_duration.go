package rules

import (
	"regexp"
	"strconv"
	"time"

	"github.com/lhlint/lhlint/internal/lint"
)

// The bounds of maximumActivationDuration Microsoft documents.
const (
	minActivation = 30 * time.Minute
	maxActivation = 8 * time.Hour
)

// isoDuration matches the ISO 8601 durations a just-in-time policy uses:
// hours and minutes (PT8H, PT6H30M), optionally days (P1D).
var isoDuration = regexp.MustCompile(`^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

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
		d, ok := parseDuration(s)
		switch {
		case !ok:
			pass.ReportValuef(v, "maximumActivationDuration %q is not an ISO 8601 duration such as \"PT8H\"", s)
		case d < minActivation || d > maxActivation:
			pass.ReportValuef(v, "maximumActivationDuration %q is outside the allowed PT30M to PT8H", s)
		}
	}
	return nil
}

// parseDuration reads an ISO 8601 duration of days, hours, minutes and seconds.
func parseDuration(s string) (time.Duration, bool) {
	m := isoDuration.FindStringSubmatch(s)
	if m == nil || s == "P" || s == "PT" {
		return 0, false
	}
	var d time.Duration
	for i, unit := range []time.Duration{24 * time.Hour, time.Hour, time.Minute, time.Second} {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.ParseInt(m[i+1], 10, 32)
		if err != nil {
			return 0, false
		}
		d += time.Duration(n) * unit
	}
	return d, true
}
