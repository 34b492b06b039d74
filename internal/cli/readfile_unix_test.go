//go:build unix

package cli

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A parameters file's metadata.template may name a named pipe; reading it
// must fail at once instead of waiting for a writer forever.
func TestDiscoverRefusesPipe(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"fabrikam.json": `{"metadata": {"template": "pipe.json"}, "parameters": {"authorizations": {"value": []}}}`,
	})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	p := &paths{wd: dir, root: dir}
	done := make(chan discovered, 1)
	go func() { done <- testDiscover(t, p, filepath.Join(dir, "fabrikam.json")) }()
	select {
	case d := <-done:
		if len(d.files) != 1 || len(d.errs) > 0 {
			t.Errorf("files %v, errs %q; want fabrikam.json alone", d.files, d.errs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("discovery waits on a named pipe")
	}
	if _, err := readFile(filepath.Join(dir, "pipe.json")); err == nil || err.Error() != "not a regular file" {
		t.Errorf("readFile(pipe) error = %v, want not a regular file", err)
	}
}
