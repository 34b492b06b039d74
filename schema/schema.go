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
	// Key is the name of a member the schema does not define, in the object
	// Pointer names: the mistake is the key, not its value.
	Key string
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
		switch {
		case len(e.Causes) > 0:
		case strings.HasSuffix(e.KeywordLocation, "/additionalProperties") && strings.HasPrefix(e.Message, "additionalProperties "):
			// One violation per unknown member, at its key, in a stable
			// order: the validator lists them all in one message, in map order.
			for _, key := range unknownKeys(doc, e) {
				out = append(out, Violation{Pointer: e.InstanceLocation, Message: fmt.Sprintf("unknown setting %q", key), Key: key})
			}
		default:
			out = append(out, Violation{Pointer: e.InstanceLocation, Message: voice(e.Message)})
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	slices.SortStableFunc(out, func(a, b Violation) int { return strings.Compare(a.Pointer, b.Pointer) })
	return out
}

// unknownKeys returns, sorted, the members of the object at e's instance
// location that the schema holding e's additionalProperties does not
// define.
func unknownKeys(doc any, e *jsonschema.ValidationError) []string {
	s := compileConfig()
	tokens := strings.Split(strings.TrimPrefix(e.KeywordLocation, "/"), "/")
	for i := 0; i+1 < len(tokens) && tokens[i] == "properties"; i += 2 {
		if s = s.Properties[unescape(tokens[i+1])]; s == nil {
			return nil
		}
	}
	v := doc
	for _, tok := range strings.Split(strings.TrimPrefix(e.InstanceLocation, "/"), "/") {
		if obj, ok := v.(map[string]any); ok && tok != "" {
			v = obj[unescape(tok)]
		}
	}
	obj, _ := v.(map[string]any)
	var keys []string
	for key := range obj {
		if _, ok := s.Properties[key]; !ok {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	return keys
}

// unescape decodes a JSON Pointer token.
func unescape(tok string) string {
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
}

// voice rewrites the validator's messages in lhlint's words.
func voice(msg string) string {
	switch {
	case strings.HasPrefix(msg, "value must be one of "):
		return "the level must be one of " + strings.TrimPrefix(msg, "value must be one of ")
	case strings.HasPrefix(msg, "does not match pattern"):
		return "not in the expected form"
	case strings.HasPrefix(msg, "expected "):
		return fmt.Sprintf("wrong type: %s", msg)
	}
	return msg
}
