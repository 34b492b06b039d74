package rules

import (
	"strings"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// Suppression reports suppressions that are malformed, give no reason,
// name a rule that does not exist, or silence nothing.
var Suppression = &lint.Rule{
	Name:     "suppression",
	Title:    "Suppression is malformed, unexplained or unused",
	Severity: lint.Warning,
	Audit:    true,
	Doc: `A suppression silences findings of the rules it names, where it is
written: a comment ` + "`// lhlint-ignore: rule, rule -- reason`" + ` applies to the
next line of code (or to its own line, after code), through the end of any
member or item that starts on that line, and to the values that flow
through them from a parameters file; a string
` + "`\"rule, rule -- reason\"`" + ` in the ` + "`\"lhlint-ignore\"`" + ` list of a resource's
or template's ` + "`metadata`" + ` applies to that resource or template, including the
values it takes from a parameters file. In Bicep, the same comment works,
and so does the pragma ` + "`#disable-next-line rule rule // reason`" + `, which
covers the next line; the Bicep compiler's own codes in a pragma (BCP036,
no-unused-params) are left to it. A suppression must name the rules
it silences and say why, so that a reviewer can judge it; one that names
no rule or a rule that does not exist, or that silences nothing (the
problem was fixed, or it is on the wrong line), only misleads. A
suppression of a rule that is turned off is not reported as unused. The
finding names the suppression as it is written (lhlint-ignore, or the
pragma). The suppressions themselves cannot be suppressed; turn this rule off in
.lhlint.json instead.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax#comments-and-metadata.

Fix: name the rules and give the reason after " -- ", or remove the
suppression.`,
	Run: runSuppression,
}

func runSuppression(pass *lint.Pass) error {
	for _, s := range pass.Suppressions {
		if len(s.Rules) == 0 {
			pass.ReportRangef(s, "lhlint-ignore names no rule; write lhlint-ignore: rule -- reason")
			continue
		}
		form := s.Directive()
		known, ran := true, true
		var names []string
		for _, n := range s.Rules {
			names = append(names, n.Name)
			ran = ran && pass.Ran(n.Name)
			if !pass.Exists(n.Name) {
				known = false
				pass.ReportRangef(n, "%s names %q, which is not a rule; 'lhlint rules' lists them", form, n.Name)
			}
		}
		list := strings.Join(names, ", ")
		if s.Reason == "" {
			pass.ReportRangef(s, "%s of %s gives no reason; %s", form, list, reasonHint(s))
		}
		if known && ran && !s.Silenced {
			pass.ReportRangef(s, "%s of %s silences nothing; remove it", form, list)
		}
	}
	return nil
}

// reasonHint says where s's reason goes: after " -- " in a comment or
// metadata string; in a comment after a Bicep pragma, whose own grammar
// ends at the codes.
func reasonHint(s lint.Suppression) string {
	if s.Directive() != model.SuppressionPrefix {
		return "add one in a comment after it, as \"// reason\""
	}
	return "add one after \" -- \""
}
