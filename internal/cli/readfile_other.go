//go:build !unix

package cli

import (
	"errors"
	"io"
	"os"
)

// readFile reads a regular file of at most maxFileSize bytes.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	switch {
	case info.IsDir():
		return nil, errors.New("is a directory")
	case !info.Mode().IsRegular():
		return nil, errors.New("not a regular file")
	case info.Size() > maxFileSize:
		return nil, errTooLarge
	}
	// One read of the size Stat gave, and one to see the end: reading
	// 20,000 files costs system calls, not copying. The file may grow
	// after Stat; the limit still holds.
	content := make([]byte, 0, info.Size()+1)
	for {
		n, err := f.Read(content[len(content):cap(content)])
		content = content[:len(content)+n]
		if err == io.EOF {
			return content, nil
		}
		if err != nil {
			return nil, unwrapPath(err)
		}
		if len(content) > maxFileSize {
			return nil, errTooLarge
		}
		if len(content) == cap(content) {
			content = append(content, 0)[:len(content)]
		}
	}
}
