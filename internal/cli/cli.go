package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/arm"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/report"
	"github.com/lhlint/lhlint/rules"
)

// Exit codes.
const (
	ExitClean    = 0 // no finding at or above the fail level
	ExitFindings = 1 // findings at or above the fail level
	ExitInput    = 2 // a usage error or unreadable input
	ExitInternal = 3 // a bug in lhlint
)

const usage = `usage: lhlint [flags] [path ...]
       lhlint version

Lints Azure Lighthouse onboarding templates (ARM JSON) and their parameters
files under each path (default: the current directory).

Flags:
`

// Main runs lhlint with args (without the program name) and returns the
// exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "version" {
		if len(args) > 1 {
			fmt.Fprintln(stderr, "lhlint: version takes no arguments")
			return ExitInput
		}
		fmt.Fprintf(stdout, "lhlint %s\n", Version())
		return ExitClean
	}
	return runLint(args, stdout, stderr)
}

// Version returns lhlint's module version, "dev" for a build from a checkout.
func Version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

type options struct {
	format     string
	output     string
	failLevel  string
	parameters string
	verbose    bool
}

// parseFlags reads the flags; -h prints the usage to stdout.
func parseFlags(args []string, stdout io.Writer) (*options, []string, error) {
	var o options
	fs := flag.NewFlagSet("lhlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fs.SetOutput(stdout)
		fmt.Fprint(stdout, usage)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fs.StringVar(&o.output, "o", "", "write the findings to `FILE` instead of standard output")
	fs.StringVar(&o.failLevel, "fail-level", "warning", "exit 1 when a finding is at or above this `level`: error, warning, note or none")
	fs.StringVar(&o.parameters, "parameters", "", "lint every template with this parameters `FILE`")
	fs.BoolVar(&o.verbose, "verbose", false, "say on standard error what paired with what and which files were skipped")
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	if !slices.Contains(report.Formats(), o.format) {
		return nil, nil, fmt.Errorf("unknown format %q (want %s)", o.format, strings.Join(report.Formats(), ", "))
	}
	if _, err := failThreshold(o.failLevel); err != nil {
		return nil, nil, err
	}
	if o.parameters != "" {
		o.parameters = filepath.Clean(o.parameters)
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	return &o, paths, nil
}

// failThreshold returns the lowest severity that fails the run; none
// fails on nothing.
func failThreshold(level string) (lint.Severity, error) {
	if level == "none" {
		return lint.Error + 1, nil
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
		fmt.Fprintf(stderr, "lhlint: %v\nRun 'lhlint -h' for usage.\n", err)
		return ExitInput
	}
	p := newPaths()
	found := discover(args, p)
	if o.parameters != "" {
		found.files = append(found.files, forcedParameters(o.parameters, p, &found))
	}
	jobs, pairings := pair(found.files, o.parameters)
	if o.verbose {
		for _, s := range found.skipped {
			fmt.Fprintf(stderr, "lhlint: skipped %s\n", s)
		}
		for _, pr := range pairings {
			fmt.Fprintf(stderr, "lhlint: %s pairs with %s %s\n", p.printed(pr.params), p.printed(pr.template), pr.how)
		}
		for _, j := range jobs {
			switch {
			case j.alone != "":
				fmt.Fprintf(stderr, "lhlint: %s pairs with no template; its values are checked on their own\n", p.printed(j.alone))
			case j.template != "" && len(j.params) == 0:
				fmt.Fprintf(stderr, "lhlint: %s has no parameters file; it is linted with its defaults\n", p.printed(j.template))
			}
		}
	}
	l := newLinter(p)
	l.run(jobs)

	out := stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			fmt.Fprintf(stderr, "lhlint: %v\n", err)
			return ExitInput
		}
		defer f.Close()
		out = f
	}
	if err := report.Write(out, o.format, l.findings, report.Options{ToolVersion: Version(), Rules: rules.All}); err != nil {
		fmt.Fprintf(stderr, "lhlint: writing the findings: %v\n", err)
		return ExitInput
	}
	for _, err := range slices.Concat(found.errs, l.errs, l.internal) {
		fmt.Fprintf(stderr, "lhlint: %v\n", err)
	}
	threshold, _ := failThreshold(o.failLevel)
	switch {
	case len(l.internal) > 0:
		return ExitInternal
	case len(found.errs)+len(l.errs) > 0:
		return ExitInput
	case slices.ContainsFunc(l.findings, func(f report.Finding) bool { return f.Severity >= threshold }):
		return ExitFindings
	}
	return ExitClean
}

// forcedParameters classifies the file given with --parameters.
func forcedParameters(path string, p *paths, d *discovered) file {
	f := file{path: path, explicit: true}
	content, err := readFile(path)
	if err != nil {
		d.errs = append(d.errs, fmt.Errorf("reading %s: %w", p.printed(path), err))
		return f
	}
	f.info = arm.Classify(content)
	return f
}
