package cli

import (
	"cmp"
	"fmt"
	"go/token"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/lhlint/lhlint/internal/arm"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/report"
	"github.com/lhlint/lhlint/internal/source"
	"github.com/lhlint/lhlint/roles"
	"github.com/lhlint/lhlint/rules"
)

// linter runs jobs in parallel and collects their findings.
type linter struct {
	fset  *token.FileSet
	opts  lint.Options
	paths *paths

	mu       sync.Mutex
	findings []report.Finding
	seen     map[findingKey]bool
	errs     []error // unreadable files: exit 2
	internal []error // bugs: exit 3
}

// findingKey identifies a finding at one place: the same finding from
// several deployments of one template is reported once.
type findingKey struct {
	rule, path, message string
	start, end          int
}

func newLinter(p *paths) *linter {
	return &linter{
		fset:  token.NewFileSet(),
		opts:  lint.Options{Roles: roles.Builtin()},
		paths: p,
		seen:  map[findingKey]bool{},
	}
}

// run lints every job with one worker per CPU.
func (l *linter) run(jobs []job) {
	work := make(chan job)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range work {
				l.lintJob(j)
			}
		})
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	slices.SortFunc(l.findings, compareFindings)
}

// lintJob loads and lints the deployments of one job while their sources
// are in memory, then lets the sources go.
func (l *linter) lintJob(j job) {
	defer func() {
		if r := recover(); r != nil {
			l.fail(&l.internal, fmt.Errorf("internal error: %v\n%s", r, debug.Stack()))
		}
	}()
	files := map[*token.File]*source.File{}
	parse := func(path string) *arm.File {
		content, err := readFile(path)
		if err != nil {
			l.fail(&l.errs, fmt.Errorf("reading %s: %w", l.paths.printed(path), err))
			return nil
		}
		f := arm.Parse(l.fset, l.paths.printed(path), content)
		files[f.Tok] = f.File
		return f
	}
	var template *arm.File
	var params []*arm.File
	switch {
	case j.alone != "":
		p := parse(j.alone)
		if p == nil {
			return
		}
		params = []*arm.File{p}
	default:
		if template = parse(j.template); template == nil {
			return
		}
		for _, path := range j.params {
			if p := parse(path); p != nil {
				params = append(params, p)
			}
		}
		if len(params) == 0 {
			params = []*arm.File{nil} // the template's defaults
		}
	}
	fileOf := func(pos token.Pos) *source.File { return files[l.fset.File(pos)] }
	for _, p := range params {
		d := arm.Load(template, p)
		found, err := lint.Run(l.fset, d, rules.All, l.opts)
		if err != nil {
			l.fail(&l.internal, fmt.Errorf("internal error: %s: %w", d.Template, err))
			return
		}
		l.mu.Lock()
		for _, f := range found {
			r := report.Resolve(f, fileOf, l.paths.resolve)
			key := findingKey{r.Rule.Name, r.Path, r.Message, r.Start.Offset, r.End.Offset}
			if !l.seen[key] {
				l.seen[key] = true
				l.findings = append(l.findings, r)
			}
		}
		l.mu.Unlock()
	}
}

func (l *linter) fail(list *[]error, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	*list = append(*list, err)
}

func compareFindings(a, b report.Finding) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Start.Offset, b.Start.Offset),
		cmp.Compare(a.Rule.Name, b.Rule.Name),
		cmp.Compare(a.Message, b.Message),
	)
}
