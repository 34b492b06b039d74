package arm

import (
	"encoding/json"
	"go/token"
	"os"
	"testing"
)

func readBench(b *testing.B) (tmpl, params []byte) {
	tmpl, err := os.ReadFile("testdata/load/subscription.json")
	if err != nil {
		b.Fatal(err)
	}
	params, err = os.ReadFile("testdata/load/subscription.parameters.json")
	if err != nil {
		b.Fatal(err)
	}
	return tmpl, params
}

// BenchmarkLoad parses and loads a typical onboarding deployment.
func BenchmarkLoad(b *testing.B) {
	tmpl, params := readBench(b)
	b.SetBytes(int64(len(tmpl) + len(params)))
	b.ReportAllocs()
	for b.Loop() {
		fset := token.NewFileSet()
		Load(Parse(fset, "t.json", tmpl), Parse(fset, "t.parameters.json", params))
	}
}

// BenchmarkUnmarshal is the baseline docs/architecture.md compares with: merely
// parsing the same bytes as JSON.
func BenchmarkUnmarshal(b *testing.B) {
	tmpl, params := readBench(b)
	b.SetBytes(int64(len(tmpl) + len(params)))
	b.ReportAllocs()
	for b.Loop() {
		var t, p any
		if err := json.Unmarshal(tmpl, &t); err != nil {
			b.Fatal(err)
		}
		if err := json.Unmarshal(params, &p); err != nil {
			b.Fatal(err)
		}
	}
}
