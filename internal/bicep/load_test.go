package bicep

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/arm"
	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/roles"
	"github.com/lhlint/lhlint/rules"
)

// customerTenant is the tenant the rules are run for, as the rule-test
// harness does (which this package's tests cannot import: it reads Bicep
// fixtures with this package).
const customerTenant = "7d1c0e2f-3a4b-4c5d-8e6f-9a0b1c2d3e4f"

// lintDeployment runs rs over d as the rule-test harness runs them.
func lintDeployment(fset *token.FileSet, d *model.Deployment, rs []*lint.Rule) ([]lint.Finding, error) {
	return lint.Run(fset, []*model.Deployment{d}, rs, lint.Options{Roles: roles.Builtin(), CustomerTenant: customerTenant})
}

// loadDir is where the fixtures of the loader tests are: each folder holds
// a Bicep deployment and the ARM JSON the compiler would write for it,
// written by hand.
const loadDir = "testdata/load"

// fixture parses a file of the load fixtures with the front-end its
// extension names.
func fixture(t *testing.T, fset *token.FileSet, name string) frontend.File {
	t.Helper()
	path := filepath.Join(loadDir, name)
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".json") {
		return arm.FrontEnd{}.Parse(fset, path, content)
	}
	return FrontEnd{}.Parse(fset, path, content)
}

// loadBoth loads a deployment from its Bicep files and from its ARM JSON
// files; params are the parameters files of each, "" for none.
func loadBoth(t *testing.T, bicepFile, bicepParams, armFile, armParams string) (b, a *model.Deployment, fset *token.FileSet) {
	t.Helper()
	fset = token.NewFileSet()
	load := func(fe frontend.FrontEnd, tmpl, params string) *model.Deployment {
		var p frontend.File
		if params != "" {
			p = fixture(t, fset, params)
		}
		d := fe.Load(fixture(t, fset, tmpl), p)
		for _, pr := range d.Problems {
			t.Errorf("%s: %s", fset.Position(pr.Pos()), pr.Message)
		}
		return d
	}
	return load(FrontEnd{}, bicepFile, bicepParams), load(arm.FrontEnd{}, armFile, armParams), fset
}

// show writes a model value for the comparison: strings quoted, unknowns
// as ?, missing values as -.
func showValue(v model.Value) string {
	switch v.Kind() {
	case model.Missing:
		return "-"
	case model.Unknown:
		return "?"
	case model.String:
		return fmt.Sprintf("%q", v.Text())
	case model.Int, model.Bool, model.Null:
		return showInt(v)
	case model.Array:
		parts := make([]string, 0, v.Len())
		for _, it := range v.Items() {
			parts = append(parts, showValue(it))
		}
		return "[" + strings.Join(parts, " ") + "]"
	case model.Object:
		parts := make([]string, 0, len(v.Members()))
		for _, m := range v.Members() {
			parts = append(parts, m.Key+":"+showValue(m.Value))
		}
		return "{" + strings.Join(parts, " ") + "}"
	}
	return v.Text()
}

func showScope(s model.Scope) string {
	out := s.Kind.String()
	if s.Kind == model.ScopeSubscription || s.Kind == model.ScopeResourceGroup {
		out += " sub=" + showValue(s.Subscription)
	}
	if s.Kind == model.ScopeResourceGroup {
		out += " rg=" + showValue(s.ResourceGroup)
	}
	return out
}

func showResource(r model.Resource) string {
	out := fmt.Sprintf("type=%s api=%s name=%s scope=(%s) cond=%s deps=%d", showValue(r.Type), showValue(r.APIVersion),
		showValue(r.Name), showScope(r.Scope), showValue(r.Condition), len(r.DependsOn))
	if r.Copy != nil {
		out += fmt.Sprintf(" copy=%d/%s", r.Copy.Index, showValue(r.Copy.Count))
	}
	if r.Deployment != nil {
		out += " in=" + showValue(r.Deployment.Name)
	}
	return out
}

// describe writes what the rules read of a deployment, one line a thing,
// so that two deployments compare as text.
func describe(d *model.Deployment) string {
	var b strings.Builder
	fmt.Fprintf(&b, "target %s\n", showScope(d.TargetScope))
	for _, p := range d.Parameters {
		fmt.Fprintf(&b, "param %s kind=%s default=%s given=%s value=%s\n", p.Name, p.TypeKind, showValue(p.Default), showValue(p.Given), showValue(p.Value()))
	}
	for _, def := range d.Definitions {
		fmt.Fprintf(&b, "definition %s plan=%s\n", showResource(def.Resource), showValue(def.Plan))
		fmt.Fprintf(&b, "  offer=%s description=%s tenant=%s\n", showValue(def.OfferName), showValue(def.Description), showValue(def.ManagedByTenantID))
		for _, g := range def.Grants() {
			fmt.Fprintf(&b, "  %s #%d principal=%s name=%s role=%s\n", g.What(), g.Index, showValue(g.PrincipalID), showValue(g.PrincipalIDDisplayName), showValue(g.RoleDefinitionID))
		}
		for _, a := range def.Authorizations {
			if !a.DelegatedValue.IsMissing() {
				fmt.Fprintf(&b, "  delegated #%d %s\n", a.Index, showValue(a.DelegatedValue))
			}
		}
		for _, el := range def.EligibleAuthorizations {
			if p := el.JITPolicy; p != nil {
				fmt.Fprintf(&b, "  jit #%d mfa=%s duration=%s approvers=%s\n", el.Index, showValue(p.MFAProvider), showValue(p.MaximumActivationDuration), showValue(p.ApproversValue))
			}
		}
	}
	for _, a := range d.Assignments {
		fmt.Fprintf(&b, "assignment %s definition=%s\n", showResource(a.Resource), showValue(a.RegistrationDefinitionID))
	}
	for _, nd := range d.Deployments {
		fmt.Fprintf(&b, "deployment %s inner=%t\n", showResource(nd.Resource), nd.Inner)
	}
	return b.String()
}

// sameModel fails unless both deployments describe the same.
func sameModel(t *testing.T, b, a *model.Deployment) {
	t.Helper()
	got, want := describe(b), describe(a)
	if got != want {
		t.Errorf("the Bicep model differs from the ARM one\n--- bicep\n%s--- arm\n%s", got, want)
	}
}

// at returns file:line:col of a position, the file by its base name.
func at(fset *token.FileSet, p token.Pos) string {
	pos := fset.Position(p)
	return fmt.Sprintf("%s:%d:%d", filepath.Base(pos.Filename), pos.Line, pos.Column)
}

// hops writes the related locations of a value.
func hops(fset *token.FileSet, v model.Value) string {
	var out []string
	for _, h := range v.Via() {
		out = append(out, at(fset, h.Pos()))
	}
	return strings.Join(out, " ")
}

func TestLoadSubscriptionScope(t *testing.T) {
	b, a, fset := loadBoth(t, "sub/main.bicep", "", "sub/main.json", "")
	sameModel(t, b, a)
	if len(b.Definitions) != 1 || len(b.Assignments) != 1 {
		t.Fatalf("got %d definitions and %d assignments, want 1 and 1", len(b.Definitions), len(b.Assignments))
	}
	def := b.Definitions[0]
	for _, c := range []struct {
		what string
		v    model.Value
		want string
	}{
		{"roleDefinitionId", def.Authorizations[0].RoleDefinitionID, "main.bicep:20:27"},
		{"delegated role", def.Authorizations[1].DelegatedRoleDefinitionIDs[0], "main.bicep:27:11"},
		{"offer name", def.OfferName, "main.bicep:4:29"},
		{"type", def.Type, "main.bicep:10:22"},
		{"apiVersion", def.APIVersion, "main.bicep:10:72"},
		{"target scope", model.Value{Span: b.TargetScope.Span}, "main.bicep:1:1"},
	} {
		if got := at(fset, c.v.Pos()); got != c.want {
			t.Errorf("%s at %s, want %s", c.what, got, c.want)
		}
	}
	if !def.Authorizations[0].RoleDefinitionID.IsLiteral() {
		t.Errorf("a role ID written as a string is not a literal")
	}
	if got, want := hops(fset, def.OfferName), "main.bicep:13:33"; got != want {
		t.Errorf("offer name flows through %q, want %q", got, want)
	}
	if got := b.Assignments[0].DependsOn; len(got) != 1 || got[0].Text() != "definition" || at(fset, got[0].Pos()) != "main.bicep:37:31" {
		t.Errorf("assignment depends on %v, want definition at main.bicep:37:31", got)
	}
}

func TestLoadModuleAtResourceGroups(t *testing.T) {
	b, a, fset := loadBoth(t, "rg/main.bicep", "", "rg/main.json", "")
	sameModel(t, b, a)
	if len(b.Assignments) != 2 || len(b.Deployments) != 2 {
		t.Fatalf("got %d assignments in %d modules, want 2 in 2", len(b.Assignments), len(b.Deployments))
	}
	as := b.Assignments[1]
	if got, want := at(fset, as.Scope.Pos()), "main.bicep:37:10"; got != want {
		t.Errorf("the module's scope is decided at %s, want %s", got, want)
	}
	if got, want := at(fset, as.Scope.ResourceGroup.Pos()), "main.bicep:7:3"; got != want {
		t.Errorf("the resource group is written at %s, want %s", got, want)
	}
	id := as.RegistrationDefinitionID
	if got, want := at(fset, id.Pos()), "main.bicep:39:31"; got != want {
		t.Errorf("the definition ID is at %s, want %s", got, want)
	}
	if got, want := hops(fset, id), "rgAssignment.bicep:7:31"; got != want {
		t.Errorf("the definition ID flows through %q, want %q", got, want)
	}
}

func TestLoadAuthorizationsFromParameters(t *testing.T) {
	b, a, fset := loadBoth(t, "params/main.bicep", "params/main.bicepparam", "params/main.json", "params/main.parameters.json")
	sameModel(t, b, a)
	// A Bicep template deployed with a JSON parameters file.
	mixed, _, _ := loadBoth(t, "params/main.bicep", "params/main.parameters.json", "params/main.json", "params/main.parameters.json")
	sameModel(t, mixed, a)

	role := b.Definitions[0].Authorizations[1].RoleDefinitionID
	if got, want := at(fset, role.Pos()), "main.bicepparam:15:23"; got != want {
		t.Errorf("role at %s, want %s", got, want)
	}
	if got, want := hops(fset, role), "main.bicep:14:21"; got != want {
		t.Errorf("role flows through %q, want %q", got, want)
	}
	p, _ := b.Parameter("authorizations")
	if got, want := at(fset, p.GivenAt.Pos()), "main.bicepparam:6:7"; got != want {
		t.Errorf("authorizations given at %s, want %s", got, want)
	}
	if b.ParametersFile == "" || len(b.ParameterValues) != 4 {
		t.Errorf("parameters file %q with %d values, want main.bicepparam with 4", b.ParametersFile, len(b.ParameterValues))
	}
}

func TestLoadForLoops(t *testing.T) {
	b, a, fset := loadBoth(t, "loop/main.bicep", "", "loop/main.json", "")
	sameModel(t, b, a)
	name := b.Definitions[0].Authorizations[1].PrincipalIDDisplayName
	if name.Text() != "Adatum Day Shift #2" || at(fset, name.Pos()) != "main.bicep:25:31" {
		t.Errorf("display name %s at %s, want \"Adatum Day Shift #2\" at main.bicep:25:31", showValue(name), at(fset, name.Pos()))
	}
}

func showInt(v model.Value) string {
	if n, ok := v.Int(); ok {
		return fmt.Sprint(n)
	}
	if b, ok := v.Bool(); ok {
		return fmt.Sprint(b)
	}
	return "null"
}

// TestLintOwnerRole runs the rules on a Bicep template that grants Owner
// through a variable: owner_role reports at the literal in the variable,
// with the property that uses it as a related location, as for ARM.
func TestLintOwnerRole(t *testing.T) {
	fset := token.NewFileSet()
	d := FrontEnd{}.Load(fixture(t, fset, "owner/main.bicep"), nil)
	found, err := lintDeployment(fset, d, rules.All)
	if err != nil {
		t.Fatal(err)
	}
	var owner []string
	for _, f := range found {
		t.Logf("%s: %s [%s]", at(fset, f.Pos), f.Message, f.Rule.Name)
		if f.Rule.Name == "syntax" {
			t.Errorf("%s: %s", at(fset, f.Pos), f.Message)
		}
		if f.Rule == rules.OwnerRole {
			line := at(fset, f.Pos) + ": " + f.Message
			for _, r := range f.Related {
				line += "; " + at(fset, r.Pos) + ": " + r.Message
			}
			owner = append(owner, line)
		}
	}
	want := `main.bicep:4:17: authorization for "Wingtip Admins" grants Owner, which Azure Lighthouse cannot delegate; main.bicep:15:27: value flows through this expression`
	if len(owner) != 1 || owner[0] != want {
		t.Errorf("owner_role reports\n%s\nwant\n%s", strings.Join(owner, "\n"), want)
	}
}

// TestFixesAreWrittenInTheFileLanguage checks that a fix replaces a Bicep
// literal with a Bicep literal, and a value of a JSON parameters file with
// JSON, whichever file of the deployment holds it.
func TestFixesAreWrittenInTheFileLanguage(t *testing.T) {
	for _, params := range []string{"fix/main.bicepparam", "fix/main.parameters.json"} {
		fset := token.NewFileSet()
		d := FrontEnd{}.Load(fixture(t, fset, "fix/main.bicep"), fixture(t, fset, params))
		found, err := lintDeployment(fset, d, []*lint.Rule{rules.RoleIDNotGUID})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range found {
			for _, fix := range f.SuggestedFixes {
				for _, e := range fix.TextEdits {
					got = append(got, at(fset, e.Pos)+" "+string(e.NewText))
				}
			}
		}
		want := []string{
			`main.bicep:14:27 'b24988ac-6180-42a0-ab88-20f7382dd24c'`,
			`main.bicepparam:7:23 'acdd72a7-3385-48ef-bd42-f606fba81ae7'`,
		}
		if strings.HasSuffix(params, ".json") {
			want[1] = `main.parameters.json:8:31 "acdd72a7-3385-48ef-bd42-f606fba81ae7"`
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("with %s, fixes\n%s\nwant\n%s", params, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestRulesAgreeOnEquivalentTemplates runs every rule on each Bicep
// fixture and on its ARM equivalent: they must report the same rules with
// the same messages, each in its own source.
func TestRulesAgreeOnEquivalentTemplates(t *testing.T) {
	for _, c := range []struct{ bicep, bicepParams, arm, armParams string }{
		{"sub/main.bicep", "", "sub/main.json", ""},
		{"rg/main.bicep", "", "rg/main.json", ""},
		{"params/main.bicep", "params/main.bicepparam", "params/main.json", "params/main.parameters.json"},
		{"loop/main.bicep", "", "loop/main.json", ""},
		{"mistakes/main.bicep", "", "mistakes/main.json", ""},
	} {
		b, a, fset := loadBoth(t, c.bicep, c.bicepParams, c.arm, c.armParams)
		sameModel(t, b, a)
		messages := func(d *model.Deployment, ext string) string {
			found, err := lintDeployment(fset, d, rules.All)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, f := range found {
				if file := fset.File(f.Pos); file == nil || !strings.Contains(file.Name(), ext) {
					t.Errorf("%s: %s [%s] is reported outside the %s files", c.bicep, f.Message, f.Rule.Name, ext)
				}
				out = append(out, f.Rule.Name+": "+f.Message)
			}
			slices.Sort(out)
			return strings.Join(out, "\n")
		}
		if got, want := messages(b, ".bicep"), messages(a, ".json"); got != want {
			t.Errorf("%s reports\n%s\nwhile %s reports\n%s", c.bicep, got, c.arm, want)
		}
	}
}
