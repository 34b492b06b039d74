package frontend

import (
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
	files map[string]File // by path
	toks  map[*token.File]bool
	size  int
}

// NewCache returns an empty cache of files parsed into fset.
func NewCache(fset *token.FileSet) *Cache {
	return &Cache{fset: fset, files: map[string]File{}, toks: map[*token.File]bool{}}
}

// File returns the file at path parsed into fset: the one the cache
// holds, which an earlier load of the run read and parsed, or else the one
// parse makes of what read reads, which the cache keeps when it has room.
// A run reads such a file once, so every deployment of the run sees the
// same text. shared reports whether the cache holds the file returned; err
// is read's.
func (c *Cache) File(fset *token.FileSet, path string, read func() ([]byte, error), parse func(content []byte) File) (f File, shared bool, err error) {
	if c != nil && fset == c.fset {
		c.mu.Lock()
		e, ok := c.files[path]
		c.mu.Unlock()
		if ok {
			return e, true, nil
		}
	}
	content, err := read()
	if err != nil {
		return nil, false, err
	}
	f = parse(content) // outside the lock: other loads go on
	if c == nil || fset != c.fset {
		return f, false, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.files[path]; ok || c.size+len(content) > maxCached {
		// Another load parsed it meanwhile, or there is no room: this
		// copy goes with the job.
		return f, false, nil
	}
	c.size += len(content)
	c.files[path] = f
	c.toks[f.Source().Tok] = true
	return f, true, nil
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
