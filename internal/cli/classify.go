package cli

import (
	"path/filepath"
	"runtime"
	"sync"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/frontends"
)

// A classifier reads and classifies files in parallel, one worker per
// CPU, as they are handed to it: discovery hands it a folder's files as
// soon as its walk leaves the folder, so that reading and linting ahead
// run beside the walk.
type classifier struct {
	ahead *ahead // nil: no linting ahead
	work  chan group
	wg    sync.WaitGroup

	mu    sync.Mutex // guards files and errs, which the caller may grow
	files *[]file
	errs  *[]error // of each file, nil when it was read
}

// A group is files a classifier reads together: the files of a folder, to
// be linted ahead, or one file.
type group struct {
	indexes []int // in the classifier's files
	folder  bool
}

// newClassifier starts classifying the files of *files, with the error of
// each in *errs, as send says which; the caller appends to both, holding
// c.mu once the classifier runs.
func newClassifier(files *[]file, errs *[]error, ahead *ahead) *classifier {
	c := &classifier{ahead: ahead, work: make(chan group), files: files, errs: errs}
	for range runtime.GOMAXPROCS(0) {
		c.wg.Go(func() {
			for g := range c.work {
				if g.folder {
					c.classifyAhead(g.indexes)
				} else {
					c.classifyEach(g.indexes)
				}
			}
		})
	}
	return c
}

// classify reads and classifies files in parallel, keeping only what
// pairing needs, and returns the error of each file it could not read.
func classify(files []file) []error {
	errs := make([]error, len(files))
	c := newClassifier(&files, &errs, nil)
	for i := range files {
		c.send(group{indexes: []int{i}})
	}
	c.wait()
	return errs
}

// send hands the files of g to a worker. A folder of more than
// maxAheadFiles files, or with no linting ahead, is read a file at a time,
// so that it is classified in parallel.
func (c *classifier) send(g group) {
	if g.folder && (c.ahead == nil || len(g.indexes) > maxAheadFiles) {
		for _, i := range g.indexes {
			c.work <- group{indexes: []int{i}}
		}
		return
	}
	c.work <- g
}

// sendFolders hands the files indexes name to workers, those of a folder
// together.
func (c *classifier) sendFolders(indexes []int) {
	c.mu.Lock()
	byDir := map[string]int{} // folder -> index in groups
	var groups []group
	for _, i := range indexes {
		dir := filepath.Dir((*c.files)[i].path)
		g, ok := byDir[dir]
		if !ok {
			g = len(groups)
			byDir[dir] = g
			groups = append(groups, group{folder: true})
		}
		groups[g].indexes = append(groups[g].indexes, i)
	}
	c.mu.Unlock()
	for _, g := range groups {
		c.send(g)
	}
}

// wait waits until every file sent is classified.
func (c *classifier) wait() {
	close(c.work)
	c.wg.Wait()
}

// file returns a copy of the file at index i, and set stores what the
// worker made of it; the caller may be growing the slice meanwhile.
func (c *classifier) file(i int) file {
	c.mu.Lock()
	defer c.mu.Unlock()
	return (*c.files)[i]
}

func (c *classifier) set(i int, info frontend.Info, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	(*c.files)[i].info, (*c.errs)[i] = info, err
}

// classifyEach reads and classifies the files of a group one at a time.
func (c *classifier) classifyEach(indexes []int) {
	for _, i := range indexes {
		f := c.file(i)
		content, err := readFile(f.path)
		c.classifyRead(i, f, content, err)
	}
}

// classifyRead classifies file f at index i from its content, read with
// err.
func (c *classifier) classifyRead(i int, f file, content []byte, err error) {
	var info frontend.Info
	if err == nil {
		info = frontends.For(f.path).Classify(content)
	}
	c.set(i, info, err)
}

// classifyAhead reads the files of a folder's group, classifies them and
// lints their deployments ahead. Files that come to more than
// maxAheadBytes are only classified, each file read once all the same.
func (c *classifier) classifyAhead(indexes []int) {
	folder := make([]file, len(indexes))
	contents := make([][]byte, len(indexes))
	errs := make([]error, len(indexes))
	size := 0
	for k, i := range indexes {
		folder[k] = c.file(i)
		contents[k], errs[k] = readFile(folder[k].path)
		if size += len(contents[k]); size > maxAheadBytes {
			for j := range k + 1 {
				c.classifyRead(indexes[j], folder[j], contents[j], errs[j])
			}
			c.classifyEach(indexes[k+1:])
			return
		}
	}
	read := folder[:0] // the files read, classified, with their contents and parses
	kept := contents[:0]
	var parsed []frontend.File
	for k, i := range indexes {
		f := folder[k]
		if errs[k] == nil {
			parsed = append(parsed, c.ahead.classify(&f, contents[k]))
			read, kept = append(read, f), append(kept, contents[k])
		}
		c.set(i, f.info, errs[k])
	}
	c.ahead.lint(read, kept, parsed)
}
