package cli

import (
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/report"
	"github.com/lhlint/lhlint/roles"
	"github.com/lhlint/lhlint/rules"
)

const lintHelp = `
Lints the Azure Lighthouse onboarding templates (ARM JSON or JSONC, and
Bicep) under each path, default the current directory, each with its
parameters files (JSON or .bicepparam).
Exit status: 0 no finding at or above --fail-level, 1 findings, 2 usage
error or unreadable input, 3 internal error.

Flags:
`

// options are the lint command's flags.
type options struct {
	format     string
	output     string
	failLevel  lint.Severity // the lowest severity that fails the run
	parameters string
	verbose    bool
	customer   string   // --customer-tenant
	roles      string   // --roles
	principals []string // --principals, each time it is given
	config     string   // --config
	fix, diff  bool     // --fix, --diff
	baseline   string   // --baseline
	// writeBaseline is --write-baseline's file.
	writeBaseline string
	color         string // --color: auto, always or never
}

// failNone is the --fail-level none threshold: above every severity.
const failNone = lint.Error + 1

// parseFlags reads the lint command's flags and paths.
func parseFlags(args []string, stdout io.Writer) (*options, []string, error) {
	o := &options{}
	var failLevel string
	fs := newFlagSet("lhlint")
	fs.StringVar(&o.format, "format", "text", "output `format`: "+strings.Join(report.Formats(), ", "))
	fs.StringVar(&o.output, "o", "", "write the findings to `FILE` instead of standard output")
	fs.StringVar(&failLevel, "fail-level", "warning",
		"exit 1 when a finding is at or above this `level`: error, warning, note or none;\nthe default lets notes, which are advice, pass")
	addInputFlags(fs, o)
	fs.Func("principals", "check principal IDs against `FILE`, a directory export of the managing tenant:\nMicrosoft Graph JSON or 'az ad group|sp|user list' output; give it once per file", func(path string) error {
		o.principals = append(o.principals, path)
		return nil
	})
	fs.StringVar(&o.customer, "customer-tenant", "", "the `GUID` of the customer's tenant, which must not manage itself")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes to the files, then report what is left")
	fs.BoolVar(&o.diff, "diff", false, "with --fix, print the fixes as a unified diff and change no file")
	fs.StringVar(&o.baseline, "baseline", "", "report only the findings that are not in `FILE`, a SARIF log of an earlier run")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "write the findings to `FILE` as a baseline for --baseline, and pass")
	fs.StringVar(&o.color, "color", "auto", "`when` to colour the pretty format: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.BoolVar(&o.verbose, "verbose", false, "say on standard error what paired with what, and which files were skipped and why;\nreport the values lhlint cannot know (unresolved_value)")

	paths, err := parseArgs(fs, args, stdout, lintHelp)
	if err != nil {
		return nil, nil, err
	}
	if !slices.Contains(report.Formats(), o.format) {
		return nil, nil, fmt.Errorf("unknown format %q (want %s)", o.format, strings.Join(report.Formats(), ", "))
	}
	if o.diff && !o.fix {
		return nil, nil, errors.New("--diff needs --fix")
	}
	if !slices.Contains([]string{"auto", "always", "never"}, o.color) {
		return nil, nil, fmt.Errorf("unknown --color %q (want auto, always or never)", o.color)
	}
	if o.customer != "" && !roles.IsGUID(o.customer) {
		return nil, nil, fmt.Errorf("--customer-tenant %q is not a GUID", o.customer)
	}
	level, err := parseFailLevel(failLevel)
	if err != nil {
		return nil, nil, err
	}
	o.failLevel = level
	return o, paths, nil
}

// newFlagSet returns an empty flag set for a command. The flag package
// prints the usage on every parse error; lhlint prints it for -h only, to
// stdout, and reports errors in its own voice.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// addInputFlags defines the flags that say how files are paired and
// configured, which lint and summary share.
func addInputFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.parameters, "parameters", "", "lint every template with this parameters `FILE` and no other")
	addConfigFlags(fs, o)
}

// addConfigFlags defines the flags that say how files are configured,
// which diff shares too.
func addConfigFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.config, "config", "", "read the configuration from `FILE` instead of the .lhlint.json found upward from each linted file")
	fs.StringVar(&o.roles, "roles", "", "use the built-in roles of `FILE`, an 'az role definition list' export, instead of lhlint's dated catalog")
}

// parseArgs parses the flags of fs and returns the paths, default the
// current directory. Flags may follow paths (lhlint . -format json), as
// users type them; "--" ends the flags. -h prints help and the flags to
// stdout and returns flag.ErrHelp.
func parseArgs(fs *flag.FlagSet, args []string, stdout io.Writer, help string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, synopsis(), help)
				fs.SetOutput(stdout)
				fs.PrintDefaults()
			}
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if ended := len(args) - len(rest); ended > 0 && args[ended-1] == "--" {
			paths = append(paths, rest...)
			break
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	return paths, nil
}

func parseFailLevel(level string) (lint.Severity, error) {
	if level == "none" {
		return failNone, nil
	}
	s, err := lint.ParseSeverity(level)
	if err != nil || s == lint.Off {
		return 0, fmt.Errorf("unknown fail level %q (want error, warning, note or none)", level)
	}
	return s, nil
}

func runLint(args []string, stdout, stderr io.Writer) int {
	o, args, err := parseFlags(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		return usageError(stderr, err)
	}
	var known map[string]bool
	if o.baseline != "" {
		if known, err = readBaseline(o.baseline); err != nil {
			fmt.Fprintf(stderr, "lhlint: %v\n", err)
			return ExitInput
		}
	}
	r, err := lintOnce(o, args, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "lhlint: %v\n", err)
		return ExitInput
	}
	fixStatus := ExitClean
	if o.fix {
		var fixed int
		fixed, fixStatus = fixFiles(o, r, stdout, stderr)
		if o.diff {
			return r.exit(stderr, fixStatus)
		}
		if fixed > 0 { // lint again: what is left is what the user must do
			if r, err = lintOnce(o, args, io.Discard); err != nil {
				fmt.Fprintf(stderr, "lhlint: %v\n", err)
				return ExitInput
			}
		}
	}
	if o.writeBaseline != "" {
		if err := writeBaseline(o.writeBaseline, r.findings, stderr); err != nil {
			fmt.Fprintf(stderr, "lhlint: %v\n", err)
			return ExitInput
		}
		return r.exit(stderr, ExitClean)
	}
	if known != nil {
		var matched int
		r.findings, matched = subtractBaseline(r.findings, known)
		fmt.Fprintf(stderr, "lhlint: %d findings matched the baseline %s\n", matched, o.baseline)
	}

	status := ExitClean
	if slices.ContainsFunc(r.findings, func(f report.Finding) bool { return f.Suppressed == nil && f.Severity >= o.failLevel }) {
		status = ExitFindings
	}
	var delegations []report.Delegation
	if o.format == "markdown" {
		delegations = delegationsOf(r.in)
	}
	opts := report.Options{Delegations: delegations, Errors: slices.Concat(r.errs, r.internal), Color: o.colored(stdout)}
	if err := writeFindings(stdout, o, r.findings, opts); err != nil {
		fmt.Fprintf(stderr, "lhlint: %v\n", err)
		status = ExitInput
	}
	return r.exit(stderr, max(status, fixStatus))
}

// linted is what one lint of the paths found.
type linted struct {
	in       *input
	findings []report.Finding // sorted, fingerprints numbered
	sums     map[string][sha256.Size]byte
	errs     []string // files that could not be read, sorted, each once
	internal []string // bugs, sorted
}

// lintOnce finds, pairs and lints the files under args. An error means
// nothing could be linted (see gather).
func lintOnce(o *options, args []string, stderr io.Writer) (*linted, error) {
	p := newPaths()
	l := newLinter(p)
	if o.fix {
		l.sums = map[string][sha256.Size]byte{}
	}
	in, err := gather(o, args, p, l)
	if err != nil {
		return nil, err
	}
	if o.verbose {
		in.printNotes(stderr)
	}
	findings := l.run(in.jobs, in.opts)
	report.NumberFingerprints(findings)
	errs := slices.Concat(in.errs, l.errs)
	slices.Sort(errs)
	slices.Sort(l.internal)
	return &linted{in: in, findings: findings, sums: l.sums, errs: slices.Compact(errs), internal: l.internal}, nil
}

// exit prints the errors of the lint and returns the exit status: status
// when there were none.
func (r *linted) exit(stderr io.Writer, status int) int {
	for _, e := range r.errs {
		fmt.Fprintf(stderr, "lhlint: %s\n", e)
	}
	for _, e := range r.internal {
		fmt.Fprintf(stderr, "lhlint: internal error: %s\n", e)
	}
	switch {
	case len(r.internal) > 0:
		return ExitInternal
	case len(r.errs) > 0:
		return ExitInput
	}
	return status
}

// fixFiles applies the suggested fixes of r's findings to their files, or
// with --diff prints them as a unified diff, and returns how many files it
// changed. A file it cannot fix is reported, and the status is ExitInput.
func fixFiles(o *options, r *linted, stdout, stderr io.Writer) (changed, status int) {
	status = ExitClean
	fixes := 0
	for _, fe := range planFixes(r.findings) {
		old, fixed, err := fe.apply(r.sums[fe.path])
		if err == nil && !o.diff {
			err = writeInPlace(fe.path, fixed)
		}
		if err != nil {
			fmt.Fprintf(stderr, "lhlint: %v\n", err)
			status = ExitInput
			continue
		}
		if o.diff {
			stdout.Write(unifiedDiff(fe.path, old, fixed))
		}
		changed++
		fixes += fe.fixes
	}
	if !o.diff {
		fmt.Fprintf(stderr, "lhlint: fixed %d findings in %d files\n", fixes, changed)
	}
	return changed, status
}

// writeInPlace replaces the content of the file at path, keeping its mode.
func writeInPlace(path string, content []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("fixing %s: %w", path, unwrapPath(err))
	}
	if err := os.WriteFile(path, content, info.Mode().Perm()); err != nil {
		return fmt.Errorf("fixing %s: %w", path, unwrapPath(err))
	}
	return nil
}

// colored reports whether the pretty format colours what it writes to w:
// --color always, or auto on a terminal when NO_COLOR is unset or empty
// (https://no-color.org).
func (o *options) colored(w io.Writer) bool {
	switch o.color {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || o.output != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// writeFindings writes the findings to standard output or to -o's file,
// the only file lhlint writes.
func writeFindings(stdout io.Writer, o *options, findings []report.Finding, opts report.Options) error {
	opts.ToolVersion, opts.Rules = Version(), rules.All
	if o.output == "" {
		if err := report.Write(stdout, o.format, findings, opts); err != nil {
			return fmt.Errorf("writing the findings: %w", err)
		}
		return nil
	}
	f, err := os.Create(o.output)
	if err != nil {
		return fmt.Errorf("writing %s: %w", o.output, unwrapPath(err))
	}
	err = report.Write(f, o.format, findings, opts)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", o.output, unwrapPath(err))
	}
	return nil
}

// forcedParameters reads and classifies the --parameters file. It must be
// a parameters file, or a malformed one (whose syntax errors are then
// reported): pairing a template with anything else would make every
// finding about the wrong values.
func forcedParameters(path string, p *paths) (*file, error) {
	f := newFile(path, named, p)
	content, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", p.printed(path), err)
	}
	f.info = frontends.For(path).Classify(content)
	switch {
	case f.info.Malformed || f.info.Kind == frontend.Parameters:
		return &f, nil
	case f.info.Kind == frontend.Template:
		return nil, fmt.Errorf("--parameters %s: a template, not a parameters file", p.printed(path))
	}
	return nil, fmt.Errorf("--parameters %s: not a parameters file", p.printed(path))
}
