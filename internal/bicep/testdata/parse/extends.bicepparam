using './main.bicep' with {
  mode: 'stack'
}

extends './base.bicepparam'
extensionConfig graph with {
  tenant: 'fabrikam'
}
import { shared } from './shared.bicep'
type tier = 'a' | 'b'
var prefix = shared.prefix
func tag(n string) string => '${prefix}-${n}'
param name = tag('ops')
