package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
)

// deployers adds, for each template named on the command line in a folder
// no walk went through, the templates that deploy it as a local module,
// found in its folder and in the folders above it up to the working
// directory, as if they were named too: a pre-commit hook names only the
// file that changed, and a module is linted as part of the deployment that
// uses it, whose parameters it takes (docs/architecture.md, "Modules named
// alone"). A deploying template found so is searched for in turn, so a
// module of a module reaches the top template. The search reads only the
// files of those folders, never below them, and follows no link, so it is
// bounded by the folders' depth and by maxModuleReads.
func (d *discoverer) deployers() error {
	var queue []file
	for _, f := range d.files {
		if f.origin == named && f.info.Kind == frontend.Template && !d.walked[filepath.Dir(f.abs)] {
			queue = append(queue, f)
		}
	}
	if len(queue) == 0 {
		return nil // as when every file was found by a walk: known would hold them all for nothing
	}
	known := make(map[string]frontend.Info, len(d.files)) // by abs
	for _, f := range d.files {
		known[f.abs] = f.info
	}
	reads := 0
	dirs := map[string][]os.DirEntry{} // by abs
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		var more []file
		for dir, abs := filepath.Dir(f.path), filepath.Dir(f.abs); ; dir, abs = filepath.Dir(dir), filepath.Dir(abs) {
			entries, ok := dirs[abs]
			if !ok {
				entries, _ = os.ReadDir(abs) // an unreadable folder deploys nothing
				dirs[abs] = entries
			}
			for _, e := range entries {
				path, cand := filepath.Join(dir, e.Name()), filepath.Join(abs, e.Name())
				if !e.Type().IsRegular() || !frontends.Reads(cand) || cand == f.abs {
					continue
				}
				info, ok := known[cand]
				if !ok && reads < maxModuleReads {
					reads++
					if content, err := readFile(cand); err == nil {
						info = frontends.For(cand).Classify(content)
					}
					known[cand] = info
				}
				if info.Kind != frontend.Template || !deploysModule(cand, info, f.abs) {
					continue
				}
				d.notes = append(d.notes, note{d.p.printed(f.path), fmt.Sprintf("%s deploys %s as a module; that deployment is linted", d.p.printed(path), d.p.printed(f.path))})
				if !d.seen[cand] {
					more = append(more, newFile(path, named, d.p))
				}
			}
			if _, under := within(d.p.wd, abs); !under || abs == d.p.wd || abs == filepath.Dir(abs) || d.p.wd == "" {
				break
			}
		}
		more, err := d.unignored(more)
		if err != nil {
			return err
		}
		queue = append(queue, d.keep(more, classify(more))...)
	}
	return nil
}

// deploysModule reports whether the template at abs, classified as info,
// deploys the file module (an absolute path) as a local module.
func deploysModule(abs string, info frontend.Info, module string) bool {
	for _, rel := range info.Modules {
		if filepath.Join(filepath.Dir(abs), filepath.FromSlash(rel)) == module {
			return true
		}
	}
	return false
}
