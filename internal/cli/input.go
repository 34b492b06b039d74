package cli

import (
	"fmt"
	"go/token"
	"io"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// input is what lint and summary work on: the jobs the paths on the
// command line give, each with the lint options of its configuration. Both
// commands get it from gather, so that they find, ignore, pair and
// configure files alike.
type input struct {
	paths *paths
	jobs  []job
	opts  []lint.Options // of each job
	notes []note         // for --verbose, sorted by path
	errs  []string       // files that could not be read: exit 2 after the rest
}

// gather discovers the files under args, drops those the configuration
// ignores, pairs them, and gives each job its options, printing paths with
// p. Given a linter, it lints ahead as discovery reads (see lintAhead). An
// error means nothing can be done: a bad --parameters, configuration,
// roles file or directory export.
func gather(o *options, args []string, p *paths, l *linter) (*input, error) {
	var forced *file
	if o.parameters != "" {
		f, err := forcedParameters(o.parameters, p)
		if err != nil {
			return nil, err
		}
		forced = f
	}
	s, err := newSettings(o, p)
	if err != nil {
		return nil, err
	}
	var ahead *ahead
	if l != nil && forced == nil { // --parameters pairs every template with one file
		ahead = l.lintAhead(func(j job) (lint.Options, bool) {
			opts, err := s.jobOption(j)
			return opts, err == nil
		})
	}
	found, err := discover(args, s, forced == nil, ahead)
	if err != nil {
		return nil, err
	}
	show := p.printed
	if !o.verbose {
		show = nil // no notes
	}
	files := found.files
	found.files = nil // pair works on a copy: the found files need not stay beside it
	jobs, notes := pair(files, forced, show)
	opts, err := s.jobOptions(jobs)
	if err != nil {
		return nil, err
	}
	return &input{paths: p, jobs: jobs, opts: opts, notes: sortNotes(append(notes, found.notes...)), errs: found.errs}, nil
}

// printNotes writes the --verbose notes.
func (in *input) printNotes(stderr io.Writer) {
	for _, n := range in.notes {
		fmt.Fprintf(stderr, "lhlint: %s\n", n.text)
	}
}

// loadJob parses the files of job j with parse, and loads its
// deployments, the files they read besides the job's kept in cache (nil:
// none). It returns the files the parses and the loads added to fset (a
// Bicep template's local modules among them), which the caller removes
// when done with them unless cache holds them, and a message for each file
// that could not be read.
func loadJob(fset *token.FileSet, cache *frontend.Cache, p *paths, j job, parse func(path string) (frontend.File, error)) ([]*model.Deployment, map[*token.File]*source.File, []string) {
	files := map[*token.File]*source.File{}
	var errs []string
	ds := deployments(j, cache, func(path string) frontend.File {
		f, err := parse(path)
		if err != nil {
			errs = append(errs, fmt.Sprintf("reading %s: %v", p.printed(path), err))
			return nil
		}
		src := f.Source()
		files[src.Tok] = src
		return f
	}, func(read []*source.File) {
		for _, src := range read {
			files[src.Tok] = src
		}
	})
	return ds, files, errs
}

// reading returns a parse for loadJob that reads each file and parses it
// into fset under its printed name.
func reading(fset *token.FileSet, p *paths) func(path string) (frontend.File, error) {
	return func(path string) (frontend.File, error) {
		content, err := readFile(path)
		if err != nil {
			return nil, err
		}
		return frontends.For(path).Parse(fset, p.printed(path), content), nil
	}
}
