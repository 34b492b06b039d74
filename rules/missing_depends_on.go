package rules

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
)

// MissingDependsOn reports assignments that may be deployed before the
// definition they reference.
var MissingDependsOn = &lint.Rule{
	Name:     "missing_depends_on",
	Title:    "Assignment does not depend on its definition",
	Severity: lint.Warning,
	Doc: `ARM deploys resources in parallel unless dependsOn orders them. An
assignment (or the nested deployment that holds it) without dependsOn on the
registration definition it references can be created first and fail because
the definition does not exist yet. The official onboarding templates always
declare the dependency.
See https://learn.microsoft.com/azure/azure-resource-manager/templates/resource-dependency.

Fix: add the definition's resource ID to the dependsOn of the assignment, or
of the nested deployment that contains it; in ARM JSON, for example
"[resourceId('Microsoft.ManagedServices/registrationDefinitions', variables('definitionName'))]".`,
	Run: runMissingDependsOn,
}

func runMissingDependsOn(pass *lint.Pass) error {
	for _, a := range pass.Template.Assignments {
		def := referencedDefinition(pass.Template, a)
		if def == nil || dependsOn(&a.Resource, def) {
			continue
		}
		at, msg := a.Type, "registration assignment does not depend on the registration definition it references; add the definition to dependsOn"
		if nd := outermost(a.Deployment); nd != nil {
			at, msg = nd.Type, fmt.Sprintf("nested deployment %q does not depend on the registration definition its assignment references; add the definition to dependsOn", nd.Name.Text())
		}
		d := lint.ValueDiagnostic(at, msg)
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: def.Pos(), End: def.Pos(), Message: "the registration definition"})
		pass.Report(d)
	}
	return nil
}

// referencedDefinition returns the definition of this deployment that an
// assignment's registrationDefinitionId names, if any.
func referencedDefinition(d *model.Deployment, a *model.Assignment) *model.Definition {
	name, ok := model.DefinitionName(a.RegistrationDefinitionID.Text())
	if !ok {
		return nil
	}
	for _, def := range d.Definitions {
		if def.Name.Kind() == model.String && strings.EqualFold(def.Name.Text(), name) {
			return def
		}
	}
	return nil
}

// dependsOn reports whether r, or a nested deployment around it, depends on
// def: by symbolic name, by its copy loop's name (ARM then waits for every
// copy), or by an ID or name that ends with def's name.
func dependsOn(r *model.Resource, def *model.Definition) bool {
	for ; r != nil; r = deploymentResource(r.Deployment) {
		for _, dep := range r.DependsOn {
			if dep.IsUnknown() {
				return true // cannot tell; stay silent
			}
			text := strings.ToLower(dep.Text())
			if (def.Symbol != "" && strings.EqualFold(text, def.Symbol)) || strings.HasSuffix(text, strings.ToLower(def.Name.Text())) ||
				(def.Copy != nil && strings.EqualFold(text, def.Copy.Name)) {
				return true
			}
		}
	}
	return false
}

func deploymentResource(nd *model.NestedDeployment) *model.Resource {
	if nd == nil {
		return nil
	}
	return &nd.Resource
}

// outermost returns the outermost nested deployment around a resource.
func outermost(nd *model.NestedDeployment) *model.NestedDeployment {
	for nd != nil && nd.Deployment != nil {
		nd = nd.Deployment
	}
	return nd
}
