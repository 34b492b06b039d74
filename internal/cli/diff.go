package cli

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/lhlint/lhlint/internal/diff"
	"github.com/lhlint/lhlint/internal/report"
)

// diffHelp is the help of diff, after the synopsis.
const diffHelp = `
Compares two versions of the same onboarding templates, such as a checkout
of a pull request's base and of its head, and prints what changes in who
can do what, where: the managing tenant, the delegated scope, each
principal's permanent and eligible roles, the roles a User Access
Administrator may assign, the just-in-time policies, then the offer's name
and description. OLD and NEW are two folders or two files; deployments pair
by template and parameters file relative to them, else by the name of their
registration definition. A change that gains privilege is marked as an
elevation. Files are found, ignored, paired and configured as lint does it.
Exit status: 0 no change in access, 1 a change in access (with
--fail-on elevation: a change that gains privilege), 2 usage error or
unreadable input.

Flags:
`

// runDiff prints what changes in who can do what between two versions of
// the same templates: the review a pull request that edits a delegation
// needs, which neither version's findings nor summary gives.
func runDiff(args []string, stdout, stderr io.Writer) int {
	o := &options{}
	fs := newFlagSet("lhlint diff")
	format := fs.String("format", "text", "output `format`: text, markdown or json")
	failOn := fs.String("fail-on", "access", "exit 1 on `what`: access, any change in access, or elevation, only a change that gains privilege")
	addConfigFlags(fs, o)
	paths, err := parseArgs(fs, args, stdout, diffHelp)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		return usageError(stderr, err)
	}
	switch {
	case len(paths) != 2:
		return usageError(stderr, fmt.Errorf("diff takes two paths, OLD and NEW"))
	case !slices.Contains([]string{"text", "markdown", "json"}, *format):
		return usageError(stderr, fmt.Errorf("unknown format %q (want text, markdown or json)", *format))
	case *failOn != "access" && *failOn != "elevation":
		return usageError(stderr, fmt.Errorf("unknown --fail-on %q (want access or elevation)", *failOn))
	}
	fset := token.NewFileSet()
	var sides [2][]diff.Side
	var errs []string
	for i, path := range paths {
		s, serr := diffSide(fset, o, path)
		if serr != nil {
			fmt.Fprintf(stderr, "lhlint: %v\n", serr)
			return ExitInput
		}
		sides[i], errs = s.sides, append(errs, s.errs...)
	}
	slices.Sort(errs)
	for _, e := range slices.Compact(errs) {
		fmt.Fprintf(stderr, "lhlint: %s\n", e)
	}
	if len(errs) > 0 {
		return ExitInput
	}
	r := diff.Compare(sides[0], sides[1])
	if err := report.WriteDiff(stdout, *format, r); err != nil {
		fmt.Fprintf(stderr, "lhlint: %v\n", err)
		return ExitInput
	}
	if r.Verdict.Elevations > 0 || *failOn == "access" && r.Verdict.AccessChanges > 0 {
		return ExitFindings
	}
	return ExitClean
}

// loadedSide is one version's deployments, and the files it could not read.
type loadedSide struct {
	sides []diff.Side
	errs  []string
}

// diffSide loads the deployments under path, one version of the templates,
// each named by its files relative to path (to the folder of path, when
// path is a file), so that the two versions' names compare.
func diffSide(fset *token.FileSet, o *options, path string) (*loadedSide, error) {
	in, err := gather(o, []string{path}, newPaths(), nil)
	if err != nil {
		return nil, err
	}
	base := in.paths.abs(path)
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		base = filepath.Dir(base)
	}
	rel := func(printed string) string {
		if printed == "" {
			return ""
		}
		r, ok := within(base, in.paths.abs(filepath.FromSlash(printed)))
		if !ok {
			return printed
		}
		return filepath.ToSlash(r)
	}
	out := &loadedSide{errs: in.errs}
	for i, j := range in.jobs {
		ds, _, errs := loadJob(fset, nil, in.paths, j, reading(fset, in.paths))
		out.errs = append(out.errs, errs...)
		for _, d := range ds {
			if len(d.Definitions)+len(d.Assignments) == 0 {
				continue
			}
			out.sides = append(out.sides, diff.Side{
				Source:     diff.Source{Template: rel(d.Template), Parameters: rel(d.ParametersFile)},
				Deployment: d,
				Roles:      in.opts[i].Roles,
			})
		}
	}
	return out, nil
}
