package arm

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/golden"
	"github.com/lhlint/lhlint/internal/model"
)

// TestLoad loads each testdata/load/<case>.json (with <case>.parameters.json
// when present) and compares a dump of the model with <case>.golden.
func TestLoad(t *testing.T) {
	templates, _ := filepath.Glob("testdata/load/*.json")
	for _, path := range templates {
		if strings.HasSuffix(path, ".parameters.json") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			fset := token.NewFileSet()
			tmpl := parseFile(t, fset, path)
			var params *File
			if p := strings.TrimSuffix(path, ".json") + ".parameters.json"; exists(p) {
				params = parseFile(t, fset, p)
			}
			got := dump(fset, Load(tmpl, params))
			golden.Check(t, strings.TrimSuffix(path, ".json")+".golden", []byte(got))
		})
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func parseFile(t *testing.T, fset *token.FileSet, path string) *File {
	t.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Parse(fset, filepath.Base(path), content)
}

// dump writes the model as text: every value with where it is written and
// the hops it took.
func dump(fset *token.FileSet, d *model.Deployment) string {
	var b strings.Builder
	w := func(indent int, format string, args ...any) {
		b.WriteString(strings.Repeat("  ", indent))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	at := func(r interface{ Pos() token.Pos }) string {
		if !r.Pos().IsValid() {
			return "-"
		}
		p := fset.Position(r.Pos())
		return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
	}
	val := func(v model.Value) string {
		var s string
		switch v.Kind() {
		case model.Missing:
			return "missing @ " + at(v)
		case model.Unknown:
			s = "unknown (" + v.Reason() + ")"
		case model.String:
			s = fmt.Sprintf("%q", v.Text())
			if v.IsSymbolic() {
				s = "symbolic " + s
			}
		case model.Int:
			n, _ := v.Int()
			s = fmt.Sprint(n)
		case model.Bool:
			bv, _ := v.Bool()
			s = fmt.Sprint(bv)
		default:
			s = fmt.Sprintf("%s(%d)", v.Kind(), v.Len())
		}
		s += " @ " + at(v)
		for _, h := range v.Via() {
			s += " via " + at(h)
		}
		return s
	}
	scope := func(s model.Scope) string {
		out := s.Kind.String() + " @ " + at(s)
		if s.ResourceGroup.IsKnown() {
			out += " rg=" + val(s.ResourceGroup)
		}
		return out
	}
	resource := func(kind string, i int, r model.Resource) {
		w(0, "%s[%d] %s", kind, i, at(r))
		w(1, "name: %s", val(r.Name))
		w(1, "apiVersion: %s", val(r.APIVersion))
		w(1, "scope: %s", scope(r.Scope))
		if r.Symbol != "" {
			w(1, "symbol: %s", r.Symbol)
		}
		if r.Copy != nil {
			w(1, "copy: %s index %d of %s", r.Copy.Name, r.Copy.Index, val(r.Copy.Count))
		}
		if r.Deployment != nil {
			w(1, "in deployment: %s inner=%v policy=%v", val(r.Deployment.Name), r.Deployment.Inner, r.Deployment.Policy)
		}
		for _, dep := range r.DependsOn {
			w(1, "dependsOn: %s", val(dep))
		}
	}
	w(0, "template: %s", d.Template)
	w(0, "parameters file: %s", d.ParametersFile)
	w(0, "target scope: %s", scope(d.TargetScope))
	for _, p := range d.Parameters {
		w(0, "parameter %s: %s", p.Name, val(p.Value()))
	}
	for i, def := range d.Definitions {
		resource("definition", i, def.Resource)
		w(1, "offer: %s", val(def.OfferName))
		w(1, "managedByTenantId: %s", val(def.ManagedByTenantID))
		if !def.Plan.IsMissing() {
			w(1, "plan: %s", val(def.Plan))
		}
		w(1, "authorizations: %s", val(def.AuthorizationsValue))
		for _, a := range def.Authorizations {
			w(2, "[%d] principal %s", a.Index, val(a.PrincipalID))
			w(3, "display %s", val(a.PrincipalIDDisplayName))
			w(3, "role %s", val(a.RoleDefinitionID))
			for _, del := range a.DelegatedRoleDefinitionIDs {
				w(3, "delegated %s", val(del))
			}
		}
		for _, e := range def.EligibleAuthorizations {
			w(2, "eligible[%d] principal %s", e.Index, val(e.PrincipalID))
			w(3, "role %s", val(e.RoleDefinitionID))
			if p := e.JITPolicy; p != nil {
				w(3, "mfa %s", val(p.MFAProvider))
				w(3, "duration %s", val(p.MaximumActivationDuration))
				for _, ap := range p.Approvers {
					w(3, "approver %s", val(ap.PrincipalID))
				}
			}
		}
	}
	for i, a := range d.Assignments {
		resource("assignment", i, a.Resource)
		w(1, "registrationDefinitionId: %s", val(a.RegistrationDefinitionID))
	}
	for _, nd := range d.Deployments {
		w(0, "deployment %s scope %s", val(nd.Name), scope(nd.Scope))
	}
	for _, p := range d.Problems {
		w(0, "problem %s: %s", at(p), p.Message)
	}
	for _, s := range d.Suppressions {
		var names []string
		for _, n := range s.Rules {
			names = append(names, fmt.Sprintf("%s@%s", n.Name, at(n)))
		}
		w(0, "suppression %s-%s of [%s] reason %q covers %s-%s", at(s), fset.Position(s.End()), strings.Join(names, " "), s.Reason, at(s.Covers), fset.Position(s.Covers.End()))
	}
	return b.String()
}

// TestSyntaxLiteral checks that a fix writes a string the template would
// read as an expression escaped, and a parameters file's value as it is.
func TestSyntaxLiteral(t *testing.T) {
	fset := token.NewFileSet()
	tmpl := Parse(fset, "t.json", []byte(`{"resources": []}`))
	params := Parse(fset, "t.parameters.json", []byte(`{"parameters": {}}`))
	s := Load(tmpl, params).Syntax
	for _, tt := range []struct {
		file *File
		text string
		want string
	}{
		{tmpl, "abc", `"abc"`},
		{tmpl, "[abc]", `"[[abc]"`},
		{tmpl, "[[abc]", `"[[[abc]"`},
		{tmpl, "[x] y", `"[x] y"`},
		{params, "[abc]", `"[abc]"`},
	} {
		got, ok := s.Literal(tt.file.Pos(0), model.StringValue(tt.text, model.Span{}))
		if !ok || string(got) != tt.want {
			t.Errorf("Literal(%s, %q) = %s, %v; want %s", tt.file.Name, tt.text, got, ok, tt.want)
		}
	}
}
