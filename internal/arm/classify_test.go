package arm

import (
	"bytes"
	"fmt"
	"go/token"
	"reflect"
	"testing"

	"github.com/lhlint/lhlint/internal/source/sourcetest"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want Info
	}{
		{`{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
		   "parameters": {"a": {"type": "string"}}, "resources": [{"type": "Microsoft.ManagedServices/registrationDefinitions"}]}`,
			Info{Kind: Template, Onboarding: true, Parameters: []string{"a"}}},
		{`{"resources": [{"type": "Microsoft.Storage/storageAccounts"}]}`, Info{Kind: Template}},
		{`{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
		   "metadata": {"template": "./main.json"}, "parameters": {"mspOfferName": {"value": "x"}}}`,
			Info{Kind: Parameters, Parameters: []string{"mspOfferName"}, TemplateRef: "./main.json"}},
		{`{"parameters": {"managedByTenantId": {"value": "x"}, "authorizations": {"value": []}}}`,
			Info{Kind: Parameters, Onboarding: true, Parameters: []string{"managedByTenantId", "authorizations"}}},
		{`{"name": "my-package", "version": "1.0.0"}`, Info{}},
		{`{"type": "MICROSOFT.MANAGEDSERVICES/REGISTRATIONASSIGNMENTS",}`, Info{}},
		{`{"type": "MICROSOFT.MANAGEDSERVICES/REGISTRATIONASSIGNMENTS" "x"}`, Info{Malformed: true, Onboarding: true}},
		{`[1, 2]`, Info{}},
	}
	for _, tt := range tests {
		got := Classify([]byte(tt.in))
		if got.Kind != tt.want.Kind || got.Onboarding != tt.want.Onboarding || got.Malformed != tt.want.Malformed ||
			got.TemplateRef != tt.want.TemplateRef || !equalStrings(got.Parameters, tt.want.Parameters) {
			t.Errorf("Classify(%s) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestClassifyUTF16(t *testing.T) {
	params := `{"parameters": {"managedByTenantId": {"value": "x"}}, "metadata": {"template": "./main.json"}}`
	for _, content := range [][]byte{sourcetest.UTF16LE(params), sourcetest.UTF16BE(params)} {
		got := Classify(content)
		if got.Kind != Parameters || !got.Onboarding || got.TemplateRef != "./main.json" {
			t.Errorf("Classify(% x...) = %+v, want an onboarding parameters file naming ./main.json", content[:4], got)
		}
	}
	if got := Classify(append(sourcetest.UTF16LE(params), 0)); !got.Malformed {
		t.Errorf("Classify(odd-sized UTF-16) = %+v, want malformed", got)
	}
}

// TestParseEncodings checks that UTF-16 text is read as its characters,
// that text which does not decode is a problem where it stands, and that a
// byte order mark, which an editor does not show, takes no column.
func TestParseEncodings(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
		want    string // the first problem, "" for none
	}{
		{"utf-8 with a byte order mark", []byte("\xEF\xBB\xBF{\r\n  \"a\": \"é😀\"\r\n}"), ""},
		{"utf-8 byte order mark takes no column", []byte("\xEF\xBB\xBF{\"a\": x}"), "x.json:1:7: unexpected character 'x', expected a value"},
		{"little-endian", sourcetest.UTF16LE("{\r\n  \"a\": \"é😀\"\r\n}"), ""},
		{"big-endian", sourcetest.UTF16BE("{\r\n  \"a\": \"é😀\"\r\n}"), ""},
		{"malformed JSON", sourcetest.UTF16LE("{\n  \"é😀\": 1 2}"), "x.json:2:11: expected ',' or '}' after an object member, found character '2'"},
		{"odd byte count", append(sourcetest.UTF16LE("{\n  \"a\": 1}"), '\n'), "x.json:2:10: invalid UTF-16: the file ends in the middle of a character (an odd number of bytes)"},
		{"surrogate without its pair", append(sourcetest.UTF16BE("{\n  \"é"), 0xD8, 0x3D, 0, '"', 0, ':', 0, '1', 0, '}'), "x.json:2:5: invalid UTF-16: surrogate U+D83D without its pair"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f := Parse(fset, "x.json", tt.content)
			got := ""
			if len(f.Problems) > 0 {
				p := f.Position(f.Problems[0].Pos())
				got = fmt.Sprintf("x.json:%d:%d: %s", p.Line, p.Column, f.Problems[0].Message)
			}
			if got != tt.want {
				t.Fatalf("problem %q, want %q", got, tt.want)
			}
			if tt.want == "" && f.Root().Get("a").Text() != "é😀" {
				t.Errorf("a = %q, want %q", f.Root().Get("a").Text(), "é😀")
			}
		})
	}
}

// FuzzKind checks that a parsed file's kind, which Given reads from the
// parsed values, is what Classify says from the bytes.
func FuzzKind(f *testing.F) {
	for _, seed := range []string{
		`{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"}`,
		`{"resources": null}`,
		`{"Resources": []}`,
		`{"$schema": "x/deploymentParameters.json#", "parameters": {}}`,
		`{"parameters": {"a": {"value": 1}, "b": {"reference": {}}}}`,
		`{"parameters": {"a": {"value": 1}, "b": {"Value": 2}}}`,
		`{"parameters": {"a": 1}}`,
		`// comment
		{"parameters": {"a": {"value": 1},},}`,
		`[]`, `"x"`, `{`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		file := Parse(token.NewFileSet(), "f.json", []byte(in))
		if got, want := file.kind(), Classify([]byte(in)).Kind; got != want {
			t.Errorf("kind() = %v, Classify = %v for %q", got, want, in)
		}
	})
}

// FuzzClassify checks that Classify, which reads the root's members as it
// validates strict JSON, says what the queries of the whole cleaned text
// say, and ParseClassify, which reads them from the parsed values, what
// Classify says, on any input.
func FuzzClassify(f *testing.F) {
	for _, seed := range []string{
		`{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.ManagedServices/registrationDefinitions"}]}`,
		`{"\u0024schema": "x/deploymentParameters.json#", "$schema": "y", "parameters": {"authorizations": {"value": []}}, "metadata": {"template": "./t.json"}}`,
		`{"metadata": {"x": 1}, "resources": null, "metadata": {"_generator": {"name": "bicep"}}, "a": "microsoft.managedservices/registrationAssignments"}`,
		`{"parameters": {"a": {"value": 1}, "b": {"reference": {}}}, "parameters": 5}`,
		`{"metadata": 5, "resources": [], "metadata": {"_generator": {"name": null}}}`,
		`// comment
		{"parameters": {"a": {"value": 1},},}`,
		`[]`, `"x"`, `{`, ``, `{}`, "\xef\xbb\xbf{\"resources\": 1}",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, want := Classify([]byte(in)), classifyCleaned([]byte(in))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Classify = %+v, queries of the cleaned text = %+v for %q", got, want, in)
		}
		if _, parsed := (FrontEnd{}).ParseClassify(token.NewFileSet(), "f.json", []byte(in)); !reflect.DeepEqual(parsed, got) {
			t.Errorf("ParseClassify = %+v, Classify = %+v for %q", parsed, got, in)
		}
	})
}

// FuzzMentionsRegistration checks the search that looks around each '/'
// against testing every offset.
func FuzzMentionsRegistration(f *testing.F) {
	for _, seed := range []string{
		`"type": "Microsoft.ManagedServices/registrationDefinitions"`,
		`MICROSOFT.MANAGEDSERVICES/REGISTRATION`,
		`/microsoft.managedservices/registration/`,
		`microsoft.managedservices/registratio`, `icrosoft.managedservices/registration`,
		"microſoft.managedservices/registration", `//a/b/microsoft.managedservices//registration`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		want := false
		for i := 0; i+len(registrationType) <= len(in) && !want; i++ {
			want = bytes.EqualFold([]byte(in[i:i+len(registrationType)]), registrationType)
		}
		if got := mentionsRegistration([]byte(in)); got != want {
			t.Errorf("mentionsRegistration(%q) = %v, want %v", in, got, want)
		}
	})
}

func TestMayBeLinted(t *testing.T) {
	for _, tt := range []struct {
		content string
		want    bool
	}{
		{`{"resources": [{"type": "Microsoft.ManagedServices/registrationDefinitions"}]}`, true},
		{`{"parameters": {"authorizations": {"value": []}}}`, true},
		{`{"$schema": "x/deploymentParameters.json#", "parameters": {"a": {"value": 1}}}`, true},
		{`{"parameters": {"a": {"type": "string"}}, "resources": [{"type": "Microsoft.Storage/storageAccounts"}]}`, false},
		{`{"name": "a package", "version": "1.0.0"}`, false},
		{`{"resources": [{"type": "microsoft.managedservices/registrationAssignments"`, true}, // malformed, reported
	} {
		if got := mayBeLinted([]byte(tt.content)); got != tt.want {
			t.Errorf("mayBeLinted(%s) = %v, want %v", tt.content, got, tt.want)
		}
		file, info := (FrontEnd{}).ParseClassify(token.NewFileSet(), "f.json", []byte(tt.content))
		if (file != nil) != tt.want || !reflect.DeepEqual(info, Classify([]byte(tt.content))) {
			t.Errorf("ParseClassify(%s) = %v, %+v", tt.content, file, info)
		}
	}
}
