// Package lhlint holds what the lhlint command embeds from the repository
// root: each rule's documented example, which is also one of its test
// fixtures, so the documentation shows input and output that tests check.
package lhlint

import (
	"embed"
	"io/fs"
	"path"
	"strings"
)

//go:generate go run ./cmd/lhlint rules -format markdown -o docs/rules.md

//go:embed testdata/rules/*/example.json testdata/rules/*/example.json.golden testdata/rules/*/example.parameters.json testdata/rules/*/principals.json
var examples embed.FS

// ExampleFile is one file of a rule's example.
type ExampleFile struct {
	Name    string
	Content string
}

// Example returns a rule's example files (the template, then its
// parameters file and the directory export it is linted with, when it has
// them) and the output lhlint reports for them.
func Example(rule string) (files []ExampleFile, output string, ok bool) {
	dir := path.Join("testdata/rules", rule)
	for _, name := range []string{"example.json", "example.parameters.json", "principals.json"} {
		if b, err := fs.ReadFile(examples, path.Join(dir, name)); err == nil {
			files = append(files, ExampleFile{Name: name, Content: string(b)})
		}
	}
	out, err := fs.ReadFile(examples, path.Join(dir, "example.json.golden"))
	if err != nil || len(files) == 0 {
		return nil, "", false
	}
	return files, strings.TrimRight(string(out), "\n"), true
}
