package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/lhlint/lhlint/internal/cli"
	"github.com/lhlint/lhlint/internal/golden"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"lhlint": func() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scripts in testdata/script. Each has a
// copy of testdata/corpus in $WORK/corpus, and of testdata/encodings (files
// a script cannot hold as text, such as UTF-16 ones) in $WORK/encodings.
func TestScripts(t *testing.T) {
	t.Cleanup(func() { checkSARIFCount(t) }) // after the scripts, which run in parallel
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       golden.Update(),
		Setup: func(env *testscript.Env) error {
			for _, dir := range []string{"corpus", "encodings"} {
				if err := os.CopyFS(filepath.Join(env.WorkDir, dir), os.DirFS("../../testdata/"+dir)); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits},
	})
}

// exits N program args... runs program like exec and checks that it exits
// with status N exactly; a plain "! exec" proves only that it failed.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits status program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exits: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
	if args[1] == "lhlint" {
		checkSARIF(ts, args[2:])
	}
}
