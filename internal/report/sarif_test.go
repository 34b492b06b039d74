package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/owenrumney/go-sarif/v2/sarif"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/source"
)

// sarifSchemaURL is where the schema is registered: a fixed absolute URL,
// so that nothing is fetched and messages do not name a local path.
const sarifSchemaURL = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"

// sarifSchema compiles the SARIF 2.1.0 schema kept in testdata/sarif (see
// SOURCE.md there). Formats such as "uri" are asserted, not just noted.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	if err := c.AddResource(sarifSchemaURL, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(sarifSchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func decode(t *testing.T, doc []byte) map[string]any {
	t.Helper()
	var v map[string]any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	return v
}

func TestSARIFValidates(t *testing.T) {
	schema := sarifSchema(t)
	findings, opts := fixture(t)
	for name, doc := range map[string][]byte{
		"findings":    render(t, "sarif", findings, opts),
		"no findings": render(t, "sarif", nil, opts),
		"no rules":    render(t, "sarif", nil, Options{}),
		"bare":        render(t, "sarif", []Finding{{Rule: ownerRole, Severity: lint.Error, Message: "m"}}, Options{}),
	} {
		if err := schema.Validate(decode(t, doc)); err != nil {
			t.Errorf("%s: %#v", name, err)
		}
	}
}

// Each broken document must fail, or the validation above proves nothing.
func TestSARIFSchemaRejects(t *testing.T) {
	schema := sarifSchema(t)
	findings, opts := fixture(t)
	doc := render(t, "sarif", findings, opts)
	run := func(v map[string]any) map[string]any { return v["runs"].([]any)[0].(map[string]any) }
	result := func(v map[string]any) map[string]any { return run(v)["results"].([]any)[1].(map[string]any) }
	for name, breakIt := range map[string]func(v map[string]any){
		"unknown level": func(v map[string]any) { result(v)["level"] = "fatal" },
		"no driver name": func(v map[string]any) {
			delete(run(v)["tool"].(map[string]any)["driver"].(map[string]any), "name")
		},
		"line 0": func(v map[string]any) {
			loc := result(v)["locations"].([]any)[0].(map[string]any)
			loc["physicalLocation"].(map[string]any)["region"].(map[string]any)["startLine"] = 0
		},
		"helpUri not a URI": func(v map[string]any) {
			rule := run(v)["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any)[0].(map[string]any)
			rule["helpUri"] = "not a uri"
		},
		"unknown property": func(v map[string]any) { v["extra"] = true },
		"wrong version":    func(v map[string]any) { v["version"] = "2.0.0" },
	} {
		v := decode(t, doc)
		breakIt(v)
		if err := schema.Validate(v); err == nil {
			t.Errorf("%s: broken document validates", name)
		}
	}
}

// The facts code scanning relies on, beyond what the schema can check.
func TestSARIFContent(t *testing.T) {
	findings, opts := fixture(t)
	log, err := sarif.FromBytes(render(t, "sarif", findings, opts))
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %v", run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name != "lhlint" || d.Version == nil || *d.Version != "1.2.3" || d.InformationURI == nil || *d.InformationURI != "https://github.com/lhlint/lhlint" {
		t.Errorf("driver = %+v", d)
	}
	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
	}
	// The catalog in its order, then the rule a finding used that was missing from it.
	want := []string{"missing_display_name", "missing_reader_role", "owner_role", "placeholder_value", "role_id_not_guid", "unresolved_value", "definition_limit"}
	if len(ids) != len(want) {
		t.Fatalf("rules %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("rules %v, want %v", ids, want)
		}
	}
	if len(run.Results) != len(findings) {
		t.Fatalf("%d results, want %d", len(run.Results), len(findings))
	}
	for _, res := range run.Results {
		if res.RuleIndex == nil || int(*res.RuleIndex) >= len(d.Rules) || d.Rules[*res.RuleIndex].ID != *res.RuleID {
			t.Errorf("result for %s has a wrong ruleIndex", *res.RuleID)
		}
	}
	owner := d.Rules[2]
	if *owner.FullDescription.Text != "Azure Lighthouse does not support delegating the Owner role, so deploying the registration definition fails. See https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles." {
		t.Errorf("fullDescription = %q", *owner.FullDescription.Text)
	}
	if *owner.HelpURI != "https://github.com/lhlint/lhlint/blob/main/docs/rules.md#owner_role" {
		t.Errorf("helpUri = %q", *owner.HelpURI)
	}
	if *owner.Help.Text != ownerRole.Doc || *owner.Help.Markdown != ownerRole.Doc {
		t.Errorf("help = %+v", owner.Help)
	}
	if d.Rules[5].DefaultConfiguration.Enabled == nil || *d.Rules[5].DefaultConfiguration.Enabled {
		t.Errorf("a rule that is off by default is not disabled: %+v", d.Rules[5].DefaultConfiguration)
	}
}

func TestSARIFDeterministic(t *testing.T) {
	findings, opts := fixture(t)
	first := render(t, "sarif", findings, opts)
	for range 5 {
		if again := render(t, "sarif", findings, opts); !bytes.Equal(first, again) {
			t.Fatal("two runs over the same findings differ")
		}
	}
}

// TestSARIFResultLocation gives a finding without a location the location
// of its first related one that names a file: GitHub code scanning rejects
// a result without one.
func TestSARIFResultLocation(t *testing.T) {
	f := Finding{Rule: ownerRole, Severity: lint.Error, Message: "m", Related: []Related{
		{Message: "nowhere"},
		{Location: Location{Path: "main.json", URI: "main.json", Start: source.Position{Line: 3, Column: 1}, End: source.Position{Line: 3, Column: 2}}, Message: "here"},
	}}
	v := decode(t, render(t, "sarif", []Finding{f}, Options{}))
	result := v["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	loc, ok := result["locations"].([]any)
	if !ok || len(loc) != 1 {
		t.Fatalf("locations = %v, want one", result["locations"])
	}
	uri := loc[0].(map[string]any)["physicalLocation"].(map[string]any)["artifactLocation"].(map[string]any)["uri"]
	if uri != "main.json" {
		t.Errorf("location %v, want main.json", uri)
	}
}
