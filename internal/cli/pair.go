package cli

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
)

// job is what one worker lints: a template with each of its parameters
// files, one deployment each (no parameters file: one deployment with the
// template's defaults), or a parameters file checked on its own.
type job struct {
	template string   // a template, or a malformed file for its syntax findings; "" for params alone
	params   []string // paths of the parameters files
}

// How a parameters file found its template, for --verbose.
const (
	byFlag      = "by --parameters"
	byReference = "by its metadata.template"
	byUsing     = "by its using line"
	byName      = "by name"
	byContent   = "by the parameters it sets"
)

// pair decides which parameters files go with which templates, first match
// wins (docs/architecture.md, Pipeline): --parameters (forced, nil when not
// given), then the template a parameters file names (its
// metadata.template), then its name beside the template, then its content.
// Companions pair like the files found, but only the deployments the user
// asked for are kept: those of a found parameters file, and of a named
// template with each parameters file of its folder. It returns the jobs,
// sorted by path, and a --verbose note for every file found, with paths
// printed by show; no notes when show is nil. It is a pure function of the
// files' paths, origins and frontend.Info, so it is tested on tables of
// them.
func pair(files []file, forced *file, show func(string) string) ([]job, []note) {
	var notes []note
	verbose := show != nil
	if !verbose {
		// Without --verbose no one reads the notes: printing a path and
		// formatting a note for every file cost a tenth of pairing, which
		// runs on one core, and the notes of 50,000 deployments held
		// megabytes until the run ended.
		show = func(string) string { return "" }
	}
	say := func(f *file, format string, args ...any) {
		if verbose {
			notes = append(notes, note{show(f.path), fmt.Sprintf(format, args...)})
		}
	}
	skip := func(f *file, why string) {
		if f.found() {
			say(f, "skipped %s: %s", show(f.path), why)
		}
	}

	files = slices.Clone(files) // malformed templates are marked below
	var templates, params, malformed []*file
	for i := range files {
		f := &files[i]
		switch {
		case forced != nil && f.abs == forced.abs:
			// Found by the walk too; it is used as --parameters says.
		case f.info.Malformed:
			malformed = append(malformed, f)
		case f.info.Kind == frontend.Template:
			templates = append(templates, f)
		case f.info.Kind == frontend.Parameters:
			params = append(params, f)
		default:
			skip(f, "neither a template nor a parameters file")
		}
	}
	templates = dropCompiled(templates, func(t, src *file) {
		skip(t, fmt.Sprintf("compiled from %s, which is linted instead", show(src.path)))
	})
	// Pairing looks up templates by path, by folder and by name, never by
	// going through them all: a repository of 10,000 deployments must not
	// pair in quadratic time.
	idx := newTemplateIndex()
	for _, t := range templates {
		idx.add(t)
	}
	// A malformed file named for a template is that template's parameters
	// file, and its syntax errors are reported through it. Any other
	// malformed file that matters (named on the command line, or mentioning
	// Microsoft.ManagedServices) is linted as a template for its syntax
	// errors, and still claims its parameters files, which are only
	// reported with it.
	for _, f := range malformed {
		switch {
		case idx.byName(f) != nil:
			params = append(params, f)
		case f.origin == named || f.info.Onboarding:
			f.info.Kind, f.info.Onboarding = frontend.Template, true
			templates = append(templates, f)
			idx.add(f)
		default:
			skip(f, fmt.Sprintf("not valid %s, and it mentions no Microsoft.ManagedServices resource", language(f.path)))
		}
	}

	type claim struct {
		params *file
		how    string
	}
	claims := map[*file][]claim{}
	var jobs []job
	alone := func(p *file) {
		if !p.found() {
			return
		}
		if p.info.Onboarding || p.info.Malformed {
			jobs = append(jobs, job{params: []string{p.path}})
			say(p, "%s pairs with no template; its values are checked on their own", show(p.path))
			return
		}
		skip(p, "it pairs with no template and sets no onboarding values")
	}
	if forced != nil {
		for _, p := range params {
			skip(p, fmt.Sprintf("--parameters %s is used instead", show(forced.path)))
		}
		params = nil
		if slices.ContainsFunc(templates, func(t *file) bool { return t.info.Onboarding }) {
			for _, t := range templates {
				claims[t] = []claim{{forced, byFlag}}
			}
		} else {
			alone(forced)
		}
	}
	// The config's template-to-parameters globs (a later issue) pair here,
	// after --parameters and before metadata.template.
	var unclaimed []*file
	for _, p := range params {
		t, how := idx.byReference(p), byReference
		if language(p.path) == "Bicep" {
			how = byUsing
		}
		if t == nil && language(p.path) == "Bicep" {
			// A .bicepparam file names its template on its using line, or
			// says with using none that it has none.
			alone(p)
			continue
		}
		if t == nil {
			t, how = idx.byName(p), byName
		}
		if t == nil {
			unclaimed = append(unclaimed, p)
			continue
		}
		claims[t] = append(claims[t], claim{p, how})
	}
	// Content comes last: it pairs only what no stronger signal claimed.
	for _, p := range unclaimed {
		if t := idx.byContent(p); t != nil {
			claims[t] = append(claims[t], claim{p, byContent})
			continue
		}
		alone(p)
	}

	moduleOf := modulesOf(templates)
	for _, t := range templates {
		cs := slices.DeleteFunc(claims[t], func(c claim) bool { return !deploys(t, c.params) })
		if !t.found() && len(cs) == 0 {
			continue // a companion no found file deploys with
		}
		if u := moduleOf[t.abs]; u != nil && moduleOf[u.abs] != t {
			why := fmt.Sprintf("it is a module of %s, linted with it", show(u.path))
			skip(t, why)
			for _, c := range cs {
				skip(c.params, fmt.Sprintf("its template %s is a module of %s, linted with it", show(t.path), show(u.path)))
			}
			continue
		}
		if !t.info.Onboarding {
			skip(t, "no Microsoft.ManagedServices resource")
			for _, c := range cs {
				skip(c.params, fmt.Sprintf("its template %s has no Microsoft.ManagedServices resource", show(t.path)))
			}
			continue
		}
		j := job{template: t.path}
		for _, c := range cs {
			j.params = append(j.params, c.params.path)
			say(c.params, "%s pairs with %s %s", show(c.params.path), show(t.path), c.how)
		}
		slices.Sort(j.params)
		switch {
		case t.info.Malformed:
			if language(t.path) == "Bicep" {
				// The Bicep parser recovers: what parses is linted too.
				say(t, "%s is not valid Bicep; it is linted as far as it parses", show(t.path))
			} else {
				say(t, "%s is not valid JSON; only its syntax is checked", show(t.path))
			}
		case len(cs) == 0:
			say(t, "%s has no parameters file; it is linted with its defaults", show(t.path))
		}
		jobs = append(jobs, j)
	}
	slices.SortFunc(jobs, func(a, b job) int { return cmp.Compare(a.key(), b.key()) })
	return jobs, notes
}

// dropCompiled returns templates without those the Bicep compiler wrote
// from a .bicep file found beside them (main.json from main.bicep): each
// finding is reported once, in the source. It calls skipped for each.
func dropCompiled(templates []*file, skipped func(t, src *file)) []*file {
	var sources map[string]*file
	for _, t := range templates {
		if strings.EqualFold(filepath.Ext(t.abs), ".bicep") && t.found() {
			if sources == nil {
				sources = map[string]*file{}
			}
			sources[strings.ToLower(strings.TrimSuffix(t.abs, filepath.Ext(t.abs)))] = t
		}
	}
	if sources == nil {
		return templates
	}
	return slices.DeleteFunc(templates, func(t *file) bool {
		src := sources[strings.ToLower(strings.TrimSuffix(t.abs, filepath.Ext(t.abs)))]
		if src == nil || src == t || !strings.EqualFold(t.info.Generator, "bicep") {
			return false
		}
		skipped(t, src)
		return true
	})
}

// modulesOf returns, by abs, the template found onboarding templates
// deploy as a local module, and the first template (by path) that does: a
// module is linted as part of that deployment, and on its own only when
// no template uses it.
func modulesOf(templates []*file) map[string]*file {
	out := map[string]*file{}
	for _, t := range templates {
		if !t.info.Onboarding || !t.found() {
			continue
		}
		for _, rel := range t.info.Modules {
			m := filepath.Join(filepath.Dir(t.abs), filepath.FromSlash(rel))
			if u := out[m]; m != t.abs && (u == nil || t.path < u.path) {
				out[m] = t
			}
		}
	}
	return out
}

// language names the language of a file for a message, by its extension.
func language(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".bicep", ".bicepparam":
		return "Bicep"
	}
	return "JSON"
}

// deploys reports whether template t with parameters file p is a
// deployment the user asked for: p was found, or t was named and p is
// beside it, as a walk of t's folder would have found it.
func deploys(t, p *file) bool {
	return p.found() || t.origin == named && filepath.Dir(t.abs) == filepath.Dir(p.abs)
}

// key orders jobs: by template, or by the parameters file checked alone.
func (j job) key() string {
	if j.template != "" {
		return j.template
	}
	return j.params[0]
}

// templateIndex finds templates by path, folder and name.
type templateIndex struct {
	byAbs  map[string]*file
	byDir  map[string][]*file
	byStem map[[2]string][]*file // folder and lower-case name without extension
}

func newTemplateIndex() *templateIndex {
	return &templateIndex{byAbs: map[string]*file{}, byDir: map[string][]*file{}, byStem: map[[2]string][]*file{}}
}

func (x *templateIndex) add(t *file) {
	dir := filepath.Dir(t.abs)
	x.byAbs[t.abs] = t
	x.byDir[dir] = append(x.byDir[dir], t)
	k := [2]string{dir, strings.ToLower(stem(t.path))}
	x.byStem[k] = append(x.byStem[k], t)
}

// byReference returns the template a parameters file's metadata.template
// names, relative to the parameters file's folder (PSRule's convention), or
// nil.
func (x *templateIndex) byReference(p *file) *file {
	ref, ok := templateRef(p, filepath.Dir(p.abs))
	if !ok {
		return nil
	}
	if t := x.byAbs[ref]; t != nil && !t.info.Malformed {
		return t
	}
	return nil
}

// byName returns the template beside parameters file p whose name p's name
// is derived from, or nil. When several are (main.json and main.dev.json
// both claim main.dev.parameters.json), the longest name is the one meant.
func (x *templateIndex) byName(p *file) *file {
	dir, name := filepath.Dir(p.abs), filepath.Base(p.path)
	s := strings.ToLower(stem(name))
	// A template's stem is p's stem cut at a dot: longest first.
	for i := strings.LastIndexByte(s, '.'); i > 0; i = strings.LastIndexByte(s[:i], '.') {
		for _, t := range x.byStem[[2]string{dir, s[:i]}] {
			if isNameFor(name, filepath.Base(t.path)) {
				return t
			}
		}
	}
	return nil
}

// byContent returns the one template in parameters file p's folder that
// declares every parameter p sets, or nil when none or several do. Real
// repositories pair multi-rg.json with multiple-rg.parameters.json; the
// parameters are the evidence.
func (x *templateIndex) byContent(p *file) *file {
	var found *file
	for _, t := range x.byDir[filepath.Dir(p.abs)] {
		if t.info.Malformed || !declaresAll(t.info.Parameters, p.info.Parameters) {
			continue
		}
		if found != nil {
			return nil // ambiguous: better unpaired than paired wrongly
		}
		found = t
	}
	return found
}

// isNameFor reports whether a parameters file's name says it belongs to a
// template: X.json with X.parameters.json, X.params.json,
// X.parameters.*.json or X.*.parameters.json (parameter in the singular
// too), compared case-insensitively (Windows users write Parameters.json),
// and with .jsonc as well as .json.
func isNameFor(params, template string) bool {
	params, template = strings.ToLower(params), strings.ToLower(template)
	if !frontends.Reads(params) || !frontends.Reads(template) || stem(template) == "" {
		return false
	}
	rest, ok := strings.CutPrefix(stem(params), stem(template)+".")
	if !ok {
		return false
	}
	parts := strings.Split(rest, ".")
	switch {
	case slices.Contains(parts, ""):
		return false
	case len(parts) == 1:
		return isParametersWord(parts[0]) || parts[0] == "params"
	}
	return isParametersWord(parts[0]) || isParametersWord(parts[len(parts)-1])
}

func isParametersWord(s string) bool { return s == "parameters" || s == "parameter" }

// stem is a file name without its folder and extension.
func stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// declaresAll reports whether every name in set is declared, compared
// case-insensitively, as ARM matches parameter names.
func declaresAll(declared, set []string) bool {
	for _, name := range set {
		if !slices.ContainsFunc(declared, func(d string) bool { return strings.EqualFold(d, name) }) {
			return false
		}
	}
	return true
}
