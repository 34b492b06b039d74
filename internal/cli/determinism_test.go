package cli

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/lhlint/lhlint/internal/report"
)

// TestOutputDeterministic lints the corpus in every format with one worker
// and with four: the output must be the same bytes, however the jobs were
// scheduled.
func TestOutputDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, format := range report.Formats() {
		var outs [2][]byte
		for i, procs := range []int{1, 4} {
			runtime.GOMAXPROCS(procs)
			var stdout, stderr bytes.Buffer
			if status := Main([]string{"-format", format, "../../testdata/corpus"}, &stdout, &stderr); status != ExitFindings {
				t.Fatalf("-format %s: status %d, want %d\n%s", format, status, ExitFindings, stderr.String())
			}
			outs[i] = stdout.Bytes()
		}
		if !bytes.Equal(outs[0], outs[1]) {
			t.Errorf("-format %s: the output with GOMAXPROCS=1 differs from the one with GOMAXPROCS=4", format)
		}
	}
}
