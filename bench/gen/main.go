// Command gen writes a synthetic corpus of onboarding deployments for the
// speed and memory targets of docs/architecture.md: templates in the layouts
// real repositories use (subscription, one resource group, many resource
// groups through a copy loop, eligible authorizations), each with a
// parameters file, some with mistakes. The corpus is deterministic.
//
//	go run ./bench/gen -n 10000 -o /tmp/lhlint-bench
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
	flag.Parse()
	if *out == "" {
		log.Fatal("gen: -o is required")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range *n {
		dir := filepath.Join(*out, fmt.Sprintf("customer-%03d", i/100))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		name := fmt.Sprintf("onboarding-%05d", i)
		layout := layouts[i%len(layouts)]
		write(filepath.Join(dir, name+".json"), layout)
		write(filepath.Join(dir, name+".parameters.json"), parameters(rng, i, layout == multiRG))
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

func parameters(rng *rand.Rand, i int, multiRG bool) string {
	var auths []string
	for j := range 3 + rng.IntN(6) {
		role := roleIDs[j%3]
		if i%7 == 0 && j == 2 {
			role = roleIDs[3+rng.IntN(2)] // a role Azure Lighthouse rejects
		}
		auths = append(auths, fmt.Sprintf(`        {
          "principalId": %q,
          "principalIdDisplayName": "Customer %d operators %d",
          "roleDefinitionId": %q
        }`, guid(rng), i, j, role))
	}
	extra := ""
	if multiRG {
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
`, i, i, guid(rng), strings.Join(auths, ",\n"), extra)
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
