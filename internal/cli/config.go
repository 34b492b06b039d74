package cli

import (
	"errors"
	"fmt"
	"go/token"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/conform"
	"github.com/lhlint/lhlint/internal/jsonc"
	"github.com/lhlint/lhlint/internal/lint"
	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/rules"
	"github.com/lhlint/lhlint/schema"
)

// configName is the file lhlint looks for upward from each linted file.
const configName = ".lhlint.json"

// config is a .lhlint.json: JSONC, checked against schema/config.schema.json.
type config struct {
	printed        string // the file's path as output shows it
	dir            string // the folder the file is in; relative paths start here
	levels         map[string]lint.Severity
	ignore         []*regexp.Regexp
	customerTenant string
	roles          string
	principals     []string
	limits         lint.Limits
}

// loadConfig reads a configuration file. An error names the position of
// the mistake: "path:line:col: message".
func loadConfig(path, printed string) (*config, error) {
	content, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", printed, err)
	}
	f, _ := jsonc.Parse(token.NewFileSet(), printed, content)
	// "path:line:col", the column counted in characters as findings count it.
	where := func(pos token.Pos) string {
		p := f.Position(pos)
		return fmt.Sprintf("%s:%d:%d", printed, p.Line, p.Column)
	}
	if len(f.Problems) > 0 {
		return nil, fmt.Errorf("%s: %s", where(f.Problems[0].Pos()), f.Problems[0].Message)
	}
	root := f.Root()
	at := func(v interface{ Pos() token.Pos }) string { return where(v.Pos()) }
	if ps := conform.Check(schema.Config(), root, conform.Options{}); len(ps) > 0 {
		slices.SortStableFunc(ps, func(a, b conform.Problem) int { return int(a.At.Pos()) - int(b.At.Pos()) })
		var msgs []string
		for _, p := range ps {
			msgs = append(msgs, fmt.Sprintf("%s: %s", where(p.At.Pos()), p.Message))
		}
		// One line per mistake, each in the voice of the first.
		return nil, errors.New(strings.Join(msgs, "\nlhlint: "))
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	c := &config{printed: printed, dir: dir, levels: map[string]lint.Severity{}}
	for _, m := range root.Get("rules").Members() {
		if !slices.ContainsFunc(rules.All, func(r *lint.Rule) bool { return r.Name == m.Key }) {
			return nil, fmt.Errorf("%s: unknown rule %q; 'lhlint rules' lists them", at(m.KeySpan), m.Key)
		}
		c.levels[m.Key], _ = lint.ParseSeverity(m.Value.Text())
	}
	for _, g := range root.Get("ignore").Items() {
		re, err := globRegexp(g.Text())
		if err != nil {
			return nil, fmt.Errorf("%s: ignore glob %q %v", at(g), g.Text(), err)
		}
		c.ignore = append(c.ignore, re)
	}
	c.customerTenant = root.Get("customerTenant").Text()
	if r := root.Get("roles").Text(); r != "" {
		c.roles = c.path(r)
	}
	for _, p := range root.Get("principals").Items() {
		c.principals = append(c.principals, c.path(p.Text()))
	}
	limits := root.Get("limits")
	c.limits = lint.Limits{
		Authorizations: limit(limits.Get("authorizations")),
		Definitions:    limit(limits.Get("definitions")),
		ResourceGroups: limit(limits.Get("resourceGroups")),
	}
	return c, nil
}

// path returns a path written in the file, relative to its folder.
func (c *config) path(rel string) string {
	return filepath.Join(c.dir, filepath.FromSlash(rel))
}

// limit reads a limit the schema checked, 0 when it is not set.
func limit(v model.Value) int {
	n, _ := v.Int()
	return int(n)
}

// ignored reports whether a file, given by its absolute path, is excluded
// by the ignore globs, matched against its slash path relative to the
// configuration's folder and against each folder on the way to it.
func (c *config) ignored(abs string) bool {
	if c == nil || len(c.ignore) == 0 {
		return false
	}
	rel, err := filepath.Rel(c.dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	for name := filepath.ToSlash(rel); name != "."; name = path.Dir(name) {
		for _, g := range c.ignore {
			if g.MatchString(name) {
				return true
			}
		}
	}
	return false
}

// globRegexp compiles a glob: * and ? match within a folder name, **
// matches any number of folders, and a class such as [abc], [a-z] or [!abc]
// matches one character of a folder name that is (or is not) in it. A
// class that is not closed, empty or with a range that goes backwards is
// an error: such a glob would never match what its author meant.
func globRegexp(glob string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; {
		case strings.HasPrefix(glob[i:], "**/"):
			b.WriteString("(.*/)?")
			i += 2
		case strings.HasPrefix(glob[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			class, n, err := globClass(glob[i:])
			if err != nil {
				return nil, err
			}
			b.WriteString(class)
			i += n - 1
		default:
			b.WriteString(regexp.QuoteMeta(glob[i : i+1])) // byte by byte, so a character of several bytes stays whole
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// globClass translates the class that starts glob into a regular
// expression, and returns the length of the class in glob.
func globClass(glob string) (string, int, error) {
	body := glob[1:]
	negate := strings.HasPrefix(body, "!") || strings.HasPrefix(body, "^")
	if negate {
		body = body[1:]
	}
	end := strings.IndexByte(body, ']')
	switch {
	case end < 0:
		return "", 0, errors.New(`has a "[" that is never closed`)
	case end == 0:
		return "", 0, errors.New(`has an empty class "[]"`)
	}
	var b strings.Builder
	b.WriteString("[")
	if negate {
		b.WriteString("^/") // a class never matches the separator
	}
	members := []rune(body[:end])
	for i := 0; i < len(members); i++ {
		lo, hi := members[i], members[i]
		if i+2 < len(members) && members[i+1] == '-' {
			hi = members[i+2]
			i += 2
		}
		if lo > hi {
			return "", 0, fmt.Errorf("has the range %q, which goes backwards", string([]rune{lo, '-', hi}))
		}
		fmt.Fprintf(&b, `\x{%x}-\x{%x}`, lo, hi)
	}
	b.WriteString("]")
	return b.String(), len(glob) - len(body) + end + 1, nil
}
