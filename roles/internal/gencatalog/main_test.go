package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lhlint/lhlint/roles/internal/catalogfile"
)

func TestRun(t *testing.T) {
	ref := "../../../../shared/reference"
	if _, err := os.Stat(ref); os.IsNotExist(err) {
		t.Skipf("reference data %s does not exist (it lives beside the repository, in ../shared)", ref)
	}
	out := filepath.Join(t.TempDir(), "catalog.txt")
	args := []string{"-ref", ref, "-date", "2026-08-22", "-o", out}
	if err := run(args); err != nil {
		t.Fatal(err)
	}
	want, err := catalogfile.Generate(catalogfile.Options{Ref: ref, Date: "2026-08-22"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("gencatalog wrote something other than what catalogfile.Generate returns")
	}

	// An up-to-date file is left alone, so its modification time stays.
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(out, old, old); err != nil {
		t.Fatal(err)
	}
	if err := run(args); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("second run rewrote the file (%v)", err)
	}
}

func TestRunErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-date", "2026-08-22"}, "-ref is required"},
		{[]string{"-ref", "x"}, `-date "" is not a YYYY-MM-DD date`},
		{[]string{"-ref", "x", "-date", "2026-08-22", "extra"}, `unexpected argument "extra"`},
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"-ref", "/nonexistent", "-date", "2026-08-22"}, "open /nonexistent/azure-builtin-roles.json: no such file or directory"},
	} {
		err := run(tc.args)
		if err == nil || err.Error() != tc.want {
			t.Errorf("run(%q) = %v, want %q", tc.args, err, tc.want)
		}
	}
}
