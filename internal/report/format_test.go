package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// TestGitHubEscaping pins the workflow-command escaping: a path and a
// message that hold "%", ":", ",", "\r" and "\n" must not end the command, a
// property or the properties, nor be unescaped into something else.
func TestGitHubEscaping(t *testing.T) {
	f := Finding{
		Rule:     ownerRole,
		Severity: lint.Warning,
		Message:  "100% sure: a,b\r\nc::error::forged",
		Location: Location{
			Path:  "a b/x,y:z%.json",
			URI:   URIFromPath("a b/x,y:z%.json"),
			Start: source.Position{Line: 2, Column: 3},
			End:   source.Position{Line: 2, Column: 5},
		},
		Related: []Related{{Message: "see %0A"}},
	}
	var b bytes.Buffer
	if err := writeGitHub(&b, []Finding{f}, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a b/x%2Cy%3Az%25.json,line=2,col=3,endLine=2,endColumn=5,title=owner_role::" +
		"100%25 sure: a,b%0D%0Ac::error::forged%0Anote: see %250A\n"
	if got := b.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestMarkdownLimit cuts the markdown format at a small limit instead of
// GitHub's 1 MiB: what fits is kept in order, and one line says how many
// findings and deployments were left out.
func TestMarkdownLimit(t *testing.T) {
	findings, opts := fixture(t)
	findings = sorted(Reported(findings))
	opts.Delegations = []Delegation{
		{Deployment: &model.Deployment{Template: "templates/main.json"}},
		{Deployment: &model.Deployment{Template: "templates/other.json"}},
	}
	var full bytes.Buffer
	writeMarkdownLimited(&full, findings, opts, stepSummaryLimit)
	if !strings.HasSuffix(full.String(), "#### templates/other.json with its default values\n\n") {
		t.Fatalf("uncut output does not end with the last deployment:\n%s", full.String())
	}

	var exact bytes.Buffer
	writeMarkdownLimited(&exact, findings, opts, full.Len())
	if exact.String() != full.String() {
		t.Errorf("output of exactly the limit was cut:\n%s", exact.String())
	}

	const limit = 700
	var cut bytes.Buffer
	writeMarkdownLimited(&cut, findings, opts, limit)
	const want = "## lhlint: 4 errors, 1 warning, 1 note\n" +
		"\n### Findings without a file\n\n" +
		"| line | level | rule | message |\n| ---: | --- | --- | --- |\n" +
		"|  | error | [`definition_limit`](https://github.com/lhlint/lhlint/blob/main/docs/rules.md#definition_limit) | the deployment creates 201 registration definitions, more than the limit of 200 |\n" +
		"\n5 findings and 2 deployments' delegation summaries left out: GitHub shows at most 1 MiB of a step summary. The log and the SARIF file have every finding.\n"
	if got := cut.String(); got != want {
		t.Errorf("cut at %d:\ngot\n%s\nwant\n%s", limit, got, want)
	}
	if cut.Len() > limit {
		t.Errorf("cut output is %d bytes, over the limit of %d", cut.Len(), limit)
	}

	// Every finding fits but the last deployments do not.
	opts.Delegations = nil
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		opts.Delegations = append(opts.Delegations, Delegation{Deployment: &model.Deployment{Template: name + ".json"}})
	}
	full.Reset()
	writeMarkdownLimited(&full, findings, opts, stepSummaryLimit)
	var some bytes.Buffer
	writeMarkdownLimited(&some, findings, opts, full.Len()-1)
	const wantSome = "### Delegations\n\n" +
		"#### a.json with its default values\n\n#### b.json with its default values\n\n" +
		"\n6 deployments' delegation summaries left out: GitHub shows at most 1 MiB of a step summary. The log and the SARIF file have every finding.\n"
	if !strings.Contains(some.String(), "missing_display_name") || !strings.HasSuffix(some.String(), wantSome) {
		t.Errorf("cut after the findings:\n%s", some.String())
	}
	if some.Len() > full.Len()-1 {
		t.Errorf("cut output is %d bytes, over the limit of %d", some.Len(), full.Len()-1)
	}
}

// TestMarkdownClean is one line.
func TestMarkdownClean(t *testing.T) {
	var b bytes.Buffer
	if err := writeMarkdown(&b, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "## lhlint: no findings\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPrettyColor colours the position and the severity word of the
// pretty header, and nothing else, when Options.Color asks.
func TestPrettyColor(t *testing.T) {
	f := Finding{Rule: &lint.Rule{Name: "owner_role"}, Severity: lint.Warning, Message: "m",
		Location: Location{Path: "x.json", Start: source.Position{Line: 2, Column: 3}}}
	var b bytes.Buffer
	if err := writePretty(&b, []Finding{f}, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	want := "\x1b[1mx.json:2:3\x1b[0m: \x1b[1;33mwarning\x1b[0m: m [owner_role]\n"
	if got, _, _ := strings.Cut(b.String(), "    2 |"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
