package cli

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/arm"
)

// file is a JSON file found on the command line or in a walk, with what
// arm.Classify made of it.
type file struct {
	path     string // as given or walked, OS-separated
	explicit bool   // named on the command line
	info     arm.Info
}

// job is what one worker lints: a template with each of its parameters
// files (none: its defaults), or a parameters file alone, or a malformed
// file for its syntax findings.
type job struct {
	template string // a template, or a malformed file for its syntax findings
	params   []string
	alone    string // a parameters file no template claims
}

// pairing says how a parameters file found its template, for --verbose.
type pairing struct {
	params, template, how string
}

// pair decides which parameters files go with which templates, first
// match wins (DESIGN §1): --parameters, metadata.template, name beside the
// template, then content. It is pure: files in, jobs out.
func pair(files []file, forced string) (jobs []job, pairings []pairing) {
	var templates, params, malformed []file
	byPath := map[string]file{}
	for _, f := range files {
		byPath[filepath.Clean(f.path)] = f
		switch {
		case f.info.Malformed:
			malformed = append(malformed, f)
		case f.info.Kind == arm.Template:
			templates = append(templates, f)
		case f.info.Kind == arm.Parameters && f.path != forced:
			params = append(params, f)
		}
	}
	// A malformed file named for a template is that template's parameters
	// file; any other malformed file that matters is linted as a template,
	// for its syntax findings, and still claims parameters files by name.
	for _, f := range malformed {
		switch {
		case slices.ContainsFunc(templates, func(t file) bool { return isNamedFor(f, t) }):
			params = append(params, f)
		case f.explicit || f.info.Onboarding:
			f.info.Kind, f.info.Onboarding = arm.Template, true
			templates = append(templates, f)
		}
	}
	claimed := map[string][]string{} // template path -> parameters files
	if forced != "" {
		for _, t := range templates {
			claimed[t.path] = []string{forced}
			pairings = append(pairings, pairing{forced, t.path, "--parameters"})
		}
		params = nil
	}
	var unclaimed []file
	for _, p := range params {
		t, how := templateFor(p, templates, byPath)
		if t == "" {
			unclaimed = append(unclaimed, p)
			continue
		}
		claimed[t] = append(claimed[t], p.path)
		pairings = append(pairings, pairing{p.path, t, how})
	}
	for _, p := range unclaimed {
		if t := templateByContent(p, templates); t != "" {
			claimed[t] = append(claimed[t], p.path)
			pairings = append(pairings, pairing{p.path, t, "by the parameters it sets"})
			continue
		}
		if p.info.Onboarding {
			jobs = append(jobs, job{alone: p.path})
		}
	}
	for _, t := range templates {
		if t.info.Onboarding {
			jobs = append(jobs, job{template: t.path, params: claimed[t.path]})
		}
	}
	return jobs, pairings
}

// templateFor finds a parameters file's template by its metadata.template
// or by name beside it.
func templateFor(p file, templates []file, byPath map[string]file) (template, how string) {
	dir := filepath.Dir(p.path)
	if ref := p.info.TemplateRef; ref != "" {
		t := filepath.Clean(filepath.Join(dir, filepath.FromSlash(ref)))
		if f, ok := byPath[t]; ok && f.info.Kind == arm.Template {
			return f.path, "by its metadata.template"
		}
	}
	for _, t := range templates {
		if isNamedFor(p, t) {
			return t.path, "by name"
		}
	}
	return "", ""
}

// isNamedFor reports whether parameters file p sits beside template t with
// a name that says it belongs to it.
func isNamedFor(p, t file) bool {
	return filepath.Dir(t.path) == filepath.Dir(p.path) && namedFor(filepath.Base(p.path), filepath.Base(t.path))
}

// namedFor reports whether a parameters file's name says it belongs to a
// template: X.json with X.parameters.json, X.params.json, X.parameters.*.json
// or X.*.parameters.json, compared case-insensitively.
func namedFor(params, template string) bool {
	params, template = strings.ToLower(params), strings.ToLower(template)
	ext := filepath.Ext(params)
	if ext != ".json" && ext != ".jsonc" {
		return false
	}
	stem := strings.TrimSuffix(template, filepath.Ext(template)) + "."
	rest, ok := strings.CutPrefix(strings.TrimSuffix(params, ext), stem)
	if !ok {
		return false
	}
	parts := strings.Split(rest, ".")
	switch {
	case len(parts) == 1:
		return parts[0] == "parameters" || parts[0] == "params"
	case parts[0] == "parameters", parts[len(parts)-1] == "parameters":
		return !slices.Contains(parts, "")
	}
	return false
}

// templateByContent returns the one template in the parameters file's
// folder that declares every parameter the file sets, or "".
func templateByContent(p file, templates []file) string {
	found := ""
	for _, t := range templates {
		if filepath.Dir(t.path) != filepath.Dir(p.path) || !declaresAll(t.info.Parameters, p.info.Parameters) {
			continue
		}
		if found != "" {
			return "" // ambiguous
		}
		found = t.path
	}
	return found
}

func declaresAll(declared, set []string) bool {
	for _, name := range set {
		if !slices.ContainsFunc(declared, func(d string) bool { return strings.EqualFold(d, name) }) {
			return false
		}
	}
	return true
}
