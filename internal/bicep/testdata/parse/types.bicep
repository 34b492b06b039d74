@export()
type tier = 'Reader' | 'Contributor'

type grant = {
  @description('The principal.')
  principalId: string
  roleDefinitionId: string
  delegatedRoleDefinitionIds: string[]?
  *: int
}

type pair = [string, int]

type level =
  | 1
  | 2
  | -3

type flags = (true | !false)[]

type props = resourceInput<'Microsoft.Storage/storageAccounts@2023-01-01'>.properties
type names = grant.principalId
type item = pair[0]
type each = string[][*]
type extra = grant.*
type qualified = sys.string

var counts int[] = [1, 2]

func prefixed(prefix string, names string[]) string[] => map(names, n => '${prefix}-${n}')

@export()
func sum(a int, b int) int =>
  a + b
