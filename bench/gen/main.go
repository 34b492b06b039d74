// Command gen writes a synthetic corpus of onboarding deployments for the
// speed and memory targets of docs/architecture.md: templates in the layouts
// real repositories use (subscription, one resource group, many resource
// groups through a copy loop, eligible authorizations), each with a
// parameters file, some with mistakes. The corpus is deterministic.
//
// With -lang bicep it writes the same deployments, with the same values and
// the same mistakes, as Bicep, in the same folders under the same names:
// onboarding-NNNNN.bicep and its .bicepparam. The nested resource-group
// deployment of the ARM templates becomes a module,
// modules/rg_assignment.bicep, which the corpus writes once and every
// resource-group template uses.
//
//	go run ./bench/gen -n 10000 -o /tmp/lhlint-bench
//	go run ./bench/gen -lang bicep -n 10000 -o /tmp/lhlint-bench-bicep
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Built-in roles the generated authorizations use: Reader, Contributor, the
// Delete Role, Log Analytics Contributor (not delegable) and Owner (not
// delegable).
var roleIDs = []string{
	"acdd72a7-3385-48ef-bd42-f606fba81ae7",
	"b24988ac-6180-42a0-ab88-20f7382dd24c",
	"91c1777a-f3dc-4fae-b103-61d183457e46",
	"92aaf0da-9dab-42b6-94a3-d43ce8d16293",
	"8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
}

func main() {
	n := flag.Int("n", 10000, "number of deployments (template and parameters file)")
	out := flag.String("o", "", "directory to write the corpus into")
	lang := flag.String("lang", "arm", "language of the corpus: arm (template and parameters JSON) or bicep (main.bicep and main.bicepparam)")
	flag.Parse()
	if *out == "" {
		log.Fatal("gen: -o is required")
	}
	if *lang != "arm" && *lang != "bicep" {
		log.Fatalf("gen: -lang must be arm or bicep, not %q", *lang)
	}
	if *lang == "bicep" {
		mkdir(filepath.Join(*out, "modules"))
		write(filepath.Join(*out, "modules", "rg_assignment.bicep"), bicepRGAssignment)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range *n {
		dir := filepath.Join(*out, fmt.Sprintf("customer-%03d", i/100))
		name := fmt.Sprintf("onboarding-%05d", i)
		l := i % len(layouts)
		d := newDeployment(rng, i, l == 2)
		mkdir(dir)
		if *lang == "bicep" {
			write(filepath.Join(dir, name+".bicep"), bicepLayouts[l])
			write(filepath.Join(dir, name+".bicepparam"), d.bicepparam(name+".bicep"))
			continue
		}
		write(filepath.Join(dir, name+".json"), layouts[l])
		write(filepath.Join(dir, name+".parameters.json"), d.parameters())
	}
}

func mkdir(dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
}

func write(path, content string) {
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		log.Fatal(err)
	}
}

func guid(rng *rand.Rand) string {
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", rng.Uint32(), rng.Uint32()&0xffff,
		rng.Uint32()&0xfff, rng.Uint32()&0xfff, rng.Uint64()&0xffffffffffff)
}

// A deployment is the values of one parameters file.
type deployment struct {
	i       int
	tenant  string
	auths   []authorization
	multiRG bool
}

type authorization struct {
	principal, name, role string
}

// newDeployment draws the values of deployment i; every seventh delegates,
// as its third authorization, a role Azure Lighthouse rejects.
func newDeployment(rng *rand.Rand, i int, multiRG bool) deployment {
	d := deployment{i: i, multiRG: multiRG}
	for j := range 3 + rng.IntN(6) {
		role := roleIDs[j%3]
		if i%7 == 0 && j == 2 {
			role = roleIDs[3+rng.IntN(2)] // a role Azure Lighthouse rejects
		}
		d.auths = append(d.auths, authorization{guid(rng), fmt.Sprintf("Customer %d operators %d", i, j), role})
	}
	d.tenant = guid(rng)
	return d
}

func (d deployment) parameters() string {
	var auths []string
	for _, a := range d.auths {
		auths = append(auths, fmt.Sprintf(`        {
          "principalId": %q,
          "principalIdDisplayName": %q,
          "roleDefinitionId": %q
        }`, a.principal, a.name, a.role))
	}
	extra := ""
	if d.multiRG {
		extra = `,
    "resourceGroups": { "value": [ { "rgName": "rg-app" }, { "rgName": "rg-data" }, { "rgName": "rg-network" } ] }`
	}
	return fmt.Sprintf(`{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "mspOfferName": { "value": "Managed services offer %d" },
    "mspOfferDescription": { "value": "Operations for customer %d" },
    "managedByTenantId": { "value": %q },
    "authorizations": {
      "value": [
%s
      ]
    }%s
  }
}
`, d.i, d.i, d.tenant, strings.Join(auths, ",\n"), extra)
}

// bicepparam returns the parameters file of d for the template named
// template, in its folder.
func (d deployment) bicepparam(template string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `using './%s'

param mspOfferName = 'Managed services offer %d'
param mspOfferDescription = 'Operations for customer %d'
param managedByTenantId = '%s'
param authorizations = [
`, template, d.i, d.i, d.tenant)
	for _, a := range d.auths {
		fmt.Fprintf(&b, `  {
    principalId: '%s'
    principalIdDisplayName: '%s'
    roleDefinitionId: '%s'
  }
`, a.principal, a.name, a.role)
	}
	b.WriteString("]\n")
	if d.multiRG {
		b.WriteString(`param resourceGroups = [
  { rgName: 'rg-app' }
  { rgName: 'rg-data' }
  { rgName: 'rg-network' }
]
`)
	}
	return b.String()
}

var layouts = []string{subscription, singleRG, multiRG}

const header = `{
  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "mspOfferName": { "type": "string" },
    "mspOfferDescription": { "type": "string" },
    "managedByTenantId": { "type": "string" },
    "authorizations": { "type": "array" }`

const definition = `
    {
      "type": "Microsoft.ManagedServices/registrationDefinitions",
      "apiVersion": "2022-10-01",
      "name": "%s",
      %s"properties": {
        "registrationDefinitionName": "[parameters('mspOfferName')]",
        "description": "[parameters('mspOfferDescription')]",
        "managedByTenantId": "[parameters('managedByTenantId')]",
        "authorizations": "[parameters('authorizations')]"
      }
    }`

var subscription = header + `
  },
  "variables": {
    "mspRegistrationName": "[guid(parameters('mspOfferName'))]",
    "mspAssignmentName": "[guid(parameters('mspOfferName'))]"
  },
  "resources": [` + fmt.Sprintf(definition, "[variables('mspRegistrationName')]", "") + `,
    {
      "type": "Microsoft.ManagedServices/registrationAssignments",
      "apiVersion": "2022-10-01",
      "name": "[variables('mspAssignmentName')]",
      "dependsOn": [
        "[resourceId('Microsoft.ManagedServices/registrationDefinitions/', variables('mspRegistrationName'))]"
      ],
      "properties": {
        "registrationDefinitionId": "[resourceId('Microsoft.ManagedServices/registrationDefinitions/', variables('mspRegistrationName'))]"
      }
    }
  ]
}
`

var singleRG = header + `,
    "rgName": { "type": "string", "defaultValue": "rg-managed" }
  },
  "variables": {
    "mspRegistrationName": "[guid(parameters('mspOfferName'))]"
  },
  "resources": [` + fmt.Sprintf(definition, "[variables('mspRegistrationName')]", "") + `,
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2018-05-01",
      "name": "rgAssignment",
      "resourceGroup": "[parameters('rgName')]",
      "dependsOn": [
        "[resourceId('Microsoft.ManagedServices/registrationDefinitions/', variables('mspRegistrationName'))]"
      ],
      "properties": {
        "mode": "Incremental",
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.ManagedServices/registrationAssignments",
              "apiVersion": "2022-10-01",
              "name": "[variables('mspRegistrationName')]",
              "properties": {
                "registrationDefinitionId": "[resourceId('Microsoft.ManagedServices/registrationDefinitions/', variables('mspRegistrationName'))]"
              }
            }
          ]
        }
      }
    }
  ]
}
`

var multiRG = header + `,
    "resourceGroups": { "type": "array" }
  },
  "resources": [` + fmt.Sprintf(definition, "[guid(parameters('resourceGroups')[copyIndex()].rgName)]",
	`"copy": { "name": "definitions", "count": "[length(parameters('resourceGroups'))]" },
      `) + `,
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2018-05-01",
      "name": "[concat('rgAssignment', copyIndex())]",
      "resourceGroup": "[parameters('resourceGroups')[copyIndex()].rgName]",
      "copy": { "name": "assignments", "count": "[length(parameters('resourceGroups'))]" },
      "dependsOn": [
        "[resourceId('Microsoft.ManagedServices/registrationDefinitions/', guid(parameters('resourceGroups')[copyIndex()].rgName))]"
      ],
      "properties": {
        "mode": "Incremental",
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.ManagedServices/registrationAssignments",
              "apiVersion": "2022-10-01",
              "name": "[guid(parameters('resourceGroups')[copyIndex()].rgName)]",
              "properties": {
                "registrationDefinitionId": "[resourceId('Microsoft.ManagedServices/registrationDefinitions/', guid(parameters('resourceGroups')[copyIndex()].rgName))]"
              }
            }
          ]
        }
      }
    }
  ]
}
`

// The Bicep versions of the layouts, in the same order.
var bicepLayouts = []string{bicepSubscription, bicepSingleRG, bicepMultiRG}

const bicepHeader = `targetScope = 'subscription'

param mspOfferName string
param mspOfferDescription string
param managedByTenantId string
param authorizations array
`

const bicepDefinition = `
resource definition 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = {
  name: mspRegistrationName
  properties: {
    registrationDefinitionName: mspOfferName
    description: mspOfferDescription
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}
`

var bicepSubscription = bicepHeader + `
var mspRegistrationName = guid(mspOfferName)
var mspAssignmentName = guid(mspOfferName)
` + bicepDefinition + `
resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: mspAssignmentName
  properties: {
    registrationDefinitionId: definition.id
  }
}
`

var bicepSingleRG = bicepHeader + `param rgName string = 'rg-managed'

var mspRegistrationName = guid(mspOfferName)
` + bicepDefinition + `
module rgAssignment '../modules/rg_assignment.bicep' = {
  name: 'rgAssignment'
  scope: resourceGroup(rgName)
  params: {
    assignmentName: mspRegistrationName
    definitionId: definition.id
  }
}
`

var bicepMultiRG = bicepHeader + `param resourceGroups array

resource definitions 'Microsoft.ManagedServices/registrationDefinitions@2022-10-01' = [for rg in resourceGroups: {
  name: guid(rg.rgName)
  properties: {
    registrationDefinitionName: mspOfferName
    description: mspOfferDescription
    managedByTenantId: managedByTenantId
    authorizations: authorizations
  }
}]

module rgAssignments '../modules/rg_assignment.bicep' = [for (rg, i) in resourceGroups: {
  name: 'rgAssignment${i}'
  scope: resourceGroup(rg.rgName)
  params: {
    assignmentName: guid(rg.rgName)
    definitionId: definitions[i].id
  }
}]
`

// The module of the resource-group layouts: the assignment the ARM templates
// nest in a deployment.
const bicepRGAssignment = `param definitionId string
param assignmentName string

resource assignment 'Microsoft.ManagedServices/registrationAssignments@2022-10-01' = {
  name: assignmentName
  properties: {
    registrationDefinitionId: definitionId
  }
}
`
