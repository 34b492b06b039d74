package arm

import "github.com/lhlint/lhlint/internal/model"

// definition builds a registration definition from its resource declaration.
func (l *loader) definition(e *env, r model.Value, res model.Resource) {
	res.Properties = e.eval(r.Get("properties"))
	def := definitionFrom(res.Properties)
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

// definitionFrom reads a definition's properties, evaluated.
func definitionFrom(props model.Value) *model.Definition {
	def := &model.Definition{
		OfferName:           props.Get("registrationDefinitionName"),
		Description:         props.Get("description"),
		ManagedByTenantID:   props.Get("managedByTenantId"),
		AuthorizationsValue: props.Get("authorizations"),
		EligibleValue:       props.Get("eligibleAuthorizations"),
	}
	for i, a := range def.AuthorizationsValue.Items() {
		def.Authorizations = append(def.Authorizations, authorization(i, a))
	}
	for i, a := range def.EligibleValue.Items() {
		def.EligibleAuthorizations = append(def.EligibleAuthorizations, eligibleAuthorization(i, a))
	}
	return def
}

// grant reads what every authorization has, from the i-th object a of its
// array.
func grant(i int, a model.Value, eligible bool) model.Grant {
	return model.Grant{
		Span:                   a.Span,
		Index:                  i,
		Eligible:               eligible,
		Object:                 a,
		PrincipalID:            a.Get("principalId"),
		PrincipalIDDisplayName: a.Get("principalIdDisplayName"),
		RoleDefinitionID:       a.Get("roleDefinitionId"),
	}
}

func authorization(i int, a model.Value) *model.Authorization {
	auth := &model.Authorization{
		Grant:          grant(i, a, false),
		DelegatedValue: a.Get("delegatedRoleDefinitionIds"),
	}
	auth.DelegatedRoleDefinitionIDs = auth.DelegatedValue.Items()
	return auth
}

func eligibleAuthorization(i int, a model.Value) *model.EligibleAuthorization {
	el := &model.EligibleAuthorization{Grant: grant(i, a, true)}
	if p := a.Get("justInTimeAccessPolicy"); p.Kind() == model.Object {
		el.JITPolicy = &model.JITPolicy{
			Span:                      p.Span,
			Object:                    p,
			MFAProvider:               p.Get("multiFactorAuthProvider"),
			MaximumActivationDuration: p.Get("maximumActivationDuration"),
			ApproversValue:            p.Get("managedByTenantApprovers"),
		}
		for j, ap := range el.JITPolicy.ApproversValue.Items() {
			el.JITPolicy.Approvers = append(el.JITPolicy.Approvers, &model.Approver{
				Span:                   ap.Span,
				Index:                  j,
				PrincipalID:            ap.Get("principalId"),
				PrincipalIDDisplayName: ap.Get("principalIdDisplayName"),
			})
		}
	}
	return el
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
	def := definitionFrom(props)
	def.Resource = model.Resource{Span: params.Root().Span, Properties: props}
	d.Definitions = append(d.Definitions, def)
}
