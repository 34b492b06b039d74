package main

import (
	"fmt"
	"os"

	"github.com/lhlint/lhlint/roles/internal/catalogfile"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "gencatalog: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	o, err := catalogfile.ParseFlags(args)
	if err != nil {
		return err
	}
	out, err := catalogfile.Generate(o)
	if err != nil {
		return err
	}
	if o.Output == "" {
		_, err = os.Stdout.Write(out)
		return err
	}
	// Leave an up-to-date file untouched, so go generate does not bump its
	// modification time and rebuild everything that embeds it.
	if old, err := os.ReadFile(o.Output); err == nil && string(old) == string(out) {
		return nil
	}
	return os.WriteFile(o.Output, out, 0o644)
}
