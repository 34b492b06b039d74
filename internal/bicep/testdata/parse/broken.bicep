param name = 'x'
param ok string
var v 'a'
var w = {
  a: 1,
  b: 2
  c 3
  d: "four"
}
resource r 'Microsoft.Fabrikam/things@2024-01-01' = [for x in xs: x]
output o string = (1 + )
@description('lost')
param p string = 'fine'
var last = 'end
