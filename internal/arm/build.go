package arm

import "github.com/lhlint/lhlint/internal/model"

// definition builds a registration definition from its resource declaration.
func (l *loader) definition(e *env, r model.Value, res model.Resource) {
	res.Properties = e.eval(r.Get("properties"))
	def := model.DefinitionOf(res.Properties)
	def.Resource = res
	def.Plan = e.eval(r.Get("plan"))
	l.d.Definitions = append(l.d.Definitions, def)
}

// assignment builds a registration assignment from its resource declaration.
func (l *loader) assignment(e *env, r model.Value, res model.Resource) {
	res.Properties = e.eval(r.Get("properties"))
	l.d.Assignments = append(l.d.Assignments, &model.Assignment{
		Resource:                 res,
		RegistrationDefinitionID: res.Properties.Get("registrationDefinitionId"),
	})
}

// loadParametersAlone checks a parameters file no template claims: where
// its values have the unambiguous shape of an onboarding (authorizations,
// managedByTenantId), they stand for one registration definition whose
// scope and resource envelope are unknown.
func loadParametersAlone(d *model.Deployment, params *File) {
	values := byName(parameterValues(params.Root()))
	get := func(name string) model.Value {
		if g, ok := values[name]; ok {
			return g.value
		}
		return model.MissingAt(params.Root().Span)
	}
	members := model.Members{
		{Key: "registrationDefinitionName", Value: get("mspoffername")},
		{Key: "description", Value: get("mspofferdescription")},
		{Key: "managedByTenantId", Value: get("managedbytenantid")},
		{Key: "authorizations", Value: get("authorizations")},
		{Key: "eligibleAuthorizations", Value: get("eligibleauthorizations")},
	}
	var present model.Members
	for _, m := range members {
		if !m.Value.IsMissing() {
			present = append(present, m)
		}
	}
	props := model.ObjectValue(present, params.Root().Span)
	def := model.DefinitionOf(props)
	def.Resource = model.Resource{Span: params.Root().Span, Properties: props}
	d.Definitions = append(d.Definitions, def)
}
