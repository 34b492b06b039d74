package roles

import (
	"reflect"
	"slices"
	"testing"
)

func TestEligibility(t *testing.T) {
	c := Builtin()
	for _, tc := range []struct {
		name string
		id   string
		want Eligibility
	}{
		{"Owner", Owner, Eligibility{Problem: ProblemOwner, Reason: "is Owner, which Azure Lighthouse never accepts"}},
		{"User Access Administrator", UserAccessAdministrator, Eligibility{Problem: ProblemUserAccessAdministrator,
			Reason: "is User Access Administrator, which Azure Lighthouse accepts only with delegatedRoleDefinitionIds"}},
		// "*" is not a restricted action: wildcards are not expanded.
		{"Contributor", Contributor, Eligibility{Delegable: true}},
		{"Reader", Reader, Eligibility{Delegable: true}},
		{"Managed Services Registration assignment Delete Role", RegistrationAssignmentDelete, Eligibility{Delegable: true}},
		{"Log Analytics Contributor", "92aaf0da-9dab-42b6-94a3-d43ce8d16293", Eligibility{
			Problem: ProblemDataActions,
			Actions: []string{"Microsoft.OperationalInsights/workspaces/jobs/export/action"},
			Since:   "2026-05-23",
			Reason:  "has data actions since 2026-05-23 (Microsoft.OperationalInsights/workspaces/jobs/export/action)",
		}},
		{"Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", Eligibility{
			Problem: ProblemDataActions,
			Actions: []string{"Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"},
			Reason:  "has data actions (Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read)",
		}},
		{"Purview role 1 (Deprecated)", "8a3c2885-9b38-4fd2-9d99-91af537c1347", Eligibility{
			Problem: ProblemDataActions,
			Actions: []string{"Microsoft.Purview/accounts/data/read", "Microsoft.Purview/accounts/data/write"},
			Reason:  "has data actions (Microsoft.Purview/accounts/data/read and 1 more)",
		}},
		// NotDataActions alone are enough: Azure wants neither.
		{"Inference Account Operator", "360cab3d-4340-4c96-816d-682fbd52b3e2", Eligibility{
			Problem: ProblemDataActions,
			Actions: []string{"Microsoft.InferenceService/inferenceAccounts/invoke/*"},
			Reason:  "has notDataActions (Microsoft.InferenceService/inferenceAccounts/invoke/*)",
		}},
		{"Role Based Access Control Administrator", RoleBasedAccessControlAdministrator, Eligibility{
			Problem: ProblemRestrictedActions,
			Actions: []string{"Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/delete"},
			Reason:  "has restricted actions (Microsoft.Authorization/roleAssignments/write, Microsoft.Authorization/roleAssignments/delete)",
		}},
		// The role a real onboarding was rejected for "because of restricted
		// actions" (https://github.com/MicrosoftDocs/azure-docs/issues/117760):
		// the data shows locks/write and locks/delete, held since the role
		// was first listed.
		{"Storage Account Backup Contributor", "e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1", Eligibility{
			Problem: ProblemRestrictedActions,
			Actions: []string{"Microsoft.Authorization/locks/write", "Microsoft.Authorization/locks/delete"},
			Reason:  "has restricted actions (Microsoft.Authorization/locks/write, Microsoft.Authorization/locks/delete)",
		}},
		{"Azure Stack HCI Administrator", "bda0d508-adf1-4af0-9c28-88919fc3ae06", Eligibility{
			Problem: ProblemRestrictedActions,
			Actions: []string{"Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/delete"},
			Since:   "2023-11-11",
			Reason:  "has restricted actions since 2023-11-11 (Microsoft.Authorization/roleAssignments/write, Microsoft.Authorization/roleAssignments/delete)",
		}},
		{"Security Manager (Legacy)", "e3d13bf0-dd5a-482e-ba6b-9b8433878d10", Eligibility{Problem: ProblemDeprecated, Reason: "is deprecated"}},
	} {
		r, ok := c.Lookup(tc.id)
		if !ok {
			t.Errorf("Lookup(%s) found nothing, want %s", tc.id, tc.name)
			continue
		}
		if r.Name != tc.name {
			t.Errorf("Lookup(%s).Name = %q, want %q", tc.id, r.Name, tc.name)
		}
		if got := r.Eligibility(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Eligibility() =\n%#v\nwant\n%#v", tc.name, got, tc.want)
		}
	}
}

// TestEligibilityCounts pins how the whole catalog splits. The numbers were
// computed from the built-in role listing and its history by a separate
// script applying Microsoft's role support rules for Azure Lighthouse, so a
// change in the Go rules shows up here.
func TestEligibilityCounts(t *testing.T) {
	got := map[Problem]int{}
	for _, r := range Builtin().All() {
		e := r.Eligibility()
		got[e.Problem]++
		if e.Delegable != (e.Problem == ProblemNone) || (e.Reason == "") != e.Delegable {
			t.Errorf("%s: inconsistent eligibility %+v", r.Name, e)
		}
	}
	want := map[Problem]int{
		ProblemNone: 577, ProblemDataActions: 319, ProblemRestrictedActions: 29,
		ProblemOwner: 1, ProblemUserAccessAdministrator: 1, ProblemDeprecated: 1,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %v, want %v", got, want)
	}
}

func TestEligibilityDoesNotShareRoleSlices(t *testing.T) {
	r, _ := Builtin().Lookup("92aaf0da-9dab-42b6-94a3-d43ce8d16293")
	e := r.Eligibility()
	e.Actions[0] = "changed"
	if r.DataActions[0] != "Microsoft.OperationalInsights/workspaces/jobs/export/action" {
		t.Error("changing Eligibility().Actions changed the role")
	}
}

func TestDeprecated(t *testing.T) {
	c := Builtin()
	var got []string
	for _, r := range c.All() {
		if r.Deprecated {
			got = append(got, r.Name)
		}
	}
	want := []string{
		"AcrImageSigner",
		"Cognitive Search Serverless Data Contributor (Deprecated)",
		"Cognitive Search Serverless Data Reader (Deprecated)",
		"Purview role 1 (Deprecated)",
		"Purview role 2 (Deprecated)",
		"Purview role 3 (Deprecated)",
		"Security Manager (Legacy)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("deprecated roles = %q, want %q", got, want)
	}
	r, _ := c.ByName("AcrImageSigner")
	if r.Added != "2022-07-31" || r.GainedDataActions != "" {
		t.Errorf("AcrImageSigner: Added %q, GainedDataActions %q", r.Added, r.GainedDataActions)
	}
}

func TestIncludesReader(t *testing.T) {
	c := Builtin()
	var got []string
	for _, r := range c.All() {
		if r.IncludesReader() {
			got = append(got, r.Name)
		}
	}
	want := []string{
		"App Compliance Automation Administrator", "App Compliance Automation Reader",
		"Azure Resilience Management Drills Target Resource Administrator",
		"Azure Resilience Management Drills Target Resource Contributor",
		"Contributor", "Log Analytics Contributor", "Log Analytics Reader",
		"Managed Application Contributor Role", "Managed Application Operator Role",
		"Managed Application Publisher Operator", "Monitoring Contributor",
		"Monitoring Policy Contributor", "Monitoring Reader", "Owner", "Reader",
		"Resource Policy Contributor", "Role Based Access Control Administrator",
		"User Access Administrator",
	}
	if !slices.Equal(got, want) {
		t.Errorf("roles including Reader = %q, want %q", got, want)
	}
	// NotActions in the same block take "*/read" away again.
	r := &Role{Permissions: []Permission{{Actions: []string{"*"}, NotActions: []string{"*/READ"}}}}
	if r.IncludesReader() {
		t.Error(`IncludesReader() with NotActions "*/READ" = true`)
	}
	// …but not from another block.
	r.Permissions = append(r.Permissions, Permission{Actions: []string{"*/read"}})
	if !r.IncludesReader() {
		t.Error("IncludesReader() with a second block granting */read = false")
	}
}

func TestKeyActions(t *testing.T) {
	c := Builtin()
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"Virtual Machine Contributor", []string{"Microsoft.Storage/storageAccounts/listKeys/action"}},
		{"Log Analytics Contributor", []string{
			"Microsoft.ClassicStorage/storageAccounts/listKeys/action",
			"Microsoft.Storage/storageAccounts/listKeys/action",
		}},
		// "*" is not expanded (see KeyActions).
		{"Contributor", nil},
		{"Reader", nil},
	} {
		r, ok := c.ByName(tc.name)
		if !ok {
			t.Errorf("ByName(%q) found nothing", tc.name)
			continue
		}
		if got := r.KeyActions(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: KeyActions() = %q, want %q", tc.name, got, tc.want)
		}
	}
	r := &Role{Actions: []string{
		"Microsoft.Web/sites/config/LIST/Action", "Microsoft.KeyVault/vaults/keys/read",
		"Microsoft.Storage/storageAccounts/ListAccountSas/action", "Microsoft.DocumentDB/databaseAccounts/listConnectionStrings/action",
		"Microsoft.Cache/redis/regenerateKey/action", "Microsoft.Web/sites/config/listsecrets/action",
	}}
	want := r.Actions[1:]
	if got := r.KeyActions(); !slices.Equal(got, want) {
		t.Errorf("KeyActions() = %q, want %q", got, want)
	}
}

func TestRestrictedActions(t *testing.T) {
	got := RestrictedActions()
	if len(got) != 13 || got[0] != "Microsoft.Authorization/*" || got[12] != "Microsoft.Authorization/denyAssignments/delete" {
		t.Errorf("RestrictedActions() = %q", got)
	}
	got[0] = "changed"
	if RestrictedActions()[0] != "Microsoft.Authorization/*" {
		t.Error("RestrictedActions() exposes the package's list")
	}
	// Matching ignores case but is literal.
	r := &Role{Actions: []string{"microsoft.authorization/LOCKS/write", "Microsoft.Authorization/locks/*", "*"}}
	if e := r.Eligibility(); e.Problem != ProblemRestrictedActions || !slices.Equal(e.Actions, r.Actions[:1]) {
		t.Errorf("Eligibility() = %+v, want restricted actions %q", e, r.Actions[:1])
	}
}

func TestProblemString(t *testing.T) {
	for p, want := range map[Problem]string{
		ProblemNone: "none", ProblemOwner: "owner", ProblemUserAccessAdministrator: "user_access_administrator",
		ProblemDataActions: "data_actions", ProblemRestrictedActions: "restricted_actions", ProblemDeprecated: "deprecated",
		Problem(42): "Problem(42)",
	} {
		if got := p.String(); got != want {
			t.Errorf("Problem(%d).String() = %q, want %q", int(p), got, want)
		}
	}
}
