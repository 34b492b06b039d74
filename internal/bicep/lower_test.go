package bicep

import (
	"go/token"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/expr"
	"github.com/lhlint/lhlint/internal/model"
)

// lowerPrelude declares what the expressions of the table tests read.
const lowerPrelude = `targetScope = 'subscription'
param name string = 'Contoso'
param count int = 3
param flag bool = true
param tags object = {
  env: 'prod'
  owner: null
}
param ids array = [
  'a'
  'b'
  'c'
]
param noDefault string
var greeting = 'Hello ${name}'
var nested = {
  inner: {
    value: 42
  }
  list: [1, 2, 3]
}
var squares = [for i in range(1, count): i * i]
var cycleA = cycleB
var cycleB = cycleA
func double(x int) int => x * 2
func hello(who string) string => 'Hello ${who}'
func readsVar() string => greeting
resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg'
  location: 'westeurope'
}
`

// evalPair evaluates a Bicep expression and an ARM expression in the same
// environment.
func evalPair(t *testing.T, bicepExpr, armExpr string) (model.Value, model.Value, *File) {
	t.Helper()
	fset := token.NewFileSet()
	f := Parse(fset, "main.bicep", []byte(lowerPrelude+"var under_test = "+bicepExpr+"\n"))
	if len(f.Errors) > 0 {
		t.Fatalf("%s: %v", bicepExpr, f.Errors[0])
	}
	e := NewEnv(f, Options{})
	got, _ := e.Variable("under_test")
	if armExpr == "" {
		return got, model.Value{}, f
	}
	if !strings.HasPrefix(armExpr, "[") {
		armExpr = "[" + armExpr + "]"
	}
	n, err := expr.Parse(armExpr, func(int) token.Pos { return token.NoPos })
	if err != nil {
		t.Fatalf("%s: %v", armExpr, err)
	}
	return got, expr.Eval(e, n), f
}

// show writes a value for a comparison: its JSON-like text, or its reason.
func show(v model.Value) string {
	switch v.Kind() {
	case model.Unknown:
		return "unknown: " + v.Reason()
	case model.Missing:
		return "missing"
	case model.Null:
		return "null"
	case model.Bool:
		b, _ := v.Bool()
		if b {
			return "true"
		}
		return "false"
	case model.Int:
		n, _ := v.Int()
		return strconv.FormatInt(n, 10)
	case model.String:
		if v.IsSymbolic() {
			return "sym:" + v.Text()
		}
		return "'" + v.Text() + "'"
	case model.Array:
		var parts []string
		for _, it := range v.Items() {
			parts = append(parts, show(it))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case model.Object:
		var parts []string
		for _, m := range v.Members() {
			parts = append(parts, m.Key+": "+show(m.Value))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "?"
}

func TestLowerMatchesARM(t *testing.T) {
	tests := []struct {
		bicep, arm string
		want       string // the value both give
	}{
		{`'plain'`, `'plain'`, `'plain'`},
		{`'a${name}c'`, `[format('a{0}c', parameters('name'))]`, `'aContosoc'`},
		{`'${count}'`, `[format('{0}', parameters('count'))]`, `'3'`},
		{`'${flag}-${count}'`, `[format('{0}-{1}', parameters('flag'), parameters('count'))]`, `'True-3'`},
		{`'{braces} ${name}'`, `[format('{{braces}} {0}', parameters('name'))]`, `'{braces} Contoso'`},
		{`'''multi
line'''`, `'multi
line'`, "'multi\nline'"},
		{`'\u{D801}\u{DC37}'`, `'𐐷'`, "'𐐷'"},
		{`42`, `42`, `42`},
		{`-7`, `-7`, `-7`},
		{`-count`, `[sub(0, parameters('count'))]`, `-3`},
		{`true`, `[true()]`, `true`},
		{`null`, `[null()]`, `null`},
		{`!flag`, `[not(parameters('flag'))]`, `false`},
		{`count + 2 * 3`, `[add(parameters('count'), mul(2, 3))]`, `9`},
		{`(count + 2) % 4`, `[mod(add(parameters('count'), 2), 4)]`, `1`},
		{`count / 2 - 1`, `[sub(div(parameters('count'), 2), 1)]`, `0`},
		{`count < 4 && count >= 3`, `[and(less(parameters('count'), 4), greaterOrEquals(parameters('count'), 3))]`, `true`},
		{`count > 4 || count <= 2`, `[or(greater(parameters('count'), 4), lessOrEquals(parameters('count'), 2))]`, `false`},
		{`name == 'contoso'`, `[equals(parameters('name'), 'contoso')]`, `false`},
		{`name =~ 'contoso'`, `[equals(toLower(parameters('name')), toLower('contoso'))]`, `true`},
		{`name != 'contoso'`, `[not(equals(parameters('name'), 'contoso'))]`, `true`},
		{`name !~ 'CONTOSO'`, `[not(equals(toLower(parameters('name')), toLower('CONTOSO')))]`, `false`},
		{`tags.owner ?? 'nobody'`, `[coalesce(parameters('tags').owner, 'nobody')]`, `'nobody'`},
		{`flag ? 'yes' : 'no'`, `[if(parameters('flag'), 'yes', 'no')]`, `'yes'`},
		{`tags.env`, `[parameters('tags').env]`, `'prod'`},
		{`tags.?missing`, `[tryGet(parameters('tags'), 'missing')]`, `null`},
		{`tags.?missing.deeper`, `[tryGet(parameters('tags'), 'missing', 'deeper')]`, `null`},
		{`nested.inner.value`, `[variables('nested').inner.value]`, `42`},
		{`tags.?missing!.deeper`, `[tryGet(parameters('tags'), 'missing', 'deeper')]`, `null`},
		{`(tags.?missing).deeper`, `[tryGet(parameters('tags'), 'missing').deeper]`, `unknown: cannot read property "deeper" of null`},
		{`ids[?0][0]`, `[tryGet(parameters('ids'), 0, 0)]`, `unknown: tryGet takes an object or an array, got a string`},
		{`ids[1]`, `[parameters('ids')[1]]`, `'b'`},
		{`ids[?5]`, `[tryGet(parameters('ids'), 5)]`, `null`},
		{`ids[^1]`, `[indexFromEnd(parameters('ids'), 1)]`, `'c'`},
		{`ids[?^9]`, `[tryIndexFromEnd(parameters('ids'), 9)]`, `null`},
		{`tags['env']`, `[parameters('tags')['env']]`, `'prod'`},
		{`ids[0]!`, `[parameters('ids')[0]]`, `'a'`},
		{`greeting`, `[variables('greeting')]`, `'Hello Contoso'`},
		{`squares`, `[variables('squares')]`, `[1, 4, 9]`},
		{`[1, 'two', name]`, `[createArray(1, 'two', parameters('name'))]`, `[1, 'two', 'Contoso']`},
		{`{ a: 1, 'b-c': name }`, `[createObject('a', 1, 'b-c', parameters('name'))]`, `{a: 1, b-c: 'Contoso'}`},
		{`{ '${name}': 1 }`, `[createObject(format('{0}', parameters('name')), 1)]`, `{Contoso: 1}`},
		{`{ a: 1, ...tags }`, `[shallowMerge(createArray(createObject('a', 1), parameters('tags')))]`, `{a: 1, env: 'prod', owner: null}`},
		{`[0, ...ids]`, `[flatten(createArray(createArray(0), parameters('ids')))]`, `[0, 'a', 'b', 'c']`},
		{`length(ids)`, `[length(parameters('ids'))]`, `3`},
		{`sys.length(ids)`, `[length(parameters('ids'))]`, `3`},
		{`any(count)`, `[parameters('count')]`, `3`},
		{`toUpper(name)`, `[toUpper(parameters('name'))]`, `'CONTOSO'`},
		{`map(ids, x => '${x}!')`, `[map(parameters('ids'), lambda('x', format('{0}!', lambdaVariables('x'))))]`, `['a!', 'b!', 'c!']`},
		{`filter(ids, x => x != 'b')`, `[filter(parameters('ids'), lambda('x', not(equals(lambdaVariables('x'), 'b'))))]`, `['a', 'c']`},
		{`reduce(squares, 0, (acc, x) => acc + x)`, `[reduce(variables('squares'), 0, lambda('acc', 'x', add(lambdaVariables('acc'), lambdaVariables('x'))))]`, `14`},
		{`toObject(ids, x => x, x => toUpper(x))`, `[toObject(parameters('ids'), lambda('x', lambdaVariables('x')), lambda('x', toUpper(lambdaVariables('x'))))]`, `{a: 'A', b: 'B', c: 'C'}`},
		{`sort(ids, (a, b) => a > b)`, `[sort(parameters('ids'), lambda('a', 'b', greater(lambdaVariables('a'), lambdaVariables('b'))))]`, `['c', 'b', 'a']`},
		{`[for (x, i) in ids: '${i}:${x}']`, `[map(parameters('ids'), lambda('x', 'i', format('{0}:{1}', lambdaVariables('i'), lambdaVariables('x'))))]`, `['0:a', '1:b', '2:c']`},
		{`length([for x in ids: x])`, `[length(map(parameters('ids'), lambda('x', lambdaVariables('x'))))]`, `3`},
		{`[for x in items(tags): x.key]`, `[map(items(parameters('tags')), lambda('x', lambdaVariables('x').key))]`, `['env', 'owner']`},
		{`double(count)`, `[__bicep.double(parameters('count'))]`, `6`},
		{`hello(name)`, `[__bicep.hello(parameters('name'))]`, `'Hello Contoso'`},
		{`subscription().subscriptionId`, `[subscription().subscriptionId]`, `sym:{subscription().subscriptionId}`},
		{`guid(subscription().id, name)`, `[guid(subscription().id, parameters('name'))]`, ``},
		{`'${tenant().tenantId}/x'`, `[format('{0}/x', tenant().tenantId)]`, `sym:{tenant().tenantId}/x`},
		{`resourceGroup().name`, `[resourceGroup().name]`, `unknown: resourceGroup() is not available in a subscription-scope template`},
	}
	for _, tc := range tests {
		got, want, _ := evalPair(t, tc.bicep, tc.arm)
		if show(got) != show(want) {
			t.Errorf("%s\n got %s\nwant %s (from %s)", tc.bicep, show(got), show(want), tc.arm)
			continue
		}
		if tc.want != "" && show(got) != tc.want {
			t.Errorf("%s = %s, want %s", tc.bicep, show(got), tc.want)
		}
	}
}

func TestLowerUnknowns(t *testing.T) {
	tests := []struct{ bicep, reason string }{
		{`rg.name`, `lhlint does not evaluate references to resource "rg"`},
		{`undeclared`, `"undeclared" is not declared`},
		{`noDefault`, `parameter "noDefault" has no value: it has no default and no parameters file sets it`},
		{`cycleA`, `variable "cycleA" refers to itself`},
		{`readsVar()`, `function "readsVar" reads "greeting": a user-defined function can use only its parameters`},
		{`double(1, 2)`, `function "double" takes 1 arguments, got 2`},
		{`loadTextContent('x.txt')`, `lhlint does not read the file that loadTextContent() loads`},
		{`rg.listKeys()`, `listKeys() is evaluated at deployment time`},
		{`[for x in 'abc': x]`, `a loop runs over an array, got a string`},
		{`[for x in range(0, 801): x]`, `the loop has 801 items, more than Azure's limit of 800`},
		{`reference('x').id`, `reference() is evaluated at deployment time`},
	}
	for _, tc := range tests {
		got, _, _ := evalPair(t, tc.bicep, "")
		if got.Reason() != tc.reason {
			t.Errorf("%s = %s, want unknown: %s", tc.bicep, show(got), tc.reason)
		}
	}
}

// TestLowerSpans checks that a value read from a literal keeps the span
// of the literal, and a computed one the span of its expression.
func TestLowerSpans(t *testing.T) {
	tests := []struct{ bicep, at string }{
		{`'plain'`, `'plain'`},
		{`name`, `'Contoso'`},
		{`ids[1]`, `'b'`},
		{`nested.inner.value`, `42`},
		{`'x${name}'`, `'x${name}'`},
		{`[for x in ids: x][2]`, `'c'`},
		{`map(ids, x => x)[0]`, `'a'`},
		{`-7`, `-7`},
		{`hello(name)`, `'Hello ${who}'`},
		{`tags.owner ?? 'nobody'`, `'nobody'`},
		{`flag ? 'yes' : 'no'`, `'yes'`},
	}
	for _, tc := range tests {
		got, _, f := evalPair(t, tc.bicep, "")
		if !got.Span.IsValid() {
			t.Errorf("%s = %s has no span", tc.bicep, show(got))
			continue
		}
		text := f.Content
		start, end := f.Tok.Offset(got.Pos()), f.Tok.Offset(got.End())
		if s := string(text[start:end]); s != tc.at {
			t.Errorf("%s = %s is spanned at %q, want %q", tc.bicep, show(got), s, tc.at)
		}
	}
}

func TestLowerCompileTimeFunctions(t *testing.T) {
	files := map[string]string{
		"a.txt":      "line 1\r\nline 2",
		"data.json":  "{\n  // a comment\n  \"name\": \"x\", /* another */ \"list\": [1, {\"k\": \"v\"}]\n}",
		"bin":        "\x00\x01\x02",
		"latin1.txt": "caf\xe9",
	}
	read := func(path string) ([]byte, error) {
		if s, ok := files[path]; ok {
			return []byte(s), nil
		}
		return nil, fs.ErrNotExist
	}
	tests := []struct{ bicep, want string }{
		{`loadTextContent('a.txt')`, "'line 1\r\nline 2'"},
		{`loadTextContent('latin1.txt', 'iso-8859-1')`, `'café'`},
		{`loadFileAsBase64('bin')`, `'AAEC'`},
		{`loadJsonContent('data.json')`, `{name: 'x', list: [1, {k: 'v'}]}`},
		{`loadJsonContent('data.json', '$.list[1].k')`, `'v'`},
		{`loadJsonContent('data.json', '.name')`, `'x'`},
		{`loadJsonContent('data.json', '.list[?(@ > 0)]')`, `unknown: lhlint does not evaluate the JSON path ".list[?(@ > 0)]"`},
		{`loadTextContent('missing.txt')`, `unknown: loadTextContent cannot read "missing.txt": file does not exist`},
		{`loadYamlContent('a.yaml')`, `unknown: lhlint does not read the file that loadYamlContent() loads`},
		{`nameof(name)`, `'name'`},
		{`nameof(tags.env)`, `'env'`},
		{`nameof(rg)`, `'rg'`},
		{`subscription('00000000-0000-0000-0000-000000000000')`, `{}`},
		{`greet('x')`, `unknown: lhlint does not evaluate calls of imported symbol "greet"`},
		{`az.getSecret('s', 'rg', 'kv', 'name')`, `unknown: getSecret() reads a Key Vault secret when the deployment runs`},
		{`readEnvironmentVariable('X')`, `unknown: readEnvironmentVariable() is known only when the deployment runs`},
	}
	for _, tc := range tests {
		src := lowerPrelude + "import {greet} from 'lib.bicep'\nvar under_test = " + tc.bicep + "\n"
		f := Parse(token.NewFileSet(), "main.bicep", []byte(src))
		if len(f.Errors) > 0 {
			t.Fatalf("%s: %v", tc.bicep, f.Errors[0])
		}
		got, _ := NewEnv(f, Options{ReadFile: read}).Variable("under_test")
		if show(got) != tc.want {
			t.Errorf("%s = %s, want %s", tc.bicep, show(got), tc.want)
		}
	}
}

// TestLowerResolver checks that references the lowering does not evaluate
// reach the resolver, whose node stands for them.
func TestLowerResolver(t *testing.T) {
	f := Parse(token.NewFileSet(), "main.bicep", []byte(lowerPrelude+"var under_test = '${rg.name}-${rg.location}'\n"))
	resolve := func(x Expr) (expr.Node, bool) {
		id, ok := x.(*Ident)
		if !ok || id.Name != "rg" {
			return nil, false
		}
		v := model.ObjectValue(model.Members{
			{Key: "name", Value: model.StringValue("rg", id.Span)},
		}, id.Span)
		return &expr.Lit{Span: id.Span, Value: v}, true
	}
	got, _ := NewEnv(f, Options{Resolve: resolve}).Variable("under_test")
	if want := `unknown: the object has no property "location"`; show(got) != want {
		t.Errorf("got %s, want %s", show(got), want)
	}
	e := NewEnv(f, Options{Resolve: resolve})
	n := e.Lower(&Member{X: &Ident{Name: "rg"}, Name: &Ident{Name: "name"}})
	if v := expr.Eval(e, n); show(v) != `'rg'` {
		t.Errorf("rg.name = %s, want 'rg'", show(v))
	}
}

// TestEnvValues checks that a value written as an object or array keeps
// its known members when one is unknown, as the JSON the compiler writes
// for it does, while the same literal inside an expression is unknown as
// a whole, as createObject() is.
func TestEnvValues(t *testing.T) {
	tests := []struct{ bicep, want string }{
		{`{ a: name, b: noDefault }`, `{a: 'Contoso', b: unknown: parameter "noDefault" has no value: it has no default and no parameters file sets it}`},
		{`[name, noDefault]`, `['Contoso', unknown: parameter "noDefault" has no value: it has no default and no parameters file sets it]`},
		{`[for x in take(ids, 1): { v: x, w: noDefault }]`, `[{v: 'a', w: unknown: parameter "noDefault" has no value: it has no default and no parameters file sets it}]`},
		{`union({ a: name, b: noDefault }, {})`, `unknown: parameter "noDefault" has no value: it has no default and no parameters file sets it`},
		{`({ a: (name) })`, `{a: 'Contoso'}`},
		{`{ '${noDefault}': 1 }`, `unknown: parameter "noDefault" has no value: it has no default and no parameters file sets it`},
		{`nameof(tags['env'])`, `'env'`},
		{`nameof('x')`, `unknown: nameof takes a symbol or a property access`},
	}
	for _, tc := range tests {
		got, _, _ := evalPair(t, tc.bicep, "")
		if show(got) != tc.want {
			t.Errorf("%s = %s, want %s", tc.bicep, show(got), tc.want)
		}
	}
}

func TestEnvScope(t *testing.T) {
	tests := []struct {
		src  string
		want model.ScopeKind
	}{
		{"param p string\n", model.ScopeResourceGroup},
		{"targetScope = 'resourceGroup'\n", model.ScopeResourceGroup},
		{"targetScope = 'subscription'\n", model.ScopeSubscription},
		{"targetScope = 'managementGroup'\n", model.ScopeManagementGroup},
		{"targetScope = 'tenant'\n", model.ScopeTenant},
		{"targetScope = 'local'\n", model.ScopeUnknown},
	}
	for _, tc := range tests {
		f := Parse(token.NewFileSet(), "main.bicep", []byte(tc.src))
		e := NewEnv(f, Options{})
		if got := e.Scope().Kind; got != tc.want {
			t.Errorf("%q: scope %v, want %v", tc.src, got, tc.want)
		}
		if e.Context().Scope != tc.want {
			t.Errorf("%q: context scope %v, want %v", tc.src, e.Context().Scope, tc.want)
		}
	}
}

func TestEnvGivenParams(t *testing.T) {
	f := Parse(token.NewFileSet(), "main.bicep", []byte(lowerPrelude+"var under_test = '${noDefault}/${name}'\n"))
	given := map[string]model.Value{"noDefault": model.StringValue("given", model.Span{})}
	got, _ := NewEnv(f, Options{Params: given}).Variable("under_test")
	if want := `'given/Contoso'`; show(got) != want {
		t.Errorf("got %s, want %s", show(got), want)
	}
}

// TestLowerDeployingTenant checks that the rules recognise the deploying
// tenant's ID however a Bicep file writes it, as they do in ARM.
func TestLowerDeployingTenant(t *testing.T) {
	for _, src := range []string{`subscription().tenantId`, `tenant().tenantId`, `'${subscription().tenantId}'`, `toLower(tenant().tenantId)`, `flag ? tenant().tenantId : 'x'`} {
		got, _, _ := evalPair(t, src, "")
		if got.Symbol() != model.DeployingTenant {
			t.Errorf("%s = %s, want the deploying tenant", src, show(got))
		}
	}
}
