package arm

import (
	"go/token"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// Kind is what a JSON file is to lhlint.
type Kind uint8

// The kinds of JSON file.
const (
	Other      Kind = iota // neither a template nor a parameters file
	Template               // a deployment template
	Parameters             // a deployment parameters file
)

// Info is what discovery and pairing need to know of a file, read without
// keeping it.
type Info struct {
	Kind Kind
	// Onboarding is true for a template that creates Microsoft.ManagedServices
	// resources (directly, nested, or in a policy's deployIfNotExists template),
	// and for a parameters file whose values only an onboarding template takes
	// (authorizations, managedByTenantId).
	Onboarding bool
	// Parameters are the parameter names a template declares or a parameters file sets.
	Parameters []string
	// TemplateRef is a parameters file's metadata.template, "" when it has none.
	TemplateRef string
	// Malformed is true when the file is not valid JSON(C).
	Malformed bool
}

// Classify reads content far enough to say what it is.
func Classify(content []byte) Info { return Info{} }

// File is a parsed JSON(C) file registered in the shared FileSet.
type File struct {
	*source.File
	Info
	Problems []model.Problem // syntax problems: malformed JSON
}

// Parse registers content in fset and parses it. It never fails: malformed
// JSON becomes a Problem at the position of the error.
func Parse(fset *token.FileSet, name string, content []byte) *File {
	return &File{File: source.Add(fset, name, content)}
}

// Load builds the deployment of template deployed with params (nil for the
// template's defaults).
func Load(template, params *File) *model.Deployment {
	d := &model.Deployment{Template: template.Name}
	if params != nil {
		d.ParametersFile = params.Name
	}
	return d
}
