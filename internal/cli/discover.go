package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/lhlint/lhlint/internal/arm"
)

// maxFileSize is the largest file lhlint reads. Onboarding templates are a
// few kilobytes; a larger JSON file in a walk is data, not a template.
const maxFileSize = 32 << 20

// discovered is what a walk of the command line's paths found.
type discovered struct {
	files   []file
	skipped []string // for --verbose
	errs    []error
}

// discover finds the JSON files under paths and classifies each. A file
// named on the command line is always read; a walk skips hidden folders,
// node_modules and files over maxFileSize. Symbolic links are not followed.
func discover(args []string, p *paths) discovered {
	var d discovered
	var found []file
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			d.errs = append(d.errs, fmt.Errorf("reading %s: %w", arg, unwrapPath(err)))
			continue
		}
		if !info.IsDir() {
			found = append(found, file{path: filepath.Clean(arg), explicit: true})
			continue
		}
		err = filepath.WalkDir(arg, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				d.errs = append(d.errs, fmt.Errorf("reading %s: %w", p.printed(path), unwrapPath(err)))
				return nil
			}
			name := e.Name()
			if e.IsDir() {
				if path != arg && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			if !e.Type().IsRegular() || (ext != ".json" && ext != ".jsonc") {
				return nil
			}
			if info, err := e.Info(); err == nil && info.Size() > maxFileSize {
				d.skipped = append(d.skipped, fmt.Sprintf("%s: larger than %d MiB", p.printed(path), maxFileSize>>20))
				return nil
			}
			found = append(found, file{path: path})
			return nil
		})
		if err != nil {
			d.errs = append(d.errs, err)
		}
	}
	d.files = classify(found, p, &d)
	return d
}

// classify reads and classifies files in parallel, keeping only what
// pairing needs.
func classify(files []file, p *paths, d *discovered) []file {
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				f := &files[i]
				content, err := readFile(f.path)
				if err != nil {
					mu.Lock()
					d.errs = append(d.errs, fmt.Errorf("reading %s: %w", p.printed(f.path), err))
					mu.Unlock()
					f.path = ""
					continue
				}
				f.info = arm.Classify(content)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	kept := files[:0]
	for _, f := range files {
		if f.path != "" {
			kept = append(kept, f)
		}
	}
	return kept
}

// readFile reads a file of at most maxFileSize bytes.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if info.IsDir() {
		return nil, errors.New("is a directory")
	}
	if info.Size() > maxFileSize {
		return nil, fmt.Errorf("file is %d MiB, larger than the %d MiB lhlint reads", info.Size()>>20, maxFileSize>>20)
	}
	return os.ReadFile(path)
}

// unwrapPath drops the operation and path from an *fs.PathError, which the
// message already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
