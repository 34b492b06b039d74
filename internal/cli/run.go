package cli

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"go/token"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/report"
	"github.com/lhlint/lhlint/internal/source"
	"github.com/lhlint/lhlint/rules"
	"github.com/lhlint/lhlint/schema"
)

// linter lints jobs in parallel and collects their findings.
type linter struct {
	fset  *token.FileSet  // shared by every job; token.FileSet is safe for concurrent use
	cache *frontend.Cache // the files many jobs read besides their own, parsed into fset once
	rules []*lint.Rule
	paths *paths
	// memo remembers schema validations for every job: generated and
	// copied templates share a few structures.
	memo *schema.Memo
	// ahead holds the outcomes of the jobs discovery linted (see lintAhead).
	ahead *ahead

	// sums are the SHA-256 of the text of each file linted, by name, for
	// --fix to tell whether a file changed since; nil when not fixing.
	sums map[string][sha256.Size]byte

	mu       sync.Mutex
	found    []found
	errs     []string // files that could not be read: exit 2
	internal []string // bugs: exit 3
}

// found is a resolved finding with the job that reported it, so that which
// of several equal findings is kept does not depend on how the workers were
// scheduled.
type found struct {
	report.Finding
	job int
}

func newLinter(p *paths) *linter {
	fset := token.NewFileSet()
	return &linter{
		fset:  fset,
		cache: frontend.NewCache(fset),
		rules: rules.All,
		paths: p,
		memo:  schema.NewMemo(),
	}
}

// run lints every job, each with its options, with one worker per CPU and
// returns the findings sorted by path, position, rule and message, each
// reported once. A job that discovery linted ahead (see ahead) is not
// linted again.
func (l *linter) run(jobs []job, opts []lint.Options) []report.Finding {
	work := make(chan int)
	read := reading(l.fset, l.paths)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				o, ok := l.ahead.take(jobs[i])
				if !ok {
					o = l.lintJob(jobs[i], opts[i], read)
				}
				l.add(i, o)
			}
		})
	}
	for i := range jobs {
		work <- i
	}
	close(work)
	wg.Wait()

	slices.SortFunc(l.found, func(a, b found) int {
		return cmp.Or(compareFindings(a.Finding, b.Finding), cmp.Compare(a.job, b.job))
	})
	// The same finding can come from two jobs, as when --parameters gives
	// every template the same parameters file; the user fixes it once.
	var out []report.Finding
	for i, f := range l.found {
		if i > 0 && compareFindings(l.found[i-1].Finding, f.Finding) == 0 {
			continue
		}
		out = append(out, f.Finding)
	}
	l.found = nil
	return out
}

// compareFindings orders findings by path, start, end, rule and message;
// findings that compare equal are one finding.
func compareFindings(a, b report.Finding) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Start.Offset, b.Start.Offset),
		cmp.Compare(a.End.Offset, b.End.Offset),
		cmp.Compare(ruleName(a.Rule), ruleName(b.Rule)),
		cmp.Compare(a.Message, b.Message),
	)
}

func ruleName(r *lint.Rule) string {
	if r == nil {
		return ""
	}
	return r.Name
}

// outcome is what linting one job gave.
type outcome struct {
	findings []report.Finding // resolved
	errs     []string         // files that could not be read
	internal []string         // bugs
	sums     []fileSum        // when fixing
}

// empty reports whether o has nothing to add.
func (o *outcome) empty() bool {
	return len(o.findings)+len(o.errs)+len(o.internal)+len(o.sums) == 0
}

// fileSum is the SHA-256 of the text of a file linted.
type fileSum struct {
	name string
	sum  [sha256.Size]byte
}

// lintJob loads and lints the deployments of one job, its files parsed by
// parse, and resolves their findings while the sources are in memory. Then
// the sources go: memory stays flat however many deployments there are
// (docs/architecture.md, Speed and robustness).
func (l *linter) lintJob(j job, opts lint.Options, parse func(path string) (frontend.File, error)) (o outcome) {
	var files map[*token.File]*source.File
	defer func() {
		for tok := range files {
			if !l.cache.Holds(tok) {
				l.fset.RemoveFile(tok)
			}
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			o.internal = append(o.internal, fmt.Sprintf("linting %s: %v\n%s", l.paths.printed(j.key()), r, debug.Stack()))
		}
	}()
	ds, files, errs := loadJob(l.fset, l.cache, l.paths, j, parse)
	o.errs = errs
	fileOf := func(pos token.Pos) *source.File { return files[l.fset.File(pos)] }
	// One template with N parameters files is N deployments, linted
	// together: a finding in the template is the same in each, and the user
	// fixes it once.
	opts.Validations = l.memo
	findings, err := lint.Run(l.fset, ds, l.rules, opts)
	if err != nil {
		o.internal = append(o.internal, fmt.Sprintf("linting %s: %v", l.paths.printed(j.key()), err))
		return o
	}
	if len(findings) > 0 { // most jobs find nothing: no slice for them
		o.findings = make([]report.Finding, len(findings))
		for i, f := range findings {
			o.findings[i] = report.Resolve(f, fileOf, l.paths.resolve)
		}
	}
	if l.sums != nil {
		for _, f := range files {
			o.sums = append(o.sums, fileSum{f.Name, sha256.Sum256(f.Content)})
		}
	}
	return o
}

// add gathers what linting job index gave.
func (l *linter) add(index int, o outcome) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, f := range o.findings {
		l.found = append(l.found, found{f, index})
	}
	l.errs = append(l.errs, o.errs...)
	l.internal = append(l.internal, o.internal...)
	for _, s := range o.sums {
		l.sums[s.name] = s.sum
	}
}

// deployments loads the deployments of a job: its template with each of its
// parameters files, or with its defaults, or a parameters file on its own.
// parse returns nil for a file it could not read; loaded is given the files
// the loads read besides the job's (a Bicep template's local modules),
// which they keep in cache when it takes them.
func deployments(j job, cache *frontend.Cache, parse func(path string) frontend.File, loaded func([]*source.File)) []*model.Deployment {
	var template frontend.File
	if j.template != "" {
		if template = parse(j.template); template == nil {
			return nil
		}
	}
	var params []frontend.File
	for _, path := range j.params {
		if p := parse(path); p != nil {
			params = append(params, p)
		}
	}
	if len(params) == 0 && (template == nil || len(j.params) > 0) {
		// Nothing to deploy: linting the template with its defaults instead
		// of its unreadable parameters files would report wrong findings.
		return nil
	}
	if len(params) == 0 {
		params = []frontend.File{nil} // the template with its defaults
	}
	fe := frontends.Sharing(j.key(), cache) // the template's, or the parameters file's when alone
	out := make([]*model.Deployment, len(params))
	for i, p := range params {
		out[i] = fe.Load(template, p)
	}
	if template != nil {
		loaded(template.Loaded())
	}
	return out
}
