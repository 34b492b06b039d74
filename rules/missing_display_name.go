package rules

import "github.com/lhlint/lhlint/internal/lint"

// MissingDisplayName reports authorizations without principalIdDisplayName.
var MissingDisplayName = &lint.Rule{
	Name:     "missing_display_name",
	Title:    "Authorization has no display name",
	Severity: lint.Note,
	Doc: `principalIdDisplayName is what the customer sees for each authorization in
the Azure portal's Service providers page. Without it they see only an
object ID and cannot tell who has access. It is optional, so this is a note.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: add a principalIdDisplayName that names the group or principal, such as
"Contoso NOC Tier 1".`,
	Run: runMissingDisplayName,
}

func runMissingDisplayName(pass *lint.Pass) error {
	for _, a := range pass.Template.AllAuthorizations() {
		if a.PrincipalIDDisplayName.IsMissing() && a.Object.IsKnown() {
			pass.ReportValuef(a.PrincipalID, "authorization for principal %q has no principalIdDisplayName, so the customer sees only an object ID", a.PrincipalID.Text())
		}
	}
	return nil
}
