package cli

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/lhlint/lhlint/internal/report"
)

// paths prints file paths relative to the working directory, where editors
// and problem matchers look for them, and gives SARIF URIs relative to the
// repository root, where GitHub code scanning looks for them.
type paths struct {
	wd   string // "" when the working directory is unknown
	root string // the nearest ancestor of wd with a .git entry, else wd
}

func newPaths() *paths {
	wd, err := os.Getwd()
	if err != nil {
		return &paths{}
	}
	return &paths{wd: wd, root: repositoryRoot(wd)}
}

// repositoryRoot returns the nearest ancestor of dir (dir included) with a
// .git entry (a folder, or a file in a worktree or submodule), else dir.
func repositoryRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// printed returns path as output shows it: relative to the working
// directory when it is under it, else as given; slash-separated.
func (p *paths) printed(path string) string {
	if filepath.IsLocal(path) && filepath.Clean(path) == path {
		// Under the working directory and clean, as every path is that
		// the walk finds under a relative argument: joining it to the
		// working directory and taking it relative again gives it back,
		// for the price of three Cleans and two allocations per file.
		return filepath.ToSlash(path)
	}
	if rel, ok := within(p.wd, p.abs(path)); ok {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(filepath.Clean(path))
}

// resolve is report.Resolve's paths function. Files are parsed under their
// printed names, so name is printed already; its URI is relative to the
// repository root, or an absolute file URI when it is outside.
func (p *paths) resolve(name string) (printed, uri string) {
	abs := p.abs(filepath.FromSlash(name))
	if rel, ok := within(p.root, abs); ok {
		return name, report.URIFromPath(filepath.ToSlash(rel))
	}
	if !filepath.IsAbs(abs) {
		return name, report.URIFromPath(name) // no working directory to anchor it
	}
	slash := filepath.ToSlash(abs)
	if !strings.HasPrefix(slash, "/") {
		slash = "/" + slash // a Windows drive: file:///C:/...
	}
	return name, (&url.URL{Scheme: "file", Path: slash}).String()
}

// abs returns path made absolute against the working directory, or
// unchanged when that is unknown.
func (p *paths) abs(path string) string {
	if filepath.IsAbs(path) || p.wd == "" {
		return filepath.Clean(path)
	}
	return filepath.Join(p.wd, path)
}

// within returns path relative to base when path is base or under it.
func within(base, path string) (string, bool) {
	if base == "" || !filepath.IsAbs(path) {
		return "", false
	}
	rel, err := filepath.Rel(base, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}
