package bicep

import (
	"bytes"
	"go/token"
	"slices"
	"sort"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// Suppressions in a Bicep file come in two forms, and both become the
// model.Suppression values the ARM front-end makes of its comments, which
// the lint driver applies and the suppression rule audits:
//
//   - A comment "// lhlint-ignore: rule, rule -- reason" (or /* */), as in
//     ARM JSON: above code it covers the next line that has code, through
//     the end of every declaration, object property or array item that
//     starts on that line; after code, its own line, through the same.
//   - Bicep's own pragma "#disable-next-line rule rule", which covers
//     exactly the line after it, as it does for the Bicep compiler, and
//     "#disable-diagnostics rule" … "#restore-diagnostics rule", which
//     covers the lines in between (to the end of the file without a
//     restore). The pragma names Bicep's diagnostics as well as lhlint's
//     rules: a code shaped like a Bicep one (BCP081, or a linter rule such
//     as no-unused-params, which has a hyphen) is the compiler's business
//     and is ignored; every other code names an lhlint rule, so a
//     misspelt lhlint rule is still reported. A pragma that names only
//     Bicep codes is no suppression. The pragma's grammar has no room for
//     a reason, since the pragma ends at the first character that is not
//     part of a code, so the reason is a comment after it on its line:
//     "#disable-next-line owner_role // reason" (an optional "--" before
//     the reason is dropped). Without one, the suppression rule asks for
//     it, as for a comment.

var suppressionPrefix = []byte(model.SuppressionPrefix)

// suppressionsOf returns the suppressions written in f.
func suppressionsOf(f *File) []model.Suppression {
	if len(f.Pragmas) == 0 && !bytes.Contains(f.Content, suppressionPrefix) {
		return nil
	}
	s := &suppressor{f: f}
	s.scan()
	var out []model.Suppression
	reasons := map[int]bool{} // comments that give a pragma its reason
	for i, p := range f.Pragmas {
		sup, reason, ok := s.pragma(i, p)
		if reason >= 0 {
			reasons[reason] = true
		}
		if ok {
			out = append(out, sup)
		}
	}
	for i, c := range f.Comments {
		if reasons[i] {
			continue
		}
		if sup, ok := s.comment(i, c); ok {
			out = append(out, sup)
		}
	}
	return out
}

// suppressor works out, once per file, which lines have code and where
// declarations, properties and items start.
type suppressor struct {
	f         *File
	hasCode   []bool // by line, from 1
	afterCode []bool // by comment: code comes before it on its line
	nextCode  []int  // the first line at or after l that has code, 0 for none
	starts    []model.Span
	covered   map[token.Pos]model.Span
}

// scan finds the lines that have code: a character that is not blank and
// not in a comment or a pragma.
func (s *suppressor) scan() {
	f := s.f
	n := f.Tok.LineCount()
	s.hasCode = make([]bool, n+2)
	s.afterCode = make([]bool, len(f.Comments))
	type trivia struct{ start, end, comment int }
	var skip []trivia
	for i, c := range f.Comments {
		skip = append(skip, trivia{f.Offset(c.Pos()), f.Offset(c.End()), i})
	}
	for _, p := range f.Pragmas {
		skip = append(skip, trivia{f.Offset(p.Pos()), f.Offset(p.End()), -1})
	}
	slices.SortFunc(skip, func(a, b trivia) int { return a.start - b.start })
	src := f.Content
	line, next := 1, len(src)+1 // next: where line+1 starts
	if n > 1 {
		next = f.Offset(f.Tok.LineStart(2))
	}
	code := false // code on this line so far
	k := 0
	for i := 0; i < len(src); i++ {
		for i >= next {
			line++
			code = false
			next = len(src) + 1
			if line < n {
				next = f.Offset(f.Tok.LineStart(line + 1))
			}
		}
		for k < len(skip) && skip[k].start < i {
			k++
		}
		if k < len(skip) && skip[k].start == i {
			if skip[k].comment >= 0 {
				s.afterCode[skip[k].comment] = code
			}
			if skip[k].end > i {
				i = skip[k].end - 1
			}
			k++
			continue
		}
		if c := src[i]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			s.hasCode[line], code = true, true
		}
	}
	s.nextCode = make([]int, n+3)
	for l := n; l >= 1; l-- {
		s.nextCode[l] = s.nextCode[l+1]
		if s.hasCode[l] {
			s.nextCode[l] = l
		}
	}
}

// span returns the span of bytes off to end of the file.
func (s *suppressor) span(off, end int) model.Span {
	return model.Span{StartPos: s.f.Pos(off), EndPos: s.f.Pos(end)}
}

// line returns the line of pos, from 1.
func (s *suppressor) line(pos token.Pos) int { return s.f.Tok.Line(pos) }

// lineSpan returns line n (from 1) without its line break; an empty span
// at the end of the file when there is no such line.
func (s *suppressor) lineSpan(n int) model.Span {
	f := s.f
	if n < 1 || n > f.Tok.LineCount() {
		return s.span(len(f.Content), len(f.Content))
	}
	start := f.Offset(f.Tok.LineStart(n))
	end := len(f.Content)
	if n < f.Tok.LineCount() {
		end = f.Offset(f.Tok.LineStart(n + 1))
	}
	for end > start && (f.Content[end-1] == '\n' || f.Content[end-1] == '\r') {
		end--
	}
	return s.span(start, end)
}

// throughNodes extends a covered line to the end of every declaration,
// property and array item that starts on it, so that a comment above
// authorizations: [ covers the whole array. Each line is worked out once.
func (s *suppressor) throughNodes(line model.Span) model.Span {
	if s.covered == nil {
		s.covered = map[token.Pos]model.Span{}
		s.starts = nodeStarts(s.f)
	}
	if span, ok := s.covered[line.Pos()]; ok {
		return span
	}
	span := line
	starts := s.starts
	for i := sort.Search(len(starts), func(i int) bool { return starts[i].StartPos >= line.Pos() }); i < len(starts) && starts[i].StartPos < line.End(); i++ {
		span.EndPos = max(span.EndPos, starts[i].EndPos)
	}
	s.covered[line.Pos()] = span
	return span
}

// nodeStarts returns, sorted by start, the span of every declaration (from
// its first decorator), object property and array item of f.
func nodeStarts(f *File) []model.Span {
	var out []model.Span
	add := func(n Node) {
		if !isNil(n) && n.Pos().IsValid() {
			out = append(out, model.Span{StartPos: n.Pos(), EndPos: n.End()})
		}
	}
	for _, st := range f.Stmts {
		if isNil(st) {
			continue
		}
		Inspect(st, func(n Node) bool {
			switch n := n.(type) {
			case *Property:
				add(n)
			case *ArrayLit:
				if n != nil {
					for _, it := range n.Items {
						add(it)
					}
				}
			case Stmt:
				add(n)
			case *Decorator:
				// A declaration covers its decorators: a comment above
				// @description(…) covers the declaration below it.
				if n != nil {
					out = append(out, model.Span{StartPos: n.Pos(), EndPos: st.End()})
				}
			}
			return true
		})
	}
	slices.SortFunc(out, func(a, b model.Span) int { return int(a.StartPos) - int(b.StartPos) })
	return out
}

// comment reads comment i, c, as a suppression if it is one.
func (s *suppressor) comment(i int, c Comment) (model.Suppression, bool) {
	f := s.f
	start, end := f.Offset(c.Pos()), f.Offset(c.End())
	text, textEnd := start+2, end
	if strings.HasPrefix(c.Text, "/*") && strings.HasSuffix(c.Text, "*/") && len(c.Text) >= 4 {
		textEnd = end - 2
	}
	body := string(f.Content[text:textEnd])
	trimmed := strings.TrimLeft(body, " \t*")
	if !strings.HasPrefix(trimmed, model.SuppressionPrefix) {
		return model.Suppression{}, false
	}
	covered := s.line(c.Pos())
	if !s.afterCode[i] {
		covered = s.nextCode[min(s.line(c.End())+1, len(s.nextCode)-1)]
	}
	sup := model.Suppression{Span: c.Span, Covers: s.throughNodes(s.lineSpan(covered))}
	off := text + len(body) - len(trimmed) + len(model.SuppressionPrefix)
	if rest := string(f.Content[off:textEnd]); strings.HasPrefix(strings.TrimLeft(rest, " \t"), ":") {
		off += strings.IndexByte(rest, ':') + 1
		sup.Rules, sup.Reason = model.ParseSuppression(string(f.Content[off:textEnd]), func(i int) token.Pos { return f.Pos(off + i) })
	}
	return sup, true
}

// isBicepCode reports whether a pragma code is one of the Bicep compiler's
// or linter's: BCP and digits, or a name with a hyphen or a capital
// letter. lhlint's rule names are lower-case words joined by underscores.
func isBicepCode(code string) bool {
	if len(code) > 3 && strings.EqualFold(code[:3], "bcp") && strings.Trim(code[3:], "0123456789") == "" {
		return true
	}
	return strings.ContainsAny(code, "-ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

// pragma reads pragma i, p, as a suppression of the lhlint rules it names.
// reason is the index of the comment that gives its reason, -1 for none.
func (s *suppressor) pragma(i int, p Pragma) (sup model.Suppression, reason int, ok bool) {
	f := s.f
	reason = -1
	if p.Keyword != "disable-next-line" && p.Keyword != "disable-diagnostics" {
		return sup, reason, false
	}
	// The codes, at their offsets: after "#keyword", runs of code
	// characters separated by blanks.
	start, end := f.Offset(p.Pos()), f.Offset(p.End())
	src := f.Content
	var words []model.Name
	for j := start + 1 + len(p.Keyword); j < end; {
		for j < end && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		k := j
		for k < end && isPragmaChar(src[k]) {
			k++
		}
		if k == j {
			break
		}
		words = append(words, model.Name{Span: s.span(j, k), Name: string(src[j:k])})
		j = k
	}
	var inline []string // reason words after a "--" code
	for w, word := range words {
		if word.Name == "--" {
			for _, r := range words[w+1:] {
				inline = append(inline, r.Name)
			}
			break
		}
		if !isBicepCode(word.Name) {
			sup.Rules = append(sup.Rules, word)
		}
	}
	sup.Span = p.Span
	sup.Form = "#" + p.Keyword
	sup.Reason = strings.Join(inline, " ")
	line := s.line(p.Pos())
	// A comment after the pragma on its line is its reason, unless it is
	// a suppression of its own.
	if c := sort.Search(len(f.Comments), func(j int) bool { return f.Comments[j].Pos() >= p.End() }); c < len(f.Comments) && s.line(f.Comments[c].Pos()) == line {
		text := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(f.Comments[c].Text, "//"), "/*"), "*/"))
		if !strings.HasPrefix(strings.TrimLeft(text, " \t*"), model.SuppressionPrefix) {
			reason = c
			if sup.Reason == "" {
				sup.Reason = strings.TrimSpace(strings.TrimPrefix(text, "--"))
			}
			sup.Span.EndPos = f.Comments[c].End()
		}
	}
	if len(sup.Rules) == 0 {
		return sup, reason, false
	}
	if p.Keyword == "disable-next-line" {
		sup.Covers = s.lineSpan(line + 1)
		return sup, reason, true
	}
	// #disable-diagnostics covers the lines after it, up to the first
	// #restore-diagnostics that names one of its rules.
	from := s.lineSpan(line + 1)
	sup.Covers = model.Span{StartPos: from.Pos(), EndPos: f.Pos(len(src))}
	for _, q := range f.Pragmas[i+1:] {
		if q.Keyword != "restore-diagnostics" {
			continue
		}
		for _, code := range q.Codes {
			for _, r := range sup.Rules {
				if code == r.Name && sup.Covers.EndPos == f.Pos(len(src)) {
					sup.Covers.EndPos = max(from.Pos(), f.Tok.LineStart(s.line(q.Pos())))
				}
			}
		}
	}
	return sup, reason, true
}
