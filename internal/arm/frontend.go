package arm

import (
	"go/token"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// FrontEnd is the ARM JSON front-end: templates and parameters files
// written as JSON, with the comments and trailing commas Azure accepts.
type FrontEnd struct{}

var _ frontend.FrontEnd = FrontEnd{}

// Extensions returns .json and .jsonc.
func (FrontEnd) Extensions() []string { return []string{".json", ".jsonc"} }

// Classify is the package's Classify.
func (FrontEnd) Classify(content []byte) frontend.Info { return Classify(content) }

// Parse is the package's Parse.
func (FrontEnd) Parse(fset *token.FileSet, name string, content []byte) frontend.File {
	return Parse(fset, name, content)
}

// Load is the package's Load, for files Parse returned.
func (FrontEnd) Load(template, params frontend.File) *model.Deployment {
	t, _ := template.(*File)
	p, _ := params.(*File)
	return Load(t, p)
}

// Source returns the file's text and its token.File.
func (f *File) Source() *source.File { return f.File }
