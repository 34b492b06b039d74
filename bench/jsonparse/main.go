// Command jsonparse is the baseline of docs/architecture.md (Speed and
// robustness): it reads every .json file under its arguments and merely
// parses it with encoding/json, in parallel like lhlint, so the benchmark
// script can compare the two.
package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

func main() {
	var paths []string
	for _, root := range os.Args[1:] {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".json") {
				paths = append(paths, path)
			}
			return err
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	work := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			n := 0
			for path := range work {
				data, err := os.ReadFile(path)
				if err != nil {
					log.Fatal(err)
				}
				var v any
				if err := json.Unmarshal(data, &v); err != nil {
					log.Fatalf("%s: %v", path, err)
				}
				n += len(data)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		})
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	fmt.Printf("parsed %d files, %d bytes\n", len(paths), total)
}
