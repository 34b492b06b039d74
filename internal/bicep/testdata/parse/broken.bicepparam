using './main.bicep'
param typed string = 'x'
resource r 'a@1' = {}
param ok = 1
