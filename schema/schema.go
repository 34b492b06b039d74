package schema

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// configURL is the fixed address the configuration schema is registered
// under, so no file path leaks into messages.
const configURL = "https://github.com/lhlint/lhlint/schema/config.schema.json"

//go:embed config.schema.json
var configSchema string

// Violation is one way a document breaks a schema: where (a JSON Pointer
// into the document) and what.
type Violation struct {
	Pointer string
	Message string
}

var compileConfig = sync.OnceValue(func() *jsonschema.Schema {
	c := jsonschema.NewCompiler()
	if err := c.AddResource(configURL, strings.NewReader(configSchema)); err != nil {
		panic(err) // the embedded schema is constant
	}
	return c.MustCompile(configURL)
})

// ValidateConfig checks an lhlint configuration document, decoded as
// encoding/json decodes into any, and returns its violations sorted by
// pointer.
func ValidateConfig(doc any) []Violation {
	err := compileConfig().Validate(doc)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		if err != nil {
			return []Violation{{Message: err.Error()}}
		}
		return nil
	}
	var out []Violation
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, Violation{Pointer: e.InstanceLocation, Message: voice(e.Message)})
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	slices.SortFunc(out, func(a, b Violation) int { return strings.Compare(a.Pointer, b.Pointer) })
	return out
}

// voice rewrites the validator's messages in lhlint's words.
func voice(msg string) string {
	switch {
	case strings.HasPrefix(msg, "additionalProperties "):
		return "unknown setting " + strings.TrimSuffix(strings.TrimPrefix(msg, "additionalProperties "), " not allowed")
	case strings.HasPrefix(msg, "value must be one of "):
		return "the level must be one of " + strings.TrimPrefix(msg, "value must be one of ")
	case strings.HasPrefix(msg, "does not match pattern"):
		return "not in the expected form"
	case strings.HasPrefix(msg, "expected "):
		return fmt.Sprintf("wrong type: %s", msg)
	}
	return msg
}
