package expr

import (
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// onboarding are typical expressions of Lighthouse onboarding templates.
var onboarding = []string{
	`[parameters('authorizations')]`,
	`[guid(parameters('mspOfferName'))]`,
	`[resourceId('Microsoft.ManagedServices/registrationDefinitions/', variables('mspRegistrationName'))]`,
}

func BenchmarkParse(b *testing.B) {
	for _, s := range onboarding {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(s, offsets); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEval(b *testing.B) {
	env := newTestEnv(model.ScopeSubscription)
	env.params["mspoffername"] = str("Contoso ops", 10)
	for _, s := range onboarding {
		n, err := Parse(s, offsets)
		if err != nil {
			b.Fatal(err)
		}
		if v := Eval(env, n); v.IsUnknown() {
			b.Fatalf("%s = %s", s, describe(v))
		}
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Eval(env, n)
			}
		})
	}
}
