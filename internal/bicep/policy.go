package bicep

import (
	"go/token"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lhlint/lhlint/internal/frontend"
	"github.com/lhlint/lhlint/internal/model"
)

const typePolicyDefinition = "Microsoft.Authorization/policyDefinitions"

// policy follows the deployment of the policy definition res, the way the
// management-group onboarding pattern delegates every subscription. The
// template its deployIfNotExists effect deploys is ARM JSON written as
// Bicep values, which the compiler copies as they are (a string that
// starts with "[" is escaped, so Azure stores it as written): the
// front-end of .json files evaluates it, with the positions of its strings
// in the Bicep file.
func (u *unit) policy(res model.Resource) {
	l := u.l
	if l.frontEnd == nil {
		return
	}
	pl, ok := l.frontEnd("policy.json").(frontend.PolicyLoader)
	if !ok {
		return
	}
	l.merge(pl.LoadPolicy(frontend.Policy{
		Resource:   res,
		Properties: res.Properties,
		Positions:  l.textPos,
		Context:    u.env.Context(),
		Budget:     l.shared.budget,
	}))
}

// deploysRegistration reports whether r, a resource of type t, is a policy
// definition whose template names a registration resource type.
func deploysRegistration(r *Resource, t string) bool {
	if !hasPrefixFold(t, policyType) {
		return false
	}
	found := false
	Inspect(r.Value, func(n Node) bool {
		if s, ok := n.(*StringLit); ok && s != nil {
			if text, ok := s.Text(); ok && hasPrefixFold(text, registrationType) {
				found = true
			}
		}
		return !found
	})
	return found
}

var policyType = []byte(strings.ToLower(typePolicyDefinition))

// textPos maps the byte offsets of the text of v, a string literal, to
// the positions of its characters in the Bicep file that writes it: an
// escape sequence's characters are at its backslash. Offsets of a string
// it cannot map (a ”' string, a file it did not parse) are at the
// literal's start.
func (l *loader) textPos(v model.Value) func(int) token.Pos {
	at := func(int) token.Pos { return v.Pos() }
	f := l.fileAt(v.Pos())
	if f == nil {
		return at
	}
	start, end := f.Offset(v.Pos()), f.Offset(v.End())
	if end-start < 2 || f.Content[start] != '\'' || end-start >= 6 && string(f.Content[start:start+3]) == "'''" {
		return at
	}
	raw := f.Content[start+1 : end-1]
	var table []int // decoded offset -> raw offset
	for i := 0; i < len(raw); {
		if raw[i] != '\\' || i+1 >= len(raw) {
			table = append(table, i)
			i++
			continue
		}
		n, width := 2, 1
		if raw[i+1] == 'u' {
			// \u{X…}: the code point's UTF-8 bytes.
			for n < len(raw)-i && raw[i+n-1] != '}' {
				n++
			}
			if cp, err := strconv.ParseUint(strings.Trim(string(raw[i+2:i+n]), "{}"), 16, 32); err == nil {
				width = max(utf8.RuneLen(rune(cp)), 1)
			}
		}
		for range width {
			table = append(table, i)
		}
		i += n
	}
	return func(i int) token.Pos {
		if i >= 0 && i < len(table) {
			return f.Pos(start + 1 + table[i])
		}
		return f.Pos(end - 1)
	}
}

// fileAt returns the Bicep file of the deployment that holds pos, nil
// when there is none.
func (l *loader) fileAt(pos token.Pos) *File {
	in := func(f *File) bool {
		return f != nil && f.Tok != nil && int(pos) >= f.Tok.Base() && int(pos) <= f.Tok.Base()+f.Tok.Size()
	}
	if in(l.template) {
		return l.template
	}
	for _, f := range l.files {
		if in(f) {
			return f
		}
	}
	return nil
}
