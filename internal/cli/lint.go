package cli

import (
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
Lints the Azure Lighthouse onboarding templates (ARM JSON and JSONC) under
each path, default the current directory, each with its parameters files.
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
	fs.BoolVar(&o.verbose, "verbose", false, "say on standard error what paired with what, and which files were skipped and why;\nreport the values lhlint cannot know (unresolved_value)")

	paths, err := parseArgs(fs, args, stdout, lintHelp)
	if err != nil {
		return nil, nil, err
	}
	if !slices.Contains(report.Formats(), o.format) {
		return nil, nil, fmt.Errorf("unknown format %q (want %s)", o.format, strings.Join(report.Formats(), ", "))
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
	in, err := gather(o, args)
	if err != nil {
		fmt.Fprintf(stderr, "lhlint: %v\n", err)
		return ExitInput
	}
	if o.verbose {
		in.printNotes(stderr)
	}
	sarif := o.format == "sarif"
	for i := range in.opts {
		// SARIF records silenced findings and every format's fingerprint
		// needs the findings placed.
		in.opts[i].KeepSuppressed = sarif
		in.opts[i].Places = sarif
	}
	l := newLinter(in.paths)
	findings := l.run(in.jobs, in.opts)
	report.NumberFingerprints(findings)

	status := ExitClean
	if slices.ContainsFunc(findings, func(f report.Finding) bool { return f.Suppressed == nil && f.Severity >= o.failLevel }) {
		status = ExitFindings
	}
	var delegations []report.Delegation
	if o.format == "markdown" {
		delegations = delegationsOf(in)
	}
	errs := slices.Concat(in.errs, l.errs)
	slices.Sort(errs)
	errs = slices.Compact(errs)
	slices.Sort(l.internal)
	if err := writeFindings(stdout, o, findings, report.Options{Delegations: delegations, Errors: slices.Concat(errs, l.internal)}); err != nil {
		fmt.Fprintf(stderr, "lhlint: %v\n", err)
		status = ExitInput
	}
	for _, e := range errs {
		fmt.Fprintf(stderr, "lhlint: %s\n", e)
	}
	for _, e := range l.internal {
		fmt.Fprintf(stderr, "lhlint: internal error: %s\n", e)
	}
	switch {
	case len(l.internal) > 0:
		return ExitInternal
	case len(errs) > 0:
		return ExitInput
	}
	return status
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
