package cli

import (
	"go/token"
	"slices"
	"sync"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
	"github.com/lhlint/lhlint/internal/lint"
)

// Linting ahead. Discovery reads every file to classify it, and pairing
// needs every file classified, so the jobs would read and parse each file
// a second time. Instead, discovery reads folder by folder and, while a
// folder's files are in memory, parsed to classify them, pairs them as if
// they were all there is and lints those deployments then. Pairing proper
// still runs on every file once discovery is done; a job it gives that
// was linted ahead is not linted again. Nearly every deployment is a
// template and its parameters files in one folder, so nearly every job is
// linted ahead. A job pairing gives otherwise (a parameters file naming a
// template in another folder, a template that onboards only through a
// module) is linted as before, and a job linted ahead that pairing does
// not give is dropped: the outcome is the same either way, since a job's
// outcome depends only on its files and its options.

// Bounds on the folders linted ahead, so that what is kept while a folder
// is linted (its bytes, and the trees parsed from them, several times
// their size) stays small: a larger folder is only classified (file by
// file in parallel, when it has too many files), and its jobs read their
// files again. A folder of onboarding deployments is a few kilobytes a
// deployment.
const (
	maxAheadFiles = 256
	maxAheadBytes = 1 << 20
)

// ahead lints the deployments of each folder discovery reads, and keeps
// their outcomes until run takes them. A nil *ahead lints nothing.
type ahead struct {
	l    *linter
	opts func(j job) (lint.Options, bool) // see lintAhead

	mu   sync.Mutex
	done map[string]lintedAhead // by the job's key: its template, or its one parameters file
}

// lintedAhead is a job linted ahead, with its outcome, nil when it found
// nothing: a repository of 50,000 deployments keeps one of these for each.
type lintedAhead struct {
	job
	outcome *outcome
}

// lintAhead makes l lint ahead, each job with the options opts gives it,
// which are those pairing's jobs get; false when they cannot be had
// (pairing proper then reports why).
func (l *linter) lintAhead(opts func(j job) (lint.Options, bool)) *ahead {
	l.ahead = &ahead{l: l, opts: opts, done: map[string]lintedAhead{}}
	return l.ahead
}

// classify sets what f is, from its content, and returns its parse, or nil
// when its front-end did not parse it.
func (a *ahead) classify(f *file, content []byte) frontend.File {
	parsed, info := parseClassify(a.l.fset, a.l.paths.printed(f.path), frontends.For(f.path), content)
	f.info = info
	return parsed
}

// parseClassify parses and classifies content with fe, when fe does both
// in one go; it only classifies otherwise, or when that panics: the job
// then parses the file again, where a parser's panic is an internal error
// about the file, not the end of the run.
func parseClassify(fset *token.FileSet, name string, fe frontend.FrontEnd, content []byte) (parsed frontend.File, info frontend.Info) {
	pc, ok := fe.(frontend.ParseClassifier)
	if !ok {
		return nil, fe.Classify(content)
	}
	defer func() {
		if recover() != nil {
			parsed, info = nil, fe.Classify(content)
		}
	}()
	return pc.ParseClassify(fset, name, content)
}

// lint pairs the files of a folder, classified, and lints each job whose
// files are all among them, from their contents and parses. It then lets
// go of the parses no job used.
func (a *ahead) lint(folder []file, contents [][]byte, parsed []frontend.File) {
	byPath := make(map[string]int, len(folder))
	for i, f := range folder {
		byPath[f.path] = i
	}
	parse := func(path string) (frontend.File, error) {
		i := byPath[path]
		if p := parsed[i]; p != nil {
			parsed[i] = nil // a load may change its files
			return p, nil
		}
		return frontends.For(path).Parse(a.l.fset, a.l.paths.printed(path), contents[i]), nil
	}
	jobs, _ := pair(folder, nil, nil)
	for _, j := range jobs {
		if !in(byPath, j) {
			continue
		}
		if opts, ok := a.opts(j); ok {
			linted := lintedAhead{job: j}
			if o := a.l.lintJob(j, opts, parse); !o.empty() {
				linted.outcome = &o
			}
			a.mu.Lock()
			a.done[j.key()] = linted // a file is in one job of a folder
			a.mu.Unlock()
		}
	}
	for _, p := range parsed {
		if p != nil {
			a.l.fset.RemoveFile(p.Source().Tok)
		}
	}
}

// take returns and forgets the outcome of job j, if it was linted ahead.
func (a *ahead) take(j job) (outcome, bool) {
	if a == nil {
		return outcome{}, false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	l, ok := a.done[j.key()]
	if !ok || l.template != j.template || !slices.Equal(l.params, j.params) {
		return outcome{}, false
	}
	delete(a.done, j.key())
	if l.outcome == nil {
		return outcome{}, true
	}
	return *l.outcome, true
}

// in reports whether every file of job j is in byPath.
func in(byPath map[string]int, j job) bool {
	if _, ok := byPath[j.template]; j.template != "" && !ok {
		return false
	}
	for _, p := range j.params {
		if _, ok := byPath[p]; !ok {
			return false
		}
	}
	return true
}
