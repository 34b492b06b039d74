package cli

import (
	"io"
	"os"
	"runtime/debug"
	"testing"
)

// BenchmarkCorpus lints the corpus under $LHLINT_BENCH_CORPUS, written by
// bench/gen, as the command does.
func BenchmarkCorpus(b *testing.B) {
	dir := os.Getenv("LHLINT_BENCH_CORPUS")
	if dir == "" {
		b.Skip("LHLINT_BENCH_CORPUS is not set")
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(64 << 20)
	for b.Loop() {
		Main([]string{"-format", "json", dir}, io.Discard, io.Discard)
	}
}
