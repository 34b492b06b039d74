// Package frontends lists the template languages lhlint reads. It is the
// one place that names a front-end package; everything else reaches them
// through frontend.FrontEnd (see docs/architecture.md).
package frontends

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/arm"
	"github.com/lhlint/lhlint/internal/bicep"
	"github.com/lhlint/lhlint/internal/frontend"
)

// All returns the front-ends. The first reads a file whose name has no
// extension any of them claims. Bicep reads a local module of another
// language (an ARM JSON template) with the front-end For gives it.
func All() []frontend.FrontEnd { return sharing(nil) }

// sharing returns the front-ends, those that read files besides a job's
// keeping them in cache.
func sharing(cache *frontend.Cache) []frontend.FrontEnd {
	return []frontend.FrontEnd{arm.FrontEnd{}, bicep.FrontEnd{Modules: For, Cache: cache}}
}

// For returns the front-end that reads a file named name, by its
// extension compared ignoring case. A file with another name (one given
// to --parameters) is read by the first.
func For(name string) frontend.FrontEnd { return Sharing(name, nil) }

// Sharing is For with the front-end keeping the files it reads besides a
// job's (a Bicep template's local modules) in cache, the run's.
func Sharing(name string, cache *frontend.Cache) frontend.FrontEnd {
	all := sharing(cache)
	if fe := claiming(all, name); fe != nil {
		return fe
	}
	return all[0]
}

// Reads reports whether a front-end claims a file named name by its
// extension.
func Reads(name string) bool { return claiming(All(), name) != nil }

func claiming(all []frontend.FrontEnd, name string) frontend.FrontEnd {
	ext := strings.ToLower(filepath.Ext(name))
	for _, fe := range all {
		if slices.Contains(fe.Extensions(), ext) {
			return fe
		}
	}
	return nil
}

// Extensions returns the extensions of every front-end, in order.
func Extensions() []string {
	var out []string
	for _, fe := range All() {
		out = append(out, fe.Extensions()...)
	}
	return out
}
