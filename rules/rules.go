package rules

import "github.com/lhlint/lhlint/internal/lint"

// All is every rule lhlint runs, sorted by name.
var All = []*lint.Rule{}
