package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
)

// MFAProvider reports multiFactorAuthProvider values other than Azure and None.
var MFAProvider = &lint.Rule{
	Name:     "mfa_provider",
	Title:    "Unknown multi-factor authentication provider",
	Severity: lint.Error,
	Doc: `multiFactorAuthProvider says whether activating an eligible authorization
requires Microsoft Entra multi-factor authentication: "Azure" requires it,
"None" does not. The API defines no other value. (Whether Azure compares the
value case-sensitively is not documented, so lhlint accepts any case.)
See https://learn.microsoft.com/azure/lighthouse/how-to/create-eligible-authorizations.

Fix: write "Azure" (recommended) or "None".`,
	Run: runMFAProvider,
}

func runMFAProvider(pass *lint.Pass) error {
	for _, e := range pass.Template.AllEligibleAuthorizations() {
		if e.JITPolicy == nil {
			continue
		}
		v := e.JITPolicy.MFAProvider
		if s, ok := v.Str(); ok && !strings.EqualFold(s, "Azure") && !strings.EqualFold(s, "None") {
			pass.ReportValuef(v, "multiFactorAuthProvider %q is neither \"Azure\" nor \"None\"", s)
		}
	}
	return nil
}
