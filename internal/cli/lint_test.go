package cli

import (
	"errors"
	"flag"
	"io"
	"reflect"
	"testing"

	"github.com/lhlint/lhlint/internal/lint"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		args  []string
		want  options
		paths []string
	}{
		{nil, options{format: "text", failLevel: lint.Warning, color: "auto"}, []string{"."}},
		{
			[]string{"-format", "json", "--fail-level=error", "-o", "out.json", "--parameters", "p.json", "--verbose", "a", "b"},
			options{format: "json", failLevel: lint.Error, color: "auto", output: "out.json", parameters: "p.json", verbose: true},
			[]string{"a", "b"},
		},
		// Flags after paths, as people type them.
		{[]string{"a", "-format", "sarif", "b", "--fail-level", "none"}, options{format: "sarif", failLevel: failNone, color: "auto"}, []string{"a", "b"}},
		// After "--", everything is a path.
		{[]string{"a", "--", "-format", "b"}, options{format: "text", failLevel: lint.Warning, color: "auto"}, []string{"a", "-format", "b"}},
		{[]string{"--fail-level", "note", "-"}, options{format: "text", failLevel: lint.Note, color: "auto"}, []string{"-"}},
	}
	for _, tt := range tests {
		o, paths, err := parseFlags(tt.args, io.Discard)
		if err != nil {
			t.Errorf("parseFlags(%q): %v", tt.args, err)
			continue
		}
		if !reflect.DeepEqual(*o, tt.want) || !reflect.DeepEqual(paths, tt.paths) {
			t.Errorf("parseFlags(%q) = %+v, %q, want %+v, %q", tt.args, *o, paths, tt.want, tt.paths)
		}
	}
}

func TestParseFlagsErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-format", "xml"}, `unknown format "xml" (want text, pretty, json, sarif, github, markdown)`},
		{[]string{"--fail-level", "off"}, `unknown fail level "off" (want error, warning, note or none)`},
		{[]string{"--fail-level", "Error"}, `unknown fail level "Error" (want error, warning, note or none)`},
		{[]string{".", "-x"}, "flag provided but not defined: -x"},
		{[]string{"-format"}, "flag needs an argument: -format"},
	}
	for _, tt := range tests {
		_, _, err := parseFlags(tt.args, io.Discard)
		if err == nil || err.Error() != tt.want {
			t.Errorf("parseFlags(%q) error = %v, want %q", tt.args, err, tt.want)
		}
	}
	if _, _, err := parseFlags([]string{"-h"}, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("parseFlags(-h) error = %v, want flag.ErrHelp", err)
	}
}
