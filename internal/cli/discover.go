package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
)

// maxFileSize is the largest file lhlint reads. Onboarding templates are a
// few kilobytes; a larger file in a walk is data, not a template, and
// reading it whole could exhaust memory.
const maxFileSize = 32 << 20

// origin is why a file was read.
type origin uint8

const (
	walked    origin = iota // found by walking a folder named on the command line
	named                   // named on the command line
	companion               // read from disk only to pair a walked or named file
)

// file is a file found on the command line or in a walk, or read to pair
// one, with what its front-end's Classify made of it. Only this is kept
// between discovery and linting, never the content.
type file struct {
	path   string // as given, walked, or joined to a found file's folder; OS-separated
	abs    string // absolute and clean: one file named twice is one file
	origin origin
	info   frontend.Info
}

func newFile(path string, o origin, p *paths) file {
	path = filepath.Clean(path)
	abs := p.abs(path)
	if n := len(abs) - len(path); n > 0 && abs[n-1] == filepath.Separator && abs[n:] == path {
		// A path under the working directory ends its absolute path: one
		// string for both, since discovery keeps both for every file.
		path = abs[n:]
	}
	return file{path: path, abs: abs, origin: o}
}

// found reports whether the user asked for f, by name or by a walk: a
// companion is linted only in a deployment with such a file.
func (f *file) found() bool { return f.origin != companion }

// note is a line of --verbose output about one file.
type note struct {
	path string // the file it is about, as printed; notes are sorted by it
	text string
}

// sortNotes sorts notes by the path they are about, keeping the order of
// the notes about one file.
func sortNotes(notes []note) []note {
	slices.SortStableFunc(notes, func(a, b note) int { return strings.Compare(a.path, b.path) })
	return notes
}

// discovered is what discovery found.
type discovered struct {
	files []file
	notes []note   // files skipped and why, for --verbose
	errs  []string // paths that could not be read: exit 2
}

// discoverer holds the state of one discovery.
type discoverer struct {
	discovered
	s      *settings
	p      *paths
	seen   map[string]bool // every file considered, by abs: found, read to pair, or ignored
	walked map[string]bool // the folders a walk went through, by abs
	// templateDirs are the folders of named templates outside walks, by
	// abs: every file there may be deployed with one.
	templateDirs map[string]bool
	dirs         map[string][]string // the files a front-end reads in a folder, read to pair a named file
}

// discover finds the files under args, drops those the configuration
// ignores, and classifies the rest. A file named on the command line is
// read when a front-end reads its extension; a walk considers the files of
// such an extension, skips hidden folders (.git among them) and
// node_modules, and skips files over maxFileSize. A walk does not follow
// symbolic links, so a link loop cannot make it run forever.
//
// Unless companions is false (--parameters decides every pair), it then
// reads the files pairing needs that the user did not name or walk, as
// companions: the template a parameters file's metadata.template names,
// and for a file named in a folder no walk went through, as much of that
// folder as its pairing depends on, so that it pairs exactly as it would in
// a walk of its folder. Given ahead, it lints ahead the deployments of
// the files it found, folder by folder (see lintAhead). The error is a
// configuration that cannot be read: nothing can be linted.
func discover(args []string, s *settings, companions bool, ahead *ahead) (discovered, error) {
	d := &discoverer{s: s, p: s.p, seen: map[string]bool{}, walked: map[string]bool{}, templateDirs: map[string]bool{}, dirs: map[string][]string{}}
	fd := &finder{d: d, index: map[string]int{}}
	fd.c = newClassifier(&fd.files, &fd.errs, ahead)
	var byName []int // the files found by name: they are classified once every walk is done
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			d.errs = append(d.errs, fmt.Sprintf("reading %s: %v", d.p.printed(arg), unwrapPath(err)))
			continue
		}
		if !info.IsDir() {
			switch {
			case !info.Mode().IsRegular():
				d.errs = append(d.errs, fmt.Sprintf("reading %s: not a regular file", d.p.printed(arg)))
			case !frontends.Reads(arg):
				d.notes = append(d.notes, note{d.p.printed(arg), fmt.Sprintf("skipped %s: not a %s file", d.p.printed(arg), extensionList())})
			default:
				if i, ok := fd.add(newFile(arg, named, d.p)); ok {
					byName = append(byName, i)
				}
			}
		} else {
			d.walk(arg, fd)
		}
		if fd.err != nil {
			break
		}
	}
	fd.c.sendFolders(byName)
	fd.c.wait()
	if fd.err != nil {
		return discovered{}, fd.err
	}
	d.keep(fd.files, fd.errs)
	if err := d.deployers(); err != nil {
		return discovered{}, err
	}
	if companions {
		if err := d.companions(); err != nil {
			return discovered{}, err
		}
	}
	d.throughModules()
	d.compiledWithoutGenerator()
	return d.discovered, nil
}

// Bounds on following modules in discovery: the Bicep loader's bound on
// nesting, and on the module files one discovery reads.
const (
	maxModuleDepth = 32
	maxModuleReads = 10000
)

// throughModules makes onboarding templates of the templates that reach a
// Microsoft.ManagedServices resource only through their local modules,
// reading each module once, as deep as maxModuleDepth. The Infos are
// looked up by path only once a template needs it: in most repositories
// every template with modules declares the resources itself.
func (d *discoverer) throughModules() {
	var known map[string]*frontend.Info // by abs: the files found and the modules read
	lookup := func(abs string) (*frontend.Info, bool) {
		if known == nil {
			known = make(map[string]*frontend.Info, len(d.files))
			for i := range d.files {
				known[d.files[i].abs] = &d.files[i].info
			}
		}
		info, ok := known[abs]
		return info, ok
	}
	reaches := map[string]bool{} // by abs; false while it is being followed
	reads := 0
	var follow func(abs string, info frontend.Info, depth int) bool
	follow = func(abs string, info frontend.Info, depth int) bool {
		if info.Onboarding {
			return true
		}
		if r, ok := reaches[abs]; ok || depth >= maxModuleDepth {
			return r
		}
		reaches[abs] = false
		for _, rel := range info.Modules {
			m := filepath.Join(filepath.Dir(abs), filepath.FromSlash(rel))
			mi, ok := lookup(m)
			if !ok {
				mi = &frontend.Info{}
				if reads < maxModuleReads {
					reads++
					if content, err := readFile(m); err == nil {
						*mi = frontends.For(m).Classify(content)
					}
					known[m] = mi
				}
			}
			if mi.Kind == frontend.Template && follow(m, *mi, depth+1) {
				reaches[abs] = true
				return true
			}
		}
		return false
	}
	// The templates are marked once all are followed, so that following
	// sees each file as Classify saw it.
	var reached []int
	for i, f := range d.files {
		if f.info.Kind == frontend.Template && len(f.info.Modules) > 0 && follow(f.abs, f.info, 0) {
			reached = append(reached, i)
		}
	}
	for _, i := range reached {
		d.files[i].info.Onboarding = true
	}
}

// walk walks the folder root, adding to fd each file a front-end reads,
// and hands fd's classifier the files of each folder once the walk has
// left it. It stops at a configuration that cannot be read (fd.err).
func (d *discoverer) walk(root string, fd *finder) {
	start := root
	if info, err := os.Lstat(root); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// A link named on the command line is followed: WalkDir would see
		// only the link. A trailing separator makes it read the folder.
		start = root + string(filepath.Separator)
	}
	// The folders the walk is in, the innermost last, with the files found
	// there so far. WalkDir lists a folder's files and subfolders in one
	// order, so a folder is done only when the walk comes to a path outside
	// it.
	type folder struct {
		path  string // clean
		files []int  // in fd.files
	}
	var open []folder
	leave := func(dir string) { // all the folders inside dir
		for len(open) > 0 && open[len(open)-1].path != dir {
			if files := open[len(open)-1].files; len(files) > 0 {
				fd.c.send(group{indexes: files, folder: true})
			}
			open = open[:len(open)-1]
		}
	}
	err := filepath.WalkDir(start, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			d.errs = append(d.errs, fmt.Sprintf("reading %s: %v", d.p.printed(path), unwrapPath(err)))
			return nil
		}
		if path != start {
			leave(filepath.Dir(path))
		}
		name := e.Name()
		if e.IsDir() {
			if path != start && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			d.walked[d.p.abs(path)] = true
			open = append(open, folder{path: filepath.Clean(path)})
			return nil
		}
		if !e.Type().IsRegular() || !frontends.Reads(name) {
			return nil
		}
		i, ok := fd.add(newFile(path, walked, d.p)) // its size is checked when it is read
		switch {
		case fd.err != nil:
			return filepath.SkipAll
		case ok && len(open) > 0:
			open[len(open)-1].files = append(open[len(open)-1].files, i)
		}
		return nil
	})
	leave("")
	if err != nil {
		d.errs = append(d.errs, fmt.Sprintf("reading %s: %v", d.p.printed(root), unwrapPath(err)))
	}
}

// extensionList names the extensions the front-ends read, for a message:
// ".json or .jsonc".
func extensionList() string {
	exts := frontends.Extensions()
	last := len(exts) - 1
	if last == 0 {
		return exts[0]
	}
	return strings.Join(exts[:last], ", ") + " or " + exts[last]
}

// unignored returns the files no configuration ignores, and marks every
// file seen. A named file that is ignored gets a --verbose note: the user
// asked for it.
func (d *discoverer) unignored(files []file) ([]file, error) {
	kept := files[:0] // in place
	for _, f := range files {
		d.seen[f.abs] = true
		ignored, err := d.ignored(f)
		if err != nil {
			return nil, err
		}
		if !ignored {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// ignored reports whether a configuration ignores f, noting it for
// --verbose when f was named: the user asked for it.
func (d *discoverer) ignored(f file) (bool, error) {
	cfg, err := d.s.config(f.abs)
	if err != nil || !cfg.ignored(f.abs) {
		return false, err
	}
	if f.origin == named {
		d.notes = append(d.notes, note{d.p.printed(f.path), fmt.Sprintf("skipped %s: ignored by %s", d.p.printed(f.path), cfg.printed)})
	}
	return true, nil
}

// A finder collects the files discovery finds by name and by walking,
// each once, in the order found, leaving out those a configuration
// ignores, and has its classifier classify them.
type finder struct {
	d     *discoverer
	files []file
	errs  []error // of each file, once classified: nil when it was read
	c     *classifier
	err   error // a configuration that cannot be read: nothing can be linted

	// For a file found again by name, rare, and made when first needed:
	// discovery's records live while the jobs run, so no map of every
	// file is kept besides d.seen.
	index map[string]int  // abs -> index in files
	noted map[string]bool // the ignored files whose --verbose note is made
}

// add adds f, unless it was found before or a configuration ignores it,
// and marks it seen. It returns its index in fd.files and true when it
// added it; a file found again by name is found by name. After an error
// (fd.err) it adds nothing.
func (fd *finder) add(f file) (int, bool) {
	if fd.err != nil {
		return 0, false
	}
	if fd.d.seen[f.abs] {
		if f.origin == named {
			fd.named(f)
		}
		return 0, false
	}
	fd.d.seen[f.abs] = true
	ignored, err := fd.d.ignored(f)
	switch {
	case err != nil:
		fd.err = err
		return 0, false
	case ignored:
		if f.origin == named {
			fd.note(f.abs)
		}
		return 0, false
	}
	fd.c.mu.Lock()
	defer fd.c.mu.Unlock()
	i := len(fd.files)
	fd.files, fd.errs = append(fd.files, f), append(fd.errs, nil)
	if fd.index != nil {
		fd.index[f.abs] = i
	}
	return i, true
}

// named makes f, found before, found by name: the user asked for it. An
// ignored file gets its --verbose note, once.
func (fd *finder) named(f file) {
	fd.c.mu.Lock()
	defer fd.c.mu.Unlock()
	if fd.index == nil {
		fd.index = make(map[string]int, len(fd.files))
		for i, f := range fd.files {
			fd.index[f.abs] = i
		}
	}
	if i, ok := fd.index[f.abs]; ok {
		fd.files[i].origin = named
	} else if !fd.noted[f.abs] {
		fd.d.ignored(f) // its note
		fd.note(f.abs)
	}
}

func (fd *finder) note(abs string) {
	if fd.noted == nil {
		fd.noted = map[string]bool{}
	}
	fd.noted[abs] = true
}

// keep adds the classified files to the discovered ones, dropping those
// that could not be read: a found file with an error or a note, a
// companion silently, as a file that is not there. It returns the files
// kept, filtered in place: the caller is done with files.
func (d *discoverer) keep(files []file, errs []error) []file {
	kept := files[:0] // a walk of a large repository finds a great many
	for i, f := range files {
		switch {
		case errs[i] == nil:
			kept = append(kept, f)
		case !f.found():
		case errors.Is(errs[i], errTooLarge) && f.origin == walked:
			d.notes = append(d.notes, note{d.p.printed(f.path), fmt.Sprintf("skipped %s: larger than %d MiB", d.p.printed(f.path), maxFileSize>>20)})
		default:
			d.errs = append(d.errs, fmt.Sprintf("reading %s: %v", d.p.printed(f.path), errs[i]))
		}
	}
	if len(d.files) == 0 {
		d.files = kept
	} else {
		d.files = append(d.files, kept...)
	}
	return kept
}

// companions reads, round after round, the files pairing needs that were
// not found, until what was read asks for nothing more.
func (d *discoverer) companions() error {
	for {
		var more []file
		for _, path := range d.wanted() {
			if f := newFile(path, companion, d.p); !d.seen[f.abs] {
				more = append(more, f)
				d.seen[f.abs] = true
			}
		}
		if len(more) == 0 {
			return nil
		}
		more, err := d.unignored(more)
		if err != nil {
			return err
		}
		d.keep(more, classify(more))
	}
}

// wanted returns the files, not seen yet, that pairing the files read so
// far needs: each parameters file's metadata.template, and for a file
// named in a folder no walk went through, as much of its folder as its
// pairing depends on.
func (d *discoverer) wanted() []string {
	var want []string
	var idx *templateIndex // of the valid templates read so far, built when needed
	for i := range d.files {
		f := &d.files[i]
		// A companion's template matters only when the companion may be
		// deployed: beside a named template.
		ref, hasRef := templateRef(f, filepath.Dir(f.path))
		if hasRef && !d.seen[d.p.abs(ref)] && (f.found() || d.templateDirs[filepath.Dir(f.abs)]) {
			want = append(want, ref)
			continue // the template it names decides what else it needs
		}
		if f.origin != named || d.walked[filepath.Dir(f.abs)] {
			continue
		}
		switch {
		case f.info.Malformed || f.info.Kind == frontend.Template:
			// Any file beside it may be a parameters file of its.
			d.templateDirs[filepath.Dir(f.abs)] = true
			want = append(want, d.siblings(f, nil)...)
		case f.info.Kind == frontend.Parameters:
			if idx == nil {
				idx = d.validTemplates()
			}
			want = append(want, d.paramsNeed(f, idx)...)
		}
	}
	return want
}

// paramsNeed returns the files beside parameters file f, not seen yet,
// that its pairing depends on, following pair's order: none when its
// metadata.template names a template; else the templates its name may be
// derived from; else, when none of them is one, every file of the folder,
// since pairing by content compares it with every template there.
func (d *discoverer) paramsNeed(f *file, idx *templateIndex) []string {
	if idx.byReference(f) != nil {
		return nil
	}
	if names := d.siblings(f, func(name string) bool { return isNameFor(filepath.Base(f.path), name) }); len(names) > 0 {
		return names
	}
	if idx.byName(f) != nil {
		return nil
	}
	return d.siblings(f, nil)
}

// validTemplates indexes the valid templates read so far. A malformed file
// that pairing makes a template is left out: without it, discovery may
// read more than pairing uses, never less.
func (d *discoverer) validTemplates() *templateIndex {
	idx := newTemplateIndex()
	for i := range d.files {
		if t := &d.files[i]; t.info.Kind == frontend.Template && !t.info.Malformed {
			idx.add(t)
		}
	}
	return idx
}

// siblings returns the paths of the files a front-end reads beside f, not
// seen yet, whose names keep says to (all of them when keep is nil),
// listing the folder once.
func (d *discoverer) siblings(f *file, keep func(name string) bool) []string {
	dir := filepath.Dir(f.path)
	names, ok := d.dirs[dir]
	if !ok {
		entries, _ := os.ReadDir(dir) // an unreadable folder has nothing to pair with
		for _, e := range entries {
			if e.Type().IsRegular() && frontends.Reads(e.Name()) {
				names = append(names, e.Name())
			}
		}
		d.dirs[dir] = names
	}
	var out []string
	for _, name := range names {
		path := filepath.Join(dir, name)
		if (keep == nil || keep(name)) && !d.seen[d.p.abs(path)] {
			out = append(out, path)
		}
	}
	return out
}

// templateRef returns the path of the template a parameters file names
// (its metadata.template, or its using line), relative to the parameters
// file's folder dir (PSRule's convention), and false when it names none.
func templateRef(f *file, dir string) (string, bool) {
	ref := f.info.TemplateRef
	if f.info.Kind != frontend.Parameters || ref == "" {
		return "", false
	}
	// Written on Windows, the reference may use backslashes.
	ref = filepath.FromSlash(strings.ReplaceAll(ref, `\`, "/"))
	if !frontends.Reads(ref) || strings.Contains(ref, "://") {
		return "", false
	}
	if filepath.IsAbs(ref) {
		return filepath.Clean(ref), true
	}
	return filepath.Join(dir, ref), true // Join cleans
}

// errTooLarge is readFile's error for a file over maxFileSize.
var errTooLarge = fmt.Errorf("larger than the %d MiB lhlint reads", maxFileSize>>20)

// unwrapPath drops the operation and path from an *fs.PathError: lhlint's
// messages name the path themselves, as the user wrote it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
