package cli

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"slices"

	"github.com/lhlint/lhlint/internal/report"
)

// summaryHelp is the help of summary, after the synopsis.
const summaryHelp = `
Prints what each deployment under each path (default the current directory)
delegates: the managing tenant, the scope, and each principal with its role.
Files are found, ignored, paired and configured as lint does it.

Flags:
`

// runSummary prints, for each deployment, who gets what where: the
// managing tenant, the scope, and each principal with its role, permanent
// or eligible. A reviewer of a pull request reads a delegation from it
// without reading JSON.
func runSummary(args []string, stdout, stderr io.Writer) int {
	o := &options{}
	fs := newFlagSet("lhlint summary")
	format := fs.String("format", "text", "output `format`: text or markdown")
	addInputFlags(fs, o)
	fs.BoolVar(&o.verbose, "verbose", false, "say on standard error what paired with what, and which files were skipped and why")
	paths, err := parseArgs(fs, args, stdout, summaryHelp)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		return usageError(stderr, err)
	}
	if *format != "text" && *format != "markdown" {
		return usageError(stderr, fmt.Errorf("unknown format %q (want text or markdown)", *format))
	}
	in, err := gather(o, paths, newPaths(), nil)
	if err != nil {
		fmt.Fprintf(stderr, "lhlint: %v\n", err)
		return ExitInput
	}
	if o.verbose {
		in.printNotes(stderr)
	}
	fset := token.NewFileSet()
	errs := in.errs
	s := report.Summary{W: stdout, Markdown: *format == "markdown"}
	for i, j := range in.jobs {
		ds, _, jerrs := loadJob(fset, nil, in.paths, j, reading(fset, in.paths))
		errs = append(errs, jerrs...)
		s.Roles = in.opts[i].Roles
		for _, d := range ds {
			if len(d.Definitions)+len(d.Assignments) > 0 {
				s.Deployment(d)
			}
		}
	}
	slices.Sort(errs)
	for _, e := range slices.Compact(errs) {
		fmt.Fprintf(stderr, "lhlint: %s\n", e)
	}
	if len(errs) > 0 {
		return ExitInput
	}
	return ExitClean
}

// delegationsOf loads the deployments of in again for the delegation summary
// that the markdown format of lint ends with: linting lets each go once it is
// linted, to keep memory flat, and has reported the files it could not read.
func delegationsOf(in *input) []report.Delegation {
	fset := token.NewFileSet()
	var out []report.Delegation
	for i, j := range in.jobs {
		ds, _, _ := loadJob(fset, nil, in.paths, j, reading(fset, in.paths))
		for _, d := range ds {
			if len(d.Definitions)+len(d.Assignments) > 0 {
				out = append(out, report.Delegation{Deployment: d, Roles: in.opts[i].Roles})
			}
		}
	}
	return out
}
