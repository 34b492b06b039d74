import { tier, grant as access } from './types.bicep'
import {
  sum
  'odd name' as odd
} from './types.bicep'
import * as shared from './types.bicep'
import 'az@1.0.0' as az2
extension microsoftGraph
extension 'br:example.azurecr.io/ext/kubernetes:1.0.0' with {
  namespace: 'default'
} as k8s

#disable-next-line no-unused-vars
var merged = {
  ...defaults
  extra: [...list, 3]
}
var defaults = { a: 1 }
var list = [1, 2]
var safe = merged.?missing ?? merged[?'other'] ?? defaults!.a
var sorted = sort(list, (x, y) => x < y)
var total = reduce(list, 0, (acc, n) => acc + n)
var text = '''
Line one ${not a hole}
  'quoted'
'''
var hole = $$'''
Cost: $${total}, literal ${x}
'''
var caseless = 'A' =~ 'a' && 'B' !~ 'c'
var maths = -(1 + 2) * 3 % 4 / 5
test sample 'samples/sample.bicep' = {
  params: {}
}
assert positive = total > 0
