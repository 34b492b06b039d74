package rules

import (
	"cmp"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// Authorization limits: Partner Center documents 20 per Marketplace plan;
// 400 per definition is commonly cited, with no Microsoft source.
const (
	marketplaceAuthorizationLimit = 20
	authorizationLimit            = 400
)

// AuthorizationLimit reports definitions with more authorizations than the limit.
var AuthorizationLimit = &lint.Rule{
	Name:     "authorization_limit",
	Title:    "Too many authorizations in one definition",
	Severity: lint.Warning,
	Doc: `A Marketplace managed service offer (a definition with a plan) may have at
most 20 authorizations per plan: Partner Center states the limit. For other
definitions Microsoft documents no number; 400 is commonly cited, so lhlint
warns above 400 and the rule is a warning rather than an error. Set another
number with "limits": {"authorizations": N} in .lhlint.json; the
Marketplace limit is Partner Center's and stays 20.
See https://learn.microsoft.com/partner-center/marketplace-offers/create-managed-service-offer-plans.

Fix: grant roles to groups rather than to individual users, so fewer
authorizations cover the same people.`,
	Run: runAuthorizationLimit,
}

func runAuthorizationLimit(pass *lint.Pass) error {
	limit := cmp.Or(pass.Limits.Authorizations, authorizationLimit)
	for _, def := range pass.Template.Definitions {
		n := len(def.Authorizations)
		switch {
		case def.Plan.Kind() == model.Object && n > marketplaceAuthorizationLimit:
			pass.ReportRangef(def.AuthorizationsValue, "registration definition of a Marketplace plan has %d authorizations; Partner Center allows %d", n, marketplaceAuthorizationLimit)
		case def.Plan.Kind() != model.Object && n > limit:
			pass.ReportRangef(def.AuthorizationsValue, "registration definition has %d authorizations, more than the limit of %d", n, limit)
		}
	}
	return nil
}
