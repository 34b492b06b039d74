package cli

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/principals"
	"github.com/lhlint/lhlint/roles"
	"github.com/lhlint/lhlint/rules"
)

// settings find the configuration that applies to each file, the
// .lhlint.json nearest above it or --config, and the lint options it gives
// with the flags, which win. Each file and export is read once. They are
// safe for concurrent use: discovery asks while it lints ahead.
type settings struct {
	mu          sync.Mutex
	o           *options
	p           *paths
	forced      *config            // --config, for every file
	byDir       map[string]*config // the configuration of a folder, nil for none
	opts        map[*config]lint.Options
	catalogs    map[string]*roles.Catalog
	inventories map[string]*principals.Inventory
}

func newSettings(o *options, p *paths) (*settings, error) {
	s := &settings{
		o: o, p: p,
		byDir:       map[string]*config{},
		opts:        map[*config]lint.Options{},
		catalogs:    map[string]*roles.Catalog{},
		inventories: map[string]*principals.Inventory{},
	}
	if o.config != "" {
		cfg, err := loadConfig(o.config, p.printed(o.config))
		if err != nil {
			return nil, err
		}
		s.forced = cfg
	}
	return s, nil
}

// config returns the configuration of file, nil when there is none.
func (s *settings) config(file string) (*config, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.configOf(file)
}

func (s *settings) configOf(file string) (*config, error) {
	if s.forced != nil {
		return s.forced, nil
	}
	dir := filepath.Dir(s.p.abs(file))
	var visited []string
	var found *config
	for {
		if cfg, ok := s.byDir[dir]; ok {
			found = cfg
			break
		}
		visited = append(visited, dir)
		path := filepath.Join(dir, configName)
		if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
			cfg, err := loadConfig(path, s.p.printed(path))
			if err != nil {
				return nil, err
			}
			found = cfg
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	for _, d := range visited {
		s.byDir[d] = found
	}
	return found, nil
}

// options returns the lint options of the files cfg applies to; s.mu is
// held.
func (s *settings) options(cfg *config) (lint.Options, error) {
	if opts, ok := s.opts[cfg]; ok {
		return opts, nil
	}
	opts := lint.Options{
		Roles: roles.Builtin(), CustomerTenant: s.o.customer, Levels: map[string]lint.Severity{},
		// Only SARIF records silenced findings; fingerprints need the
		// findings placed in their deployments.
		KeepSuppressed: s.o.format == "sarif",
		Places:         s.o.format == "sarif" || s.o.baseline != "" || s.o.writeBaseline != "",
	}
	if !s.o.verbose {
		// Unknown values are for a reviewer who asks; a configured level wins.
		opts.Levels[rules.UnresolvedValue.Name] = lint.Off
	}
	rolesFile, principalsFiles := s.o.roles, s.o.principals
	if cfg != nil {
		maps.Copy(opts.Levels, cfg.levels)
		opts.CustomerTenant = cmp.Or(opts.CustomerTenant, cfg.customerTenant)
		opts.Limits = cfg.limits
		rolesFile = cmp.Or(rolesFile, cfg.roles)
		if len(principalsFiles) == 0 {
			principalsFiles = cfg.principals
		}
	}
	if rolesFile != "" {
		catalog, err := s.catalog(rolesFile)
		if err != nil {
			return opts, err
		}
		opts.Roles = catalog
	}
	if len(principalsFiles) > 0 {
		inv, err := s.inventory(principalsFiles)
		if err != nil {
			return opts, err
		}
		opts.Principals = inv
	}
	s.opts[cfg] = opts
	return opts, nil
}

func (s *settings) catalog(path string) (*roles.Catalog, error) {
	if c, ok := s.catalogs[path]; ok {
		return c, nil
	}
	c, err := loadRoles(path, s.p.printed(path))
	if err != nil {
		return nil, err // asked again, it fails again
	}
	s.catalogs[path] = c
	return c, nil
}

// inventory reads the directory exports paths into one inventory.
func (s *settings) inventory(paths []string) (*principals.Inventory, error) {
	key := strings.Join(slices.Sorted(slices.Values(paths)), "\x00")
	if inv, ok := s.inventories[key]; ok {
		return inv, nil
	}
	inv := principals.New()
	for _, path := range paths {
		content, err := readFile(path)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", s.p.printed(path), unwrapPath(err))
		}
		if err := inv.Parse(s.p.printed(path), content); err != nil {
			return nil, err
		}
	}
	s.inventories[key] = inv
	return inv, nil
}

// jobOptions returns the lint options of each job (see jobOption).
func (s *settings) jobOptions(jobs []job) ([]lint.Options, error) {
	out := make([]lint.Options, len(jobs))
	for i, j := range jobs {
		var err error
		if out[i], err = s.jobOption(j); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// jobOption returns the lint options of job j: those of the configuration
// of its template, or of its parameters file when it has no template.
func (s *settings) jobOption(j job) (lint.Options, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cfg, err := s.configOf(j.key())
	if err != nil {
		return lint.Options{}, err
	}
	return s.options(cfg)
}
