package rules

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/conform"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/schema"
)

// Schema reports templates, parameters files and registration resources
// that break the shape ARM or the Microsoft.ManagedServices API requires.
var Schema = &lint.Rule{
	Name:     "schema",
	Title:    "File or resource breaks the shape Azure requires",
	Severity: lint.Error,
	Doc: `ARM reads a template's members before it evaluates anything, and rejects a
member it does not know ("Could not find member ... on object of type
'TemplateOutputParameter'", as an official sample once did with an output),
a parameter of a type it does not know, or a parameters file entry with
neither a value nor a Key Vault reference. The Microsoft.ManagedServices API
then requires some properties and gives each a type: a registration
definition needs managedByTenantId and authorizations; every authorization
and eligible authorization a principalId and a roleDefinitionId; a
justInTimeAccessPolicy its multiFactorAuthProvider; an approver its
principalId; a Marketplace plan its name, product, publisher and version.
ARM rejects a deployment that leaves one out or gives, say, an object where
a string belongs, before anything is created.

lhlint checks each file as written and each registration resource as
evaluated, against JSON Schemas written from ARM's documentation and the
API's REST specification for each of its seven versions. Names compare
ignoring case, as ARM compares them. Values lhlint cannot know before
deployment, such as expressions, are not judged. Members a registration
resource does not define are unknown_property's, and values the API
constrains further have their own rules.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax
and https://learn.microsoft.com/azure/templates/microsoft.managedservices/registrationdefinitions.

Fix: correct or remove the member, add the missing one, or give the value
the type the message names.`,
	Run: runSchema,
}

func runSchema(pass *lint.Pass) error {
	d := pass.Template
	for _, env := range d.Envelopes {
		s := schema.Template()
		if env.Kind == model.ParametersEnvelope {
			s = schema.Parameters()
		}
		// A file is checked once, however many deployments read it.
		type key struct{ root token.Pos }
		ps := pass.Shared(key{env.Root.Pos()}, func() any {
			return conform.Check(s, env.Root, conform.Options{Expression: env.Expression, Memo: pass.Validations})
		}).([]conform.Problem)
		for _, p := range ps {
			reportProblem(pass, p)
		}
	}
	for _, p := range resourceProblems(pass) {
		switch {
		case p.Member: // unknown_property's
		case p.Missing && d.Template == "": // a parameters file checked on its own sets only some properties
		case !p.Missing && mistyped(d, p.Value): // parameter_type_mismatch's
		default:
			reportProblem(pass, p)
		}
	}
	return nil
}

// mistyped reports whether v is the value of a parameter that is not of
// the kind the parameter declares: ARM rejects it there, before any
// resource, and parameter_type_mismatch reports it.
func mistyped(d *model.Deployment, v model.Value) bool {
	for _, p := range d.Parameters {
		pv := p.Value()
		if pv.Span == v.Span && pv.IsKnown() && pv.Kind() != model.Null && p.TypeKind != model.Missing && pv.Kind() != p.TypeKind {
			return true
		}
	}
	return false
}

// reportProblem reports p where the user edits it: a member's key, the
// opening of an object that lacks a member, else the value.
func reportProblem(pass *lint.Pass, p conform.Problem) {
	switch {
	case p.Member:
		reportMember(pass, p)
	case p.Missing:
		pass.ReportRangef(opening(p.Value), "%s", p.Message)
	default:
		pass.ReportValuef(p.Value, "%s", p.Message)
	}
}

// reportMember reports a member the schema does not define at its key,
// with the rename to the nearest defined name when there is one.
func reportMember(pass *lint.Pass, p conform.Problem) {
	d := analysis.Diagnostic{Pos: p.At.Pos(), End: p.At.End(), Message: p.Message}
	if p.Suggest != "" {
		pass.SuggestReplacement(&d, p.Key, model.StringValue(p.Suggest, p.At), "Rename "+p.Key.Text()+" to "+p.Suggest)
	}
	pass.Report(d)
}

// resourceProblems returns how the registration resources of the
// deployment, as evaluated, break the schema of their API version; schema
// and unknown_property report them, and share one validation.
func resourceProblems(pass *lint.Pass) []conform.Problem {
	d := pass.Template
	type key struct{ d *model.Deployment }
	return pass.Shared(key{d}, func() any {
		var out []conform.Problem
		for _, def := range d.Definitions {
			out = append(out, resourceCheck(pass, def.Resource, model.TypeDefinition, def.Plan)...)
		}
		for _, a := range d.Assignments {
			out = append(out, resourceCheck(pass, a.Resource, model.TypeAssignment, model.Value{})...)
		}
		return out
	}).([]conform.Problem)
}

// resourceCheck checks one registration resource of type typ: its plan
// (none when Missing) and properties, as ARM sends them to the API, which
// leaves out null members (json('null') is how templates omit one).
func resourceCheck(pass *lint.Pass, r model.Resource, typ string, plan model.Value) []conform.Problem {
	s, _ := schema.Resource(typ, r.APIVersion.Text())
	body := model.Members{{Key: "properties", KeySpan: r.Span, Value: r.Properties}}
	if !plan.IsMissing() {
		body = append(body, model.Member{Key: "plan", KeySpan: r.Span, Value: plan})
	}
	doc, opts := model.ObjectValue(body, r.Span), conform.Options{DropNull: true, Memo: pass.Validations}
	ps := conform.Check(s, doc, opts)
	newest, _ := schema.Resource(typ, schema.NewestAPIVersion)
	if s == newest || !slices.ContainsFunc(ps, func(p conform.Problem) bool { return p.Member }) {
		return ps
	}
	// A member only a later API version defines (eligibleAuthorizations)
	// is eligible_api_version's, which names the version that brought it.
	later := map[token.Pos]bool{}
	for _, p := range conform.Check(newest, doc, opts) {
		later[p.At.Pos()] = p.Member
	}
	return slices.DeleteFunc(ps, func(p conform.Problem) bool { return p.Member && !later[p.At.Pos()] })
}
