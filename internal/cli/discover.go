package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/lhlint/lhlint/internal/arm"
)

// maxFileSize is the largest file lhlint reads. Onboarding templates are a
// few kilobytes; a larger JSON file in a walk is data, not a template, and
// reading it whole could exhaust memory.
const maxFileSize = 32 << 20

// file is a JSON file found on the command line or in a walk, with what
// arm.Classify made of it. Only this is kept between discovery and
// linting, never the content.
type file struct {
	path     string // as given or walked, OS-separated
	abs      string // absolute and clean: one file named twice is one file
	explicit bool   // named on the command line
	info     arm.Info
}

func newFile(path string, explicit bool, p *paths) file {
	path = filepath.Clean(path)
	return file{path: path, abs: p.abs(path), explicit: explicit}
}

// note is a line of --verbose output about one file.
type note struct {
	path string // the file it is about, as printed; notes are sorted by it
	text string
}

// sortNotes sorts notes by the path they are about, keeping the order of
// the notes about one file.
func sortNotes(notes []note) []note {
	slices.SortStableFunc(notes, func(a, b note) int { return strings.Compare(a.path, b.path) })
	return notes
}

// discovered is what discovery found.
type discovered struct {
	files []file
	notes []note   // files skipped and why, for --verbose
	errs  []string // paths that could not be read: exit 2
}

// discover finds the JSON files under args and classifies each. A file
// named on the command line is always read; a walk considers *.json and
// *.jsonc, skips hidden folders (.git among them) and node_modules, and
// skips files over maxFileSize. A walk does not follow symbolic links, so
// a link loop cannot make it run forever.
func discover(args []string, p *paths) discovered {
	var d discovered
	var found []file
	seen := map[string]int{} // abs -> index in found
	add := func(f file) {
		if i, ok := seen[f.abs]; ok {
			found[i].explicit = found[i].explicit || f.explicit
			return
		}
		seen[f.abs] = len(found)
		found = append(found, f)
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			d.errs = append(d.errs, fmt.Sprintf("reading %s: %v", p.printed(arg), unwrapPath(err)))
			continue
		}
		if !info.IsDir() {
			switch {
			case !info.Mode().IsRegular():
				d.errs = append(d.errs, fmt.Sprintf("reading %s: not a regular file", p.printed(arg)))
			case !isJSONName(arg):
				d.notes = append(d.notes, note{p.printed(arg), fmt.Sprintf("skipped %s: not a .json or .jsonc file", p.printed(arg))})
			default:
				add(newFile(arg, true, p))
			}
			continue
		}
		d.walk(arg, p, add)
	}
	d.classify(found, p)
	return d
}

// walk walks the folder root, calling add for each JSON file.
func (d *discovered) walk(root string, p *paths, add func(file)) {
	start := root
	if info, err := os.Lstat(root); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// A link named on the command line is followed: WalkDir would see
		// only the link. A trailing separator makes it read the folder.
		start = root + string(filepath.Separator)
	}
	err := filepath.WalkDir(start, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			d.errs = append(d.errs, fmt.Sprintf("reading %s: %v", p.printed(path), unwrapPath(err)))
			return nil
		}
		name := e.Name()
		if e.IsDir() {
			if path != start && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() || !isJSONName(name) {
			return nil
		}
		add(newFile(path, false, p)) // its size is checked when it is read

		return nil
	})
	if err != nil {
		d.errs = append(d.errs, fmt.Sprintf("reading %s: %v", p.printed(root), unwrapPath(err)))
	}
}

// isJSONName reports whether a file name has an extension lhlint reads.
func isJSONName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".json" || ext == ".jsonc"
}

// classify reads and classifies files in parallel, keeping only what
// pairing needs, and drops the files it cannot read.
func (d *discovered) classify(files []file, p *paths) {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				content, err := readFile(files[i].path)
				if err != nil {
					errs[i] = err
					continue
				}
				files[i].info = arm.Classify(content)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, f := range files {
		switch {
		case errors.Is(errs[i], errTooLarge) && !f.explicit:
			d.notes = append(d.notes, note{p.printed(f.path), fmt.Sprintf("skipped %s: larger than %d MiB", p.printed(f.path), maxFileSize>>20)})
			continue
		case errs[i] != nil:
			d.errs = append(d.errs, fmt.Sprintf("reading %s: %v", p.printed(f.path), errs[i]))
			continue
		}
		d.files = append(d.files, f)
	}
}

// errTooLarge is readFile's error for a file over maxFileSize.
var errTooLarge = fmt.Errorf("larger than the %d MiB lhlint reads", maxFileSize>>20)

// unwrapPath drops the operation and path from an *fs.PathError: lhlint's
// messages name the path themselves, as the user wrote it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
