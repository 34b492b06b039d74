package model

// DefinitionOf reads a registration definition from its properties object,
// evaluated. Every front-end builds its definitions with it, so that a
// definition has the same shape whichever language wrote it.
func DefinitionOf(props Value) *Definition {
	def := &Definition{
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
func grant(i int, a Value, eligible bool) Grant {
	return Grant{
		Span:                   a.Span,
		Index:                  i,
		Eligible:               eligible,
		Object:                 a,
		PrincipalID:            a.Get("principalId"),
		PrincipalIDDisplayName: a.Get("principalIdDisplayName"),
		RoleDefinitionID:       a.Get("roleDefinitionId"),
	}
}

// authorization reads the i-th object a of an authorizations array.
func authorization(i int, a Value) *Authorization {
	auth := &Authorization{
		Grant:          grant(i, a, false),
		DelegatedValue: a.Get("delegatedRoleDefinitionIds"),
	}
	auth.DelegatedRoleDefinitionIDs = auth.DelegatedValue.Items()
	return auth
}

// eligibleAuthorization reads the i-th object a of an eligibleAuthorizations
// array.
func eligibleAuthorization(i int, a Value) *EligibleAuthorization {
	el := &EligibleAuthorization{Grant: grant(i, a, true)}
	if p := a.Get("justInTimeAccessPolicy"); p.Kind() == Object {
		el.JITPolicy = &JITPolicy{
			Span:                      p.Span,
			Object:                    p,
			MFAProvider:               p.Get("multiFactorAuthProvider"),
			MaximumActivationDuration: p.Get("maximumActivationDuration"),
			ApproversValue:            p.Get("managedByTenantApprovers"),
		}
		for j, ap := range el.JITPolicy.ApproversValue.Items() {
			el.JITPolicy.Approvers = append(el.JITPolicy.Approvers, &Approver{
				Span:                   ap.Span,
				Index:                  j,
				PrincipalID:            ap.Get("principalId"),
				PrincipalIDDisplayName: ap.Get("principalIdDisplayName"),
			})
		}
	}
	return el
}
