package frontend

import (
	"bytes"
	"go/token"
	"sync"
)

// maxCached bounds the text a Cache keeps parsed: a parsed file takes
// several times its size in memory, and a module that a thousand
// deployments share is rarely large.
const maxCached = 1 << 20

// Cache keeps the files that the loads of one run read besides their own,
// such as a Bicep module that many templates deploy, so that each is
// parsed once for the run instead of once per deployment. Its files stay
// in the run's FileSet until the run ends, so positions in them hold in
// every deployment's findings; the caller that removes a job's files from
// the FileSet keeps those the cache Holds. A cached file is shared by
// goroutines: a front-end never changes a file it parsed, and its
// source.File is safe for concurrent use. Once the cache holds maxCached
// bytes of text it takes no more, and the files it does not take are
// parsed for each load as before. A Cache is safe for concurrent use; the
// nil Cache keeps nothing.
type Cache struct {
	fset *token.FileSet

	mu    sync.Mutex
	files map[string]cached // by path
	toks  map[*token.File]bool
	size  int
}

type cached struct {
	content []byte // as read, to tell a file that changed during the run
	file    File
}

// NewCache returns an empty cache of files parsed into fset.
func NewCache(fset *token.FileSet) *Cache {
	return &Cache{fset: fset, files: map[string]cached{}, toks: map[*token.File]bool{}}
}

// File returns the file at path, read as content, parsed by parse into
// fset: the file the cache holds for that path and content, or else
// parse's, which the cache keeps when it has room. shared reports whether
// the cache holds the file returned. The cache keeps content: the caller
// does not change it afterwards.
func (c *Cache) File(fset *token.FileSet, path string, content []byte, parse func() File) (f File, shared bool) {
	if c == nil || fset != c.fset {
		return parse(), false
	}
	c.mu.Lock()
	e, ok := c.files[path]
	c.mu.Unlock()
	if ok && bytes.Equal(e.content, content) {
		return e.file, true
	}
	f = parse() // outside the lock: other loads go on
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.files[path]; ok || c.size+len(content) > maxCached {
		// Another load parsed it meanwhile, or it changed during the run,
		// or there is no room: this copy goes with the job.
		return f, false
	}
	c.size += len(content)
	c.files[path] = cached{content: content, file: f}
	c.toks[f.Source().Tok] = true
	return f, true
}

// Holds reports whether tok is the token.File of a file the cache keeps.
func (c *Cache) Holds(tok *token.File) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.toks[tok]
}
