package cli

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// Exit codes. CI systems and pre-commit read only the status, so each kind
// of outcome has its own: a template with findings (1) must not look like a
// run that could not read its input (2) or a bug in lhlint (3).
const (
	ExitClean    = 0 // no finding at or above --fail-level
	ExitFindings = 1 // a finding at or above --fail-level
	ExitInput    = 2 // a usage error, or an input that could not be read
	ExitInternal = 3 // a bug in lhlint: a rule failed or a worker panicked
)

// command is a subcommand: lhlint NAME args...
type command struct {
	name    string
	args    string // the synopsis after the name, for the usage text
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands returns the subcommands besides lint, which runs when the first
// argument names none of them. It is a function, not a package-level table,
// so that there is no mutable global.
func commands() []command {
	return []command{
		{name: "rules", args: "[-format text|markdown] [-o FILE]", summary: "list the rules, or write their documentation", run: runRules},
		{name: "explain", args: "RULE", summary: "print one rule's documentation", run: runExplain},
		{name: "roles", args: "[--roles FILE] list | show ROLE | search TEXT", summary: "the built-in roles and whether Azure Lighthouse accepts each", run: runRoles},
		{name: "summary", args: "[-format text|markdown] [flags] [path ...]", summary: "what each deployment delegates: tenant, scope, principal and role", run: runSummary},
		{name: "diff", args: "[-format text|markdown|json] [--fail-on access|elevation] OLD NEW", summary: "what changes in who gets what where between two versions", run: runDiff},
		{name: "version", summary: "print lhlint's version", run: runVersion},
	}
}

// Main runs lhlint with args (without the program name), writing to stdout
// and stderr, and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		for _, c := range commands() {
			if args[0] == c.name {
				return c.run(args[1:], stdout, stderr)
			}
		}
	}
	return runLint(args, stdout, stderr)
}

// synopsis is the short usage printed after a usage error and at the top of
// -h.
func synopsis() string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: lhlint [flags] [path ...]\n")
	for _, c := range commands() {
		line := "lhlint " + c.name
		if c.args != "" {
			line += " " + c.args
		}
		fmt.Fprintf(&b, "       %s\n", line)
	}
	return b.String()
}

// usageError reports a usage error the way every subcommand does: the
// error, then the short usage, and exit 2.
func usageError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "lhlint: %v\n%sRun 'lhlint -h' for the flags.\n", err, synopsis())
	return ExitInput
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return usageError(stderr, fmt.Errorf("version takes no arguments"))
	}
	fmt.Fprintf(stdout, "lhlint %s\n", Version())
	return ExitClean
}

// Version returns lhlint's module version: the tag `go install
// …@version` built, a pseudo-version for a build in a git checkout, or
// "0.0.0-dev" when the build recorded none, as for a build from a checkout.
func Version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "0.0.0-dev"
}
