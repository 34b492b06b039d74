package rules

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// DuplicateAuthorization reports the same principal and role twice in one
// definition.
var DuplicateAuthorization = &lint.Rule{
	Name:     "duplicate_authorization",
	Title:    "Same principal and role authorized twice",
	Severity: lint.Warning,
	Doc: `An authorization that repeats the principalId and roleDefinitionId of
another in the same registration definition adds nothing; usually one of the
two was meant for another group or role. (Granting one principal several
different roles is normal. Whether Azure rejects exact duplicates is not
documented, so this is a warning.)
See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles.

Fix: remove the duplicate, or correct its principal or role.`,
	Run: runDuplicateAuthorization,
}

func runDuplicateAuthorization(pass *lint.Pass) error {
	for _, def := range pass.Template.Definitions {
		type grant struct{ principal, role string } // lower case
		first := map[grant]*model.Authorization{}
		for _, a := range def.Authorizations {
			p, pok := knownID(a.PrincipalID)
			r, rok := knownID(a.RoleDefinitionID)
			if !pok || !rok {
				continue
			}
			key := grant{strings.ToLower(p), strings.ToLower(r)}
			prev, seen := first[key]
			if !seen {
				first[key] = a
				continue
			}
			d := lint.ValueDiagnostic(a.RoleDefinitionID, "authorization for "+quote(a.DisplayName())+" repeats the principal and role of "+quote(prev.DisplayName()))
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: prev.Pos(), End: prev.Pos(), Message: "the first authorization"})
			pass.Report(d)
		}
	}
	return nil
}
