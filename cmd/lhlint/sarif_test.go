package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// sarifSchemaURL is where the schema is registered: a fixed absolute URL,
// so that nothing is fetched and messages do not name a local path.
const sarifSchemaURL = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"

// sarifLogs checks every SARIF log the scripts make lhlint write (standard
// output of -format sarif, an -o file of that format, a --write-baseline
// file) against the SARIF 2.1.0 schema kept in testdata/sarif. With
// LHLINT_SARIF_DIR set, it also keeps a copy of each there, for the SARIF
// Multitool that .ci/run runs over them.
var sarifLogs struct {
	once    sync.Once
	schema  *jsonschema.Schema
	err     error
	checked atomic.Int64
}

func compileSARIFSchema() (*jsonschema.Schema, error) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	if err := c.AddResource(sarifSchemaURL, bytes.NewReader(data)); err != nil {
		return nil, err
	}
	return c.Compile(sarifSchemaURL)
}

// sarifOutputs returns the files of the script's work directory that the
// lhlint command args wrote as SARIF, "stdout" for its standard output.
func sarifOutputs(args []string) []string {
	format, output := "text", ""
	var out []string
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		switch name {
		case "format":
			format = value
		case "o":
			output = value
		case "write-baseline":
			out = append(out, value)
		}
	}
	if format == "sarif" {
		if output == "" {
			output = "stdout"
		}
		out = append(out, output)
	}
	return out
}

// checkSARIF validates the SARIF logs the lhlint command args wrote.
func checkSARIF(ts *testscript.TestScript, args []string) {
	for _, name := range sarifOutputs(args) {
		var doc []byte
		if name == "stdout" {
			doc = []byte(ts.ReadFile("stdout"))
		} else {
			data, err := os.ReadFile(ts.MkAbs(name))
			if err != nil {
				continue // not written: the script checks why
			}
			doc = data
		}
		if len(bytes.TrimSpace(doc)) == 0 {
			continue // a usage error writes no log
		}
		sarifLogs.once.Do(func() { sarifLogs.schema, sarifLogs.err = compileSARIFSchema() })
		if sarifLogs.err != nil {
			ts.Fatalf("compiling the SARIF schema: %v", sarifLogs.err)
		}
		var v any
		dec := json.NewDecoder(bytes.NewReader(doc))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			ts.Fatalf("SARIF log %s is not JSON: %v", name, err)
		}
		if err := sarifLogs.schema.Validate(v); err != nil {
			ts.Fatalf("SARIF log %s does not validate: %#v", name, err)
		}
		n := sarifLogs.checked.Add(1)
		if dir := os.Getenv("LHLINT_SARIF_DIR"); dir != "" {
			file := filepath.Join(dir, fmt.Sprintf("%s-%d.sarif", filepath.Base(ts.Getenv("WORK")), n))
			if err := os.WriteFile(file, doc, 0o644); err != nil {
				ts.Fatalf("keeping the SARIF log: %v", err)
			}
		}
	}
}

// checkSARIFCount fails t when a whole run of the scripts validated no
// SARIF log: the scripts write SARIF, so a harness that validated none
// would prove nothing.
func checkSARIFCount(t *testing.T) {
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() != "" {
		return // a chosen script may write none
	}
	if n := sarifLogs.checked.Load(); n < 5 {
		t.Errorf("the scripts validated %d SARIF logs, want at least 5", n)
	}
}
