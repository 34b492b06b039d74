package expr

import (
	"go/token"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// fuzzSeeds are expressions of every construct, from onboarding templates
// and from the error cases.
var fuzzSeeds = []string{
	`[parameters('authorizations')]`,
	`[guid(parameters('mspOfferName'))]`,
	`[resourceId('Microsoft.ManagedServices/registrationDefinitions/', variables('mspRegistrationName'))]`,
	`[concat('a', parameters('rgs')[copyIndex()].rgName)]`,
	`[format('{0:N2}|{1,-5}|{{x}}', 1234, 'ab')]`,
	`[json('[1, {"a": 2.5, ''b'': "\u0041"}]')[1].a]`,
	`[if(equals(1, 1), createObject('a', 'b'), null())]`,
	`[split('a,b', createArray(',', ';'))[5]]`,
	`[union(createArray(1), createArray(2), createObject())]`,
	`[substring('abc', -1)]`,
	`['it''s']`,
	`[map(range(0, 3), lambda('x', 'i', add(lambdaVariables('x'), lambdaVariables('i'))))]`,
	`[sort(createArray(3, 1), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]`,
	`[reduce(createArray(1, 2), 0, lambda('c', 'n', add(lambdaVariables('c'), lambdaVariables('n'))))]`,
	`[toObject(createArray('a'), lambda('x', lambdaVariables('x')), lambda('x', 1))]`,
	`[groupBy(createArray('a', 'b'), lambda('x', lambdaVariables('x')))]`,
	`[mapValues(createObject('a', 1), lambda('v', lambdaVariables('v')))]`,
	`[subscriptionResourceId(subscription().subscriptionId, 'Microsoft.ManagedServices/registrationDefinitions', guid('x'))]`,
	`[extensionResourceId(resourceGroup().id, 'Microsoft.ManagedServices/registrationAssignments', uniqueString('a'))]`,
	`[tenantResourceId('Microsoft.Management/managementGroups', 'mg')]`,
	`[managementGroupResourceId('mg', 'Microsoft.Authorization/roleDefinitions', 'r')]`,
	`[toLower(replace(trim(padLeft('x', 3, '0')), '0', '1'))]`,
	`[base64ToJson(base64('{"a": [1]}')).a[0]]`,
	`[uri('http://a/b/', uriComponentToString(uriComponent('c d')))]`,
	`[dataUriToString(dataUri('x'))]`,
	`[items(createObject('b', 1, 'a', 2))[0].key]`,
	`[tryGet(createObject('a', createArray(1)), 'a', 0)]`,
	`[intersection(createArray(1, 2), createArray(2))]`,
	`[and(or(false(), true()), not(false()), greater(2, 1), lessOrEquals('a', 'b'))]`,
	`[coalesce(null(), reference('x').y, 'z')]`,
	`[listKeys(resourceId('T/t', 'n'), '2020-01-01').keys[0].value]`,
	`[__bicep.f(1)]`,
	`[ns.f()]`,
	`[]`,
	`[concat('a' 'b')]`,
	`[parameters('a')] and [parameters('b')]`,
	`[a(1.5)]`,
	`[-]`,
	`[a("x")]`,
	`[a().b[0]['c'].d]`,
	`[int('9223372036854775807')]`,
	`[mul(9223372036854775807, 2)]`,
	`[indexOf('aÄb', 'äB')]`,
	`[string(createObject('a', createArray(true(), null(), 'x')))]`,
	`[length(string(range(0, 1000)))]`,
	// Values that share their parts (see doublingEnv).
	`[string(variables('a59'))]`,
	`[format('{0}', variables('o59'))]`,
	`[equals(variables('a59'), variables('b59'))]`,
	`[union(variables('o59'), variables('o59'))]`,
	`[distinct(variables('a59'))]`,
	`[intersection(variables('a59'), variables('b59'))]`,
	`[indexOf(variables('a59'), variables('b58'))]`,
	`[string(reduce(range(0, 59), createArray(1), lambda('a', 'i', createArray(lambdaVariables('a'), lambdaVariables('a')))))]`,
}

// FuzzParse checks that Parse never panics and that the spans it reports
// lie inside the expression.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s, offsets)
		inside := func(sp model.Span) bool {
			return sp.Pos() >= base && sp.End() <= base+token.Pos(len(s)) && sp.Pos() <= sp.End()
		}
		if err != nil {
			if !inside(err.Span) || err.Msg == "" {
				t.Fatalf("Parse(%q) error %q at %s", s, err.Msg, spanOf(err.Span))
			}
			return
		}
		var walk func(Node)
		walk = func(n Node) {
			sp := nodeSpan(n)
			if !inside(sp) {
				t.Fatalf("Parse(%q): node %s at %s", s, dump(n), spanOf(sp))
			}
			switch n := n.(type) {
			case *Call:
				for _, a := range n.Args {
					walk(a)
				}
			case *Member:
				walk(n.X)
			case *Index:
				walk(n.X)
				walk(n.Index)
			}
		}
		walk(n)
	})
}

// FuzzEval checks that evaluating any expression that parses never panics
// and that its result is placed somewhere.
func FuzzEval(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	env := doublingEnv(model.ScopeResourceGroup)
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s, offsets)
		if err != nil {
			return
		}
		v := Eval(env, n)
		if v.IsMissing() || !v.IsValid() {
			t.Fatalf("Eval(%q) = %s at %s", s, describe(v), spanOf(v.Span))
		}
		if v.IsUnknown() && v.Reason() == "" {
			t.Fatalf("Eval(%q) is unknown without a reason", s)
		}
	})
}
