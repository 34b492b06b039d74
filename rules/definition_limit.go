package rules

import (
	"cmp"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// definitionLimit is the commonly cited number of registration definitions
// per subscription; no Microsoft source states it.
const definitionLimit = 200

// DefinitionLimit reports deployments that create more registration
// definitions than the limit.
var DefinitionLimit = &lint.Rule{
	Name:     "definition_limit",
	Title:    "Too many registration definitions",
	Severity: lint.Warning,
	Doc: `Exam guides cite a limit of 200 registration definitions per subscription.
No Microsoft page states a number, so this is a warning: a deployment that
creates more (usually through a copy loop over resource groups, one definition
each) is likely to fail, and hard to manage if it does not. Set another
number with "limits": {"definitions": N} in .lhlint.json.
See https://learn.microsoft.com/azure/lighthouse/how-to/onboard-customer.

Fix: create one definition and assign it to each resource group, instead of
one definition per resource group.`,
	Run: runDefinitionLimit,
}

func runDefinitionLimit(pass *lint.Pass) error {
	total, at := 0, model.Span{}
	counted := map[model.Span]bool{}
	for _, def := range pass.Template.Definitions {
		if counted[def.Span] {
			continue
		}
		n := 1
		if def.Copy != nil {
			counted[def.Span] = true
			c, ok := def.Copy.Count.Int()
			if !ok {
				continue // unknown: cannot count
			}
			n, at = int(c), def.Copy.Count.Span
		}
		total += n
		if !at.IsValid() {
			at = def.Span
		}
	}
	if limit := cmp.Or(pass.Limits.Definitions, definitionLimit); total > limit {
		pass.ReportRangef(at, "the deployment creates %d registration definitions, more than the limit of %d per subscription", total, limit)
	}
	return nil
}
