package expr

import (
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

type evalCase struct{ expr, want string }

func runEval(t *testing.T, env Env, tests []evalCase) {
	t.Helper()
	for _, tt := range tests {
		if got := describe(eval(t, env, tt.expr)); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.expr, got, tt.want)
		}
	}
}

func TestEvalTemplateFunctions(t *testing.T) {
	runEval(t, newTestEnv(model.ScopeSubscription), []evalCase{
		{`[parameters('offer')]`, "Contoso ops"},
		{`[PARAMETERS('OFFER')]`, "Contoso ops"},
		{`[pArAmEtErS('Offer')]`, "Contoso ops"},
		{`[variables('prefix')]`, "msp-"},
		{`[parameters('count')]`, "3"},
		{`[parameters('nothing')]`, `unknown: parameter "nothing" has no value`},
		{`[parameters('undeclared')]`, `unknown: template declares no parameter "undeclared"`},
		{`[variables('undeclared')]`, `unknown: template declares no variable "undeclared"`},
		{`[parameters(1)]`, "unknown: parameters takes a parameter name, got an int"},
		{`[parameters()]`, "unknown: parameters takes 1 argument, got 0"},
		{`[parameters(subscription().subscriptionId)]`, "unknown: the parameter name {subscription().subscriptionId} is known only at deployment time"},
		{`[parameters('rgs')[0].rgName]`, "rg-app"},
		{`[parameters('rgs')[0]['RGNAME']]`, "rg-app"},
		{`[parameters('rgs')[copyIndex()].rgName]`, "rg-app"},
		{`[parameters('tags').env]`, "prod"},
		{`[parameters('tags').missing]`, `unknown: the object has no property "missing"`},
		{`[parameters('tags')[0]]`, "unknown: an object index must be a string, got an int"},
		{`[parameters('rgs')['a']]`, "unknown: an array index must be an integer, got a string"},
		{`[parameters('rgs')[5]]`, "unknown: index 5 is out of range: the array has 1 item"},
		{`[parameters('rgs')[-1]]`, "unknown: index -1 is out of range: the array has 1 item"},
		{`[parameters('authorizations')[9223372036854775807]]`, "unknown: index 9223372036854775807 is out of range: the array has 2 items"},
		{`[parameters('null').x]`, `unknown: cannot read property "x" of null`},
		{`[parameters('null')[0]]`, "unknown: cannot index null"},
		{`[parameters('offer').length]`, `unknown: cannot read property "length" of a string`},
		{`[parameters('count')[0]]`, "unknown: cannot index an int"},
		{`[parameters('nested').a.b]`, "unknown: reference() is evaluated at deployment time"},
		{`[parameters('nested').a.b.c]`, "unknown: reference() is evaluated at deployment time"},
		{`[parameters('nothing').x[0]]`, `unknown: parameter "nothing" has no value`},
		{`[parameters('rgs')[parameters('nothing')]]`, `unknown: parameter "nothing" has no value`},
		{`[copyIndex()]`, "0"},
		{`[copyIndex(1)]`, "1"},
		{`[copyIndex('loop')]`, "2"},
		{`[copyIndex('LOOP', 1)]`, "3"},
		{`[copyIndex('loop', -2)]`, "0"},
		{`[copyIndex('other')]`, "unknown: the copy index is not known: the loop's count is not known"},
		{`[copyIndex(1, 2)]`, "unknown: copyIndex takes a loop name, an integer offset, or both"},
		{`[copyIndex('a', 'b')]`, "unknown: copyIndex takes a loop name, an integer offset, or both"},
		{`[copyIndex('a', 1, 2)]`, "unknown: copyIndex takes at most 2 arguments, got 3"},
		{`[reference('x').outputs.y.value]`, "unknown: reference() is evaluated at deployment time"},
		{`[REFERENCE('x', '2020-01-01', 'Full')]`, "unknown: reference() is evaluated at deployment time"},
		{`[listKeys('x', '2020-01-01').keys[0].value]`, "unknown: listKeys() is evaluated at deployment time"},
		{`[listAccountSas('x')]`, "unknown: listAccountSas() is evaluated at deployment time"},
		{`[list()]`, `unknown: unknown function "list"`},
		{`[utcNow()]`, "unknown: utcNow() is evaluated at deployment time"},
		{`[newGuid()]`, "unknown: newGuid() is evaluated at deployment time"},
		{`[pickZones('Microsoft.Compute', 'virtualMachines', 'westus2')]`, "unknown: pickZones() is evaluated at deployment time"},
		{`[providers('Microsoft.Web')]`, "unknown: providers() is evaluated at deployment time"},
		{`[deployer().objectId]`, "unknown: deployer() is evaluated at deployment time"},
		{`[roleDefinitions('Reader').id]`, "unknown: roleDefinitions() is evaluated at deployment time"},
		{`[externalInputs('x')]`, "unknown: externalInputs() is evaluated at deployment time"},
		{`[references('vms')]`, "unknown: references() is evaluated at deployment time"},
		{`[dateTimeAdd('2020-01-01', 'P1D')]`, "unknown: lhlint does not evaluate dateTimeAdd()"},
		{`[ns.func('a')]`, `unknown: template declares no function "ns.func"`},
		{`[__bicep.f()]`, `unknown: template declares no function "__bicep.f"`},
		{`[nosuch('a')]`, `unknown: unknown function "nosuch"`},
		{`[` + strings.Repeat("x", 40) + `()]`, `unknown: unknown function "` + strings.Repeat("x", 40) + `"`},
	})
}

func TestEvalLogic(t *testing.T) {
	runEval(t, newTestEnv(model.ScopeSubscription), []evalCase{
		{`[true()]`, "true"},
		{`[false()]`, "false"},
		{`[null()]`, "null"},
		{`[true(1)]`, "unknown: true takes 0 arguments, got 1"},
		{`[if(true(), 'a', 'b')]`, "a"},
		{`[if(false(), 'a', 'b')]`, "b"},
		{`[if(equals(parameters('count'), 3), 'three', parameters('nothing'))]`, "three"},
		{`[if(equals(parameters('count'), 4), reference('x').y, 'other')]`, "other"},
		{`[if(parameters('nothing'), 'a', 'b')]`, `unknown: parameter "nothing" has no value`},
		{`[if('yes', 'a', 'b')]`, "unknown: if takes a bool condition, got a string"},
		{`[if(true(), 'a')]`, "unknown: if takes 3 arguments, got 2"},
		{`[and(true(), not(false()), or(false(), true()))]`, "true"},
		{`[and(true(), false())]`, "false"},
		{`[and(parameters('nothing'), false())]`, "false"},
		{`[and(parameters('nothing'), true())]`, `unknown: parameter "nothing" has no value`},
		{`[or(parameters('nothing'), true())]`, "true"},
		{`[or(false(), false(), false())]`, "false"},
		{`[or(false(), parameters('nothing'))]`, `unknown: parameter "nothing" has no value`},
		{`[and(true(), 'x')]`, "unknown: and takes bools, got a string"},
		{`[and(true())]`, "unknown: and takes at least 2 arguments, got 1"},
		{`[not(1)]`, "unknown: not takes a bool, got an int"},
		{`[bool('true')]`, "true"},
		{`[bool('FALSE')]`, "false"},
		{`[bool(1)]`, "true"},
		{`[bool(0)]`, "false"},
		{`[bool('yes')]`, `unknown: bool cannot convert "yes" to a bool`},
		{`[bool(createArray())]`, "unknown: bool takes a string or an int, got an array"},
		{`[equals(1, 1)]`, "true"},
		{`[equals('a', 'A')]`, "false"},
		{`[equals(1, '1')]`, "false"},
		{`[equals(null(), null())]`, "true"},
		{`[equals(createArray(1, 'a'), createArray(1, 'a'))]`, "true"},
		{`[equals(createArray(1), createArray(1, 2))]`, "false"},
		{`[equals(createObject('A', 1), createObject('a', 1))]`, "true"},
		{`[equals(createObject('a', 1), createObject('a', 2))]`, "false"},
		{`[equals(createObject('a', 1), createObject('b', 1))]`, "false"},
		{`[equals(parameters('nested'), parameters('nested'))]`, "unknown: reference() is evaluated at deployment time"},
		{`[equals(parameters('nested'), 1)]`, "false"},
		{`[greater(2, 1)]`, "true"},
		{`[greater(1, 1)]`, "false"},
		{`[greaterOrEquals(1, 1)]`, "true"},
		{`[less(1, 2)]`, "true"},
		{`[lessOrEquals(3, 2)]`, "false"},
		{`[greater('b', 'a')]`, "true"},
		{`[greater('A', 'a')]`, "true"},
		{`[less('apple', 'Banana')]`, "true"},
		{`[greater(1, 'a')]`, "unknown: greater compares two integers or two strings, got an int and a string"},
		{`[coalesce(null(), 'b')]`, "b"},
		{`[coalesce(null(), null())]`, "null"},
		{`[coalesce('a', parameters('nothing'))]`, "a"},
		{`[coalesce(parameters('nothing'), 'b')]`, `unknown: parameter "nothing" has no value`},
		{`[coalesce(parameters('null'), parameters('offer'))]`, "Contoso ops"},
	})
}

func TestEvalNumeric(t *testing.T) {
	runEval(t, newTestEnv(model.ScopeSubscription), []evalCase{
		{`[add(parameters('count'), 4)]`, "7"},
		{`[sub(1, 4)]`, "-3"},
		{`[mul(-3, 4)]`, "-12"},
		{`[div(7, 2)]`, "3"},
		{`[div(-7, 2)]`, "-3"},
		{`[mod(7, 3)]`, "1"},
		{`[mod(-7, 3)]`, "-1"},
		{`[div(1, 0)]`, "unknown: div(1, 0) divides by zero"},
		{`[mod(1, 0)]`, "unknown: mod(1, 0) divides by zero"},
		{`[add(9223372036854775807, 1)]`, "unknown: add(9223372036854775807, 1) overflows a 64-bit integer"},
		{`[sub(-9223372036854775807, 2)]`, "unknown: sub(-9223372036854775807, 2) overflows a 64-bit integer"},
		{`[mul(4294967296, 4294967296)]`, "unknown: mul(4294967296, 4294967296) overflows a 64-bit integer"},
		{`[div(sub(-9223372036854775807, 1), -1)]`, "unknown: div(-9223372036854775808, -1) overflows a 64-bit integer"},
		{`[add('1', 2)]`, "unknown: add takes integers, got a string"},
		{`[int('42')]`, "42"},
		{`[int(' -42 ')]`, "-42"},
		{`[int(7)]`, "7"},
		{`[int('4.5')]`, `unknown: int cannot convert "4.5" to an integer`},
		{`[int(true())]`, "unknown: int takes a string or an int, got a bool"},
		{`[min(3, 1, 2)]`, "1"},
		{`[max(3, 1, 2)]`, "3"},
		{`[max(createArray(4, 9, 2))]`, "9"},
		{`[min(createArray())]`, "unknown: min of an empty array"},
		{`[max(1, 'a')]`, "unknown: max takes integers or an array of integers, got a string"},
		{`[float('1.5')]`, "unknown: lhlint does not evaluate float()"},
		{`[json('1.5')]`, "unknown: lhlint reads only whole numbers of 64 bits: 1.5"},
	})
}

func TestEvalStrings(t *testing.T) {
	runEval(t, newTestEnv(model.ScopeSubscription), []evalCase{
		{`[concat(variables('prefix'), parameters('offer'))]`, "msp-Contoso ops"},
		{`[concat('vm', copyIndex('loop'))]`, "vm2"},
		{`[concat('a', true(), null(), 'b')]`, "aTrueb"},
		{`[concat(createArray(1, 2), createArray(3))]`, "[1,2,3]"},
		{`[concat(createArray(), createArray())]`, "[]"},
		{`[concat(createObject())]`, "unknown: concat takes strings or arrays, got an object"},
		{`[concat('a', createArray())]`, "unknown: concat takes all arrays or all strings, got a string and an array"},
		{`[concat(createArray(), 'a')]`, "unknown: concat takes all arrays or all strings, got an array and a string"},
		{`[concat()]`, "unknown: concat takes at least 1 argument, got 0"},
		{`[concat('x', parameters('nothing'))]`, `unknown: parameter "nothing" has no value`},
		{`[format('{0}-{1}-{{x}}', 'a', 2)]`, "a-2-{x}"},
		{`[format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)]`, "Hello, User. Formatted number: 8,175,133"},
		{`[format('{0:N}', 1234)]`, "1,234.00"},
		{`[format('{0:D4}|{1:d}', 7, -7)]`, "0007|-7"},
		{`[format('{0:000}', 7)]`, "007"},
		{`[format('{0:X}|{0:x4}', 255)]`, "FF|00ff"},
		{`[format('{0:F1}', -5)]`, "-5.0"},
		{`[format('{0:G}', 42)]`, "42"},
		{`[format('[{0,5}][{0,-5}]', 'ab')]`, "[   ab][ab   ]"},
		{`[format('{0:N2}', 'text')]`, "text"},
		{`[format('{0}', true())]`, "True"},
		{`[format('{0}', createObject('a', 1))]`, `{"a":1}`},
		{`[format('{0:E2}', 5)]`, "unknown: format item {0:E2} has a format lhlint does not evaluate"},
		{`[format('{0:#,##0}', 5)]`, "unknown: format item {0:#,##0} has a format lhlint does not evaluate"},
		{`[format('{1}', 'a')]`, "unknown: format item {1} refers to an argument that is not given: format has 1 argument after the format string"},
		{`[format('{x}', 'a')]`, "unknown: format item {x} does not start with an argument number"},
		{`[format('{0', 'a')]`, `unknown: format string "{0" has a '{' that is not closed`},
		{`[format('a}b', 'a')]`, `unknown: format string "a}b" has a '}' that is not opened`},
		{`[format('{0,x}', 'a')]`, "unknown: format item {0,x} has an alignment that is not an integer"},
		{`[format(1)]`, "unknown: format takes a format string first, got an int"},
		{`[toLower('ABC')]`, "abc"},
		{`[toUpper('abc')]`, "ABC"},
		{`[toUpper(1)]`, "unknown: toUpper takes a string, got an int"},
		{`[toLower()]`, "unknown: toLower takes 1 argument, got 0"},
		{`[trim('  a b  ')]`, "a b"},
		{`[replace('a-b-c', '-', '/')]`, "a/b/c"},
		{`[replace('aaa', 'A', 'b')]`, "aaa"},
		{`[replace('a', '', 'b')]`, "unknown: replace cannot replace an empty string"},
		{`[substring('abcdef', 1, 3)]`, "bcd"},
		{`[substring('abcdef', 2)]`, "cdef"},
		{`[substring('abcdef', 6)]`, ""},
		{`[substring('héllo', 1, 1)]`, "é"},
		{`[substring('a😀b', 1, 2)]`, "😀"},
		{`[substring('abc', 2, 5)]`, "unknown: substring(2, 5) is out of range for a string of 3 characters"},
		{`[substring('abc', -1)]`, "unknown: substring(-1) is out of range for a string of 3 characters"},
		{`[substring('abc', 4)]`, "unknown: substring(4) is out of range for a string of 3 characters"},
		{`[substring('abc', 'a')]`, "unknown: substring takes an integer start index, got a string"},
		{`[split('a,b;c', createArray(',', ';'))]`, `["a","b","c"]`},
		{`[split('a,,b', ',')]`, `["a","","b"]`},
		{`[split('abab', createArray('ab', 'a'))]`, `["","",""]`},
		{`[split('abc', '')]`, `["abc"]`},
		{`[split('', ',')]`, `[""]`},
		{`[split('a', createArray(1))]`, "unknown: split takes an array of string delimiters, got an int in it"},
		{`[join(createArray('a', 'b', 3), '+')]`, "a+b+3"},
		{`[join(createArray(), '+')]`, ""},
		{`[join(createArray(createObject()), '+')]`, "unknown: join takes an array of strings, got an object in it"},
		{`[join('a', '+')]`, "unknown: join takes an array and a string delimiter, got a string"},
		{`[string(createObject('a', createArray(1, true(), null(), 'x"y')))]`, `{"a":[1,true,null,"x\"y"]}`},
		{`[string(createArray('a', 'b'))]`, `["a","b"]`},
		{`[string(true())]`, "True"},
		{`[string(5)]`, "5"},
		{`[string('<&>')]`, "<&>"},
		{`[string(createArray('<&>é'))]`, `["<&>é"]`},
		{`[string(parameters('nested'))]`, "unknown: reference() is evaluated at deployment time"},
		{`[padLeft('7', 3, '0')]`, "007"},
		{`[padLeft(7, 3)]`, "  7"},
		{`[padLeft('abcd', 3, '0')]`, "abcd"},
		{`[padLeft('a', 3, '00')]`, "unknown: padLeft takes a single padding character"},
		{`[padLeft('a', 2000000)]`, "unknown: value too large to evaluate"},
		{`[startsWith('Contoso', 'con')]`, "true"},
		{`[startsWith('Contoso', 'tos')]`, "false"},
		{`[endsWith('Contoso', 'SO')]`, "true"},
		{`[endsWith('so', 'Contoso')]`, "false"},
		{`[indexOf('abcdef', 'CD')]`, "2"},
		{`[indexOf('abcdef', 'z')]`, "-1"},
		{`[indexOf('abcdef', '')]`, "0"},
		{`[lastIndexOf('abcabc', 'ab')]`, "3"},
		{`[lastIndexOf('abc', '')]`, "3"},
		{`[indexOf('😀x', 'x')]`, "2"},
		{`[indexOf(createArray('a', 'b', 'a'), 'a')]`, "0"},
		{`[lastIndexOf(createArray('a', 'b', 'a'), 'a')]`, "2"},
		{`[indexOf(createArray(1), 2)]`, "-1"},
		{`[contains('abc', 'B')]`, "false"},
		{`[contains('abc', 'b')]`, "true"},
		{`[contains('a1', 1)]`, "true"},
		{`[contains(createArray('a', 1), 1)]`, "true"},
		{`[contains(createArray('a'), 'A')]`, "false"},
		{`[contains(createObject('Key', 1), 'key')]`, "true"},
		{`[contains(createObject('Key', 1), 'other')]`, "false"},
		{`[contains(1, 1)]`, "unknown: contains takes a string, an array or an object, got an int"},
		{`[base64('one, two, three')]`, "b25lLCB0d28sIHRocmVl"},
		{`[base64ToString('b25lLCB0d28sIHRocmVl')]`, "one, two, three"},
		{`[base64ToString('%%%')]`, `unknown: base64ToString cannot decode "%%%": it is not base64`},
		{`[base64ToJson(base64('{''one'': ''a'', ''two'': ''b''}'))]`, `{"one":"a","two":"b"}`},
		{`[dataUri('Hello')]`, "data:text/plain;charset=utf8;base64,SGVsbG8="},
		{`[dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')]`, "Hello, World!"},
		{`[dataUriToString('data:,a%20b')]`, "a b"},
		{`[dataUriToString('nope')]`, `unknown: dataUriToString takes a data URI, got "nope"`},
		{`[uri('http://contoso.com/resources/', 'nested/azuredeploy.json')]`, "http://contoso.com/resources/nested/azuredeploy.json"},
		{`[uri('http://contoso.com/resources/a.json', 'b.json')]`, "http://contoso.com/resources/b.json"},
		{`[uri('relative/', 'x')]`, `unknown: uri takes an absolute base URI, got "relative/"`},
		{`[uriComponent('http://contoso.com/resources/nested/azuredeploy.json')]`, "http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json"},
		{`[uriComponent('a b~é')]`, "a%20b~%C3%A9"},
		{`[uriComponentToString('http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json')]`, "http://contoso.com/resources/nested/azuredeploy.json"},
		{`[uriComponentToString('100%')]`, "100%"},
		{`[json('{"b": 1, "a": [null, true, "x\u0041"]}')]`, `{"b":1,"a":[null,true,"xA"]}`},
		{`[json('{"b": 1, "a": [null]}').a]`, "[null]"},
		{`[json('[1, 2.5, 3e2]')]`, `[1,?(lhlint reads only whole numbers of 64 bits: 2.5),?(lhlint reads only whole numbers of 64 bits: 3e2)]`},
		{`[json('null')]`, "null"},
		{`[json('"\ud83d\ude00"')]`, "😀"},
		{`[json('{''a'': ''b''}').a]`, "b"},
		{`[json('{"a": 1,}')]`, `unknown: json cannot parse "{\"a\": 1,}": expected a property name`},
		{`[json('{"a" 1}')]`, `unknown: json cannot parse "{\"a\" 1}": expected ':' after a property name`},
		{`[json('[1] 2')]`, `unknown: json cannot parse "[1] 2": text after the JSON value`},
		{`[json('')]`, `unknown: json cannot parse "": it ends early`},
		{`[json('nul')]`, `unknown: json cannot parse "nul": unexpected 'n'`},
		{`[json('"\x"')]`, `unknown: json cannot parse "\"\\x\"": unknown escape \x`},
		{`[json(1)]`, "unknown: json takes a string, got an int"},
	})
}

func TestEvalArraysAndObjects(t *testing.T) {
	runEval(t, newTestEnv(model.ScopeSubscription), []evalCase{
		{`[createArray()]`, "[]"},
		{`[createArray(1, 'a', createArray())]`, `[1,"a",[]]`},
		{`[createObject()]`, "{}"},
		{`[createObject('a', 1, 'A', 2)]`, `{"A":2}`},
		{`[createObject('a')]`, "unknown: createObject takes pairs of keys and values, got 1 argument"},
		{`[createObject(1, 2)]`, "unknown: createObject takes string keys, got an int"},
		{`[array('a')]`, `["a"]`},
		{`[array(createArray(1))]`, "[1]"},
		{`[array(createObject('a', 1))]`, `[{"a":1}]`},
		{`[length(parameters('rgs'))]`, "1"},
		{`[length('héllo')]`, "5"},
		{`[length('😀')]`, "2"},
		{`[length(parameters('tags'))]`, "2"},
		{`[length(1)]`, "unknown: length takes a string, an array or an object, got an int"},
		{`[empty('')]`, "true"},
		{`[empty(createArray())]`, "true"},
		{`[empty(createObject('a', 1))]`, "false"},
		{`[empty(null())]`, "true"},
		{`[empty(0)]`, "unknown: empty takes a string, an array or an object, got an int"},
		{`[first(createArray('x', 'y'))]`, "x"},
		{`[last(createArray('x', 'y'))]`, "y"},
		{`[first(createArray())]`, "null"},
		{`[first('xyz')]`, "x"},
		{`[last('xyz')]`, "z"},
		{`[last('')]`, ""},
		{`[first(1)]`, "unknown: first takes a string or an array, got an int"},
		{`[skip(createArray(1, 2, 3), 1)]`, "[2,3]"},
		{`[skip(createArray(1, 2, 3), -1)]`, "[1,2,3]"},
		{`[skip(createArray(1, 2, 3), 9)]`, "[]"},
		{`[take(createArray(1, 2, 3), 2)]`, "[1,2]"},
		{`[take(createArray(1, 2, 3), 0)]`, "[]"},
		{`[take('abc', 9)]`, "abc"},
		{`[skip('abc', 1)]`, "bc"},
		{`[range(1, 3)]`, "[1,2,3]"},
		{`[range(5, 0)]`, "[]"},
		{`[range(0, -1)]`, "unknown: range takes a count that is not negative, got -1"},
		{`[range(0, 100001)]`, "unknown: value too large to evaluate"},
		{`[range(2147483647, 2)]`, "unknown: range(2147483647, 2) goes past 2147483647"},
		{`[union(createObject('a', 1), createObject('A', 2, 'b', 3))]`, `{"A":2,"b":3}`},
		{`[union(createObject('p', createObject('one', 'a', 'three', 'c1'), 'arr', createArray(1, 2)), createObject('p', createObject('three', 'c2', 'four', 'd'), 'arr', createArray(3)))]`,
			`{"p":{"one":"a","three":"c2","four":"d"},"arr":[3]}`},
		{`[union(createArray(1, 2), createArray(2, 3), createArray(1, 4))]`, "[1,2,3,4]"},
		{`[union(createArray(1, 1))]`, "[1]"},
		{`[union(createArray(createObject('a', 1)), createArray(createObject('A', 1)))]`, `[{"a":1}]`},
		{`[union(createArray(1), createObject())]`, "unknown: union takes all arrays or all objects, got an array and an object"},
		{`[union(1, 2)]`, "unknown: union takes objects or arrays, got an int"},
		{`[intersection(createArray(1, 2, 3), createArray(3, 2), createArray(2, 3, 9))]`, "[2,3]"},
		{`[intersection(createObject('a', 1, 'b', 2), createObject('A', 1, 'b', 3))]`, `{"a":1}`},
		{`[intersection(createArray(1), createObject())]`, "unknown: intersection takes all arrays or all objects, got an array and an object"},
		{`[distinct(createArray(1, 'a', 1, 'a', 2))]`, `[1,"a",2]`},
		{`[flatten(createArray(createArray(1), createArray(2, 3), createArray()))]`, "[1,2,3]"},
		{`[flatten(createArray(1))]`, "unknown: flatten takes an array of arrays, got an int in it"},
		{`[items(createObject('b', 2, 'a', 1))]`, `[{"key":"a","value":1},{"key":"b","value":2}]`},
		{`[objectKeys(createObject('b', 2, 'a', 1))]`, `["b","a"]`},
		{`[shallowMerge(createArray(createObject('a', createObject('x', 1)), createObject('a', createObject('y', 2), 'b', 3)))]`, `{"a":{"y":2},"b":3}`},
		{`[tryGet(parameters('tags'), 'ENV')]`, "prod"},
		{`[tryGet(parameters('tags'), 'nope')]`, "null"},
		{`[tryGet(parameters('rgs'), 0, 'rgName')]`, "rg-app"},
		{`[tryGet(parameters('rgs'), 3, 'rgName')]`, "null"},
		{`[tryGet(parameters('rgs'), 'x')]`, "unknown: tryGet takes an integer index for an array, got a string"},
		{`[indexFromEnd(createArray(1, 2, 3), 1)]`, "3"},
		{`[indexFromEnd(createArray(1, 2, 3), 4)]`, "unknown: indexFromEnd(4) is out of range: the array has 3 items"},
		{`[tryIndexFromEnd(createArray(1, 2, 3), 4)]`, "null"},
	})
}

func TestEvalLambdas(t *testing.T) {
	runEval(t, newTestEnv(model.ScopeSubscription), []evalCase{
		{`[map(createArray(1, 2, 3), lambda('x', mul(lambdaVariables('x'), 2)))]`, "[2,4,6]"},
		{`[map(createArray('a', 'b'), lambda('x', 'i', concat(lambdaVariables('x'), string(lambdaVariables('i')))))]`, `["a0","b1"]`},
		{`[map(parameters('authorizations'), lambda('a', lambdaVariables('A').roleDefinitionId))]`, `["acdd72a7-3385-48ef-bd42-f606fba81ae7","b24988ac-6180-42a0-ab88-20f7382dd24c"]`},
		{`[filter(createArray(1, 2, 3, 4), lambda('x', greater(lambdaVariables('x'), 2)))]`, "[3,4]"},
		{`[filter(createArray(1, 2), lambda('x', 'yes'))]`, "unknown: the lambda of filter must return a bool, got a string"},
		{`[reduce(createArray(1, 2, 3), 10, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))]`, "16"},
		{`[reduce(createArray(), 10, lambda('cur', 'next', 0))]`, "10"},
		{`[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]`, "[1,2,3]"},
		{`[sort(createArray('b', 'a'), lambda('a', 'b', parameters('nothing')))]`, `unknown: parameter "nothing" has no value`},
		{`[toObject(parameters('rgs'), lambda('r', lambdaVariables('r').rgName))]`, `{"rg-app":{"rgName":"rg-app"}}`},
		{`[toObject(createArray('a', 'b'), lambda('x', lambdaVariables('x')), lambda('x', toUpper(lambdaVariables('x'))))]`, `{"a":"A","b":"B"}`},
		{`[toObject(createArray(1), lambda('x', lambdaVariables('x')))]`, "unknown: the key lambda of toObject must return a string known before deployment, got an int"},
		{`[groupBy(createArray('ab', 'ac', 'b'), lambda('x', first(lambdaVariables('x'))))]`, `{"a":["ab","ac"],"b":["b"]}`},
		{`[mapValues(createObject('a', 1, 'b', 2), lambda('v', add(lambdaVariables('v'), 1)))]`, `{"a":2,"b":3}`},
		{`[map(createArray(createArray(1, 2)), lambda('x', map(lambdaVariables('x'), lambda('y', add(lambdaVariables('x')[0], lambdaVariables('y'))))))]`, "[[2,3]]"},
		{`[map(createArray(1), lambda('x', lambdaVariables('y')))]`, `[?(lambda variable "y" is not defined here)]`},
		{`[map(createArray(1), 'x')]`, "unknown: map takes a lambda as argument 2"},
		{`[map(createArray(1), lambda('x'))]`, "unknown: lambda takes parameter names and a body"},
		{`[map(createArray(1), lambda('x', 'y', 'z', 1))]`, "unknown: the lambda of map takes 1 to 2 parameters, got 3"},
		{`[map(createArray(1), lambda(1, 1))]`, "unknown: lambda takes string parameter names, got an int"},
		{`[map('a', lambda('x', 1))]`, "unknown: map takes an array, got a string"},
		{`[map(parameters('nothing'), lambda('x', 1))]`, `unknown: parameter "nothing" has no value`},
		{`[lambda('x', 1)]`, "unknown: lambda() is allowed only as an argument of filter, groupBy, map, mapValues, reduce, sort or toObject"},
		{`[lambdaVariables('x')]`, `unknown: lambda variable "x" is not defined here`},
	})
}

func TestEvalContext(t *testing.T) {
	runEval(t, newTestEnv(model.ScopeSubscription), []evalCase{
		{`[subscription().subscriptionId]`, "symbolic {subscription().subscriptionId}"},
		{`[subscription().id]`, "symbolic /subscriptions/{subscription().subscriptionId}"},
		{`[subscription().tenantId]`, "symbolic {subscription().tenantId}"},
		{`[subscription().nope]`, `unknown: the object has no property "nope"`},
		{`[tenant().tenantId]`, "symbolic {tenant().tenantId}"},
		{`[deployment().name]`, "symbolic {deployment().name}"},
		{`[environment().suffixes.storage]`, "symbolic {environment().suffixes.storage}"},
		{`[resourceGroup().name]`, "unknown: resourceGroup() is not available in a subscription-scope template"},
		{`[managementGroup().id]`, "unknown: managementGroup() is not available in a subscription-scope template"},
		{`[subscription('x')]`, "unknown: subscription takes 0 arguments, got 1"},
	})
	runEval(t, newTestEnv(model.ScopeResourceGroup), []evalCase{
		{`[resourceGroup().name]`, "symbolic {resourceGroup().name}"},
		{`[resourceGroup().id]`, "symbolic /subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}"},
		{`[resourceGroup().location]`, "symbolic {resourceGroup().location}"},
	})
	runEval(t, newTestEnv(model.ScopeManagementGroup), []evalCase{
		{`[managementGroup().id]`, "symbolic /providers/Microsoft.Management/managementGroups/{managementGroup().name}"},
		{`[subscription().id]`, "unknown: subscription() is not available in a management-group-scope template"},
	})
	runEval(t, newTestEnv(model.ScopeTenant), []evalCase{
		{`[resourceGroup().id]`, "unknown: resourceGroup() is not available in a tenant-scope template"},
		{`[tenant().tenantId]`, "symbolic {tenant().tenantId}"},
	})
	env := newTestEnv(model.ScopeSubscription)
	env.ctx = nil
	runEval(t, env, []evalCase{
		{`[subscription().id]`, "unknown: subscription() is not known here: the deployment context is not known"},
		{`[resourceId('T/t', 'n')]`, "unknown: resourceId needs the deployment scope, which is not known here"},
	})
	// A nested deployment into a named subscription and resource group.
	sub := model.StringValue("00000000-0000-0000-0000-00000000000a", at(1, 39))
	rg := model.StringValue("rg-customer", at(50, 63))
	env = newTestEnv(model.ScopeResourceGroup)
	env.ctx = NewContext(model.ScopeResourceGroup, sub, rg)
	runEval(t, env, []evalCase{
		{`[subscription().id]`, "/subscriptions/00000000-0000-0000-0000-00000000000a"},
		{`[resourceGroup().id]`, "/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-customer"},
		{`[resourceId('Microsoft.ManagedServices/registrationAssignments', 'x')]`,
			"/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-customer/providers/Microsoft.ManagedServices/registrationAssignments/x"},
	})
	if v := eval(t, env, `[resourceGroup().name]`); v.Span != rg.Span {
		t.Errorf("resourceGroup().name spans %s, want where the nested deployment names it", spanOf(v.Span))
	}
	// A nested deployment into a resource group named by an expression that
	// cannot be evaluated: IDs in it are unknown, never equal to others.
	env.ctx = NewContext(model.ScopeResourceGroup, model.Value{}, model.UnknownValue(`parameter "rg" has no value`, at(70, 80)))
	runEval(t, env, []evalCase{
		{`[subscription().id]`, "symbolic /subscriptions/{subscription().subscriptionId}"},
		{`[resourceGroup().name]`, `unknown: parameter "rg" has no value`},
		{`[resourceGroup().id]`, `unknown: parameter "rg" has no value`},
		{`[resourceId('Microsoft.Storage/storageAccounts', 'st')]`, `unknown: parameter "rg" has no value`},
		{`[subscriptionResourceId('Microsoft.Storage/x', 'st')]`, "symbolic /subscriptions/{subscription().subscriptionId}/providers/Microsoft.Storage/x/st"},
	})
	env.ctx = NewContext(model.ScopeSubscription, model.IntValue(1, at(1, 2)), model.Value{})
	runEval(t, env, []evalCase{
		{`[subscription().subscriptionId]`, "unknown: the deployment scope is an int, not a name"},
	})
	mg := ContextOf(model.Scope{Kind: model.ScopeManagementGroup, ManagementGroup: model.StringValue("mg1", model.Span{})})
	env.ctx = mg
	runEval(t, env, []evalCase{
		{`[managementGroup().id]`, "/providers/Microsoft.Management/managementGroups/mg1"},
		{`[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'p')]`,
			"/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p"},
	})
}

func TestEvalNilInputs(t *testing.T) {
	if v := Eval(nil, &Call{Name: "parameters", Args: []Node{&Lit{Value: model.StringValue("x", model.Span{})}}}); v.Reason() != `template declares no parameter "x"` {
		t.Errorf("Eval(nil env) = %s", describe(v))
	}
	for _, n := range []Node{nil, (*Call)(nil), (*Lit)(nil), &Member{}, &Index{X: &Lit{}}, &Call{Name: "concat", Args: []Node{nil}}} {
		if v := Eval(newTestEnv(model.ScopeSubscription), n); !v.IsUnknown() {
			t.Errorf("Eval(%#v) = %s, want unknown", n, describe(v))
		}
	}
}
