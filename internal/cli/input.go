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
// ignores, pairs them, and gives each job its options. An error means
// nothing can be done: a bad --parameters, configuration, roles file or
// directory export.
func gather(o *options, args []string) (*input, error) {
	p := newPaths()
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
	found, err := discover(args, s, forced == nil)
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

// loadJob reads the files of job j, parses them into fset under their
// printed names, and loads its deployments, the files they read besides
// the job's kept in cache (nil: none). It returns the files it and the
// loads added to fset (a Bicep template's local modules among them), which
// the caller removes when done with them unless cache holds them, and a
// message for each file it could not read.
func loadJob(fset *token.FileSet, cache *frontend.Cache, p *paths, j job) ([]*model.Deployment, map[*token.File]*source.File, []string) {
	files := map[*token.File]*source.File{}
	var errs []string
	parse := func(path string) frontend.File {
		content, err := readFile(path)
		if err != nil {
			errs = append(errs, fmt.Sprintf("reading %s: %v", p.printed(path), err))
			return nil
		}
		f := frontends.For(path).Parse(fset, p.printed(path), content)
		src := f.Source()
		files[src.Tok] = src
		return f
	}
	ds := deployments(j, cache, parse, func(read []*source.File) {
		for _, src := range read {
			files[src.Tok] = src
		}
	})
	return ds, files, errs
}
