package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/lhlint/lhlint/roles"
)

// loadRoles reads an 'az role definition list' export for --roles;
// printed is its path as messages show it.
func loadRoles(path, printed string) (*roles.Catalog, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", printed, err)
	}
	c, err := roles.ParseAzureCLI(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", printed, err)
	}
	return c, nil
}

// runRoles shows the role catalog with each role's Azure Lighthouse
// eligibility, from the same code the rules use.
func runRoles(args []string, stdout, stderr io.Writer) int {
	usage := fmt.Errorf("usage: lhlint roles [--roles FILE] list | show ROLE | search TEXT")
	fs := flag.NewFlagSet("lhlint roles", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	file := fs.String("roles", "", "an 'az role definition list' export")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		return usageError(stderr, usage)
	}
	args = fs.Args()
	catalog := roles.Builtin()
	if *file != "" {
		c, err := loadRoles(*file, *file)
		if err != nil {
			fmt.Fprintf(stderr, "lhlint: %v\n", err)
			return ExitInput
		}
		catalog = c
	}
	switch verb := args[0]; {
	case verb == "list" && len(args) == 1:
		fmt.Fprintf(stdout, "# %d built-in roles, catalog of %s\n", catalog.Len(), catalog.Date())
		for _, r := range catalog.All() {
			fmt.Fprintln(stdout, roleLine(r))
		}
	case verb == "search" && len(args) == 2:
		for _, r := range catalog.Search(args[1]) {
			fmt.Fprintln(stdout, roleLine(r))
		}
	case verb == "show" && len(args) == 2:
		r, ok := catalog.Lookup(args[1])
		if !ok {
			r, ok = catalog.ByNameFold(args[1])
		}
		if !ok {
			if old, retired := catalog.LookupRetired(args[1]); retired {
				fmt.Fprintf(stdout, "%s  %s\nretired: Azure removed it after %s\n", old.ID, old.Name, old.LastSeen)
				return ExitClean
			}
			fmt.Fprintf(stderr, "lhlint: no built-in role %q in the catalog of %s\n", args[1], catalog.Date())
			return ExitInput
		}
		showRole(stdout, r)
	default:
		return usageError(stderr, usage)
	}
	return ExitClean
}

// roleLine is one role in a list: GUID, verdict and name.
func roleLine(r *roles.Role) string {
	verdict := "delegable"
	if e := r.Eligibility(); !e.Delegable {
		verdict = "not delegable: " + e.Reason
	}
	return fmt.Sprintf("%s  %s  (%s)", r.ID, strings.TrimSpace(r.Name), verdict)
}

func showRole(w io.Writer, r *roles.Role) {
	e := r.Eligibility()
	fmt.Fprintf(w, "%s  %s\n%s\n\n", r.ID, strings.TrimSpace(r.Name), r.Description)
	if e.Delegable {
		fmt.Fprintln(w, "Azure Lighthouse: delegable")
	} else {
		fmt.Fprintf(w, "Azure Lighthouse: not delegable: %s %s\n", strings.TrimSpace(r.Name), e.Reason)
	}
	if keys := r.KeyActions(); len(keys) > 0 {
		fmt.Fprintf(w, "reaches data through keys: %s\n", strings.Join(keys, ", "))
	}
	for _, list := range []struct {
		what    string
		actions []string
	}{{"actions", r.Actions}, {"notActions", r.NotActions}, {"dataActions", r.DataActions}, {"notDataActions", r.NotDataActions}} {
		if len(list.actions) > 0 {
			fmt.Fprintf(w, "%s:\n  %s\n", list.what, strings.Join(list.actions, "\n  "))
		}
	}
}
