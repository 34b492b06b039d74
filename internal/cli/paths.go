package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/lhlint/lhlint/internal/report"
)

// paths prints file paths relative to the working directory and gives
// SARIF URIs relative to the repository root.
type paths struct {
	wd, root string
}

func newPaths() *paths {
	wd, err := os.Getwd()
	if err != nil {
		return &paths{}
	}
	root := wd
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			root = dir
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return &paths{wd: wd, root: root}
}

// printed returns path as output shows it: relative to the working
// directory when it is under it, slash-separated.
func (p *paths) printed(path string) string {
	if rel, ok := relative(p.wd, path); ok {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}

// resolve maps a printed path to itself and its repository-relative URI.
func (p *paths) resolve(printed string) (string, string) {
	path := filepath.FromSlash(printed)
	if rel, ok := relative(p.root, path); ok {
		return printed, report.URIFromPath(filepath.ToSlash(rel))
	}
	return printed, report.URIFromPath(printed)
}

func relative(base, path string) (string, bool) {
	if base == "" {
		return "", false
	}
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(base, path) // printed paths are relative to the working directory
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}
