package arm

import (
	"bytes"
	"go/token"
	"slices"
	"sort"

	"github.com/lhlint/lhlint/internal/model"
)

var suppressionPrefix = []byte(model.SuppressionPrefix)

// suppressions returns the suppressions written in the file: in comments,
// and in the metadata of the file and of its resources at any depth.
func (f *File) suppressions() []model.Suppression {
	if !bytes.Contains(f.Content, suppressionPrefix) {
		return nil
	}
	out := f.commentSuppressions()
	return append(out, metadataSuppressions(f, f.Root(), f.Root().Span)...)
}

// commentSuppressions returns the suppressions in // and /* */ comments.
// One pass finds the comments and the lines that have code; a hostile file
// of many comments costs no more than a long one.
func (f *File) commentSuppressions() []model.Suppression {
	src := f.Content
	type comment struct {
		start, text, textEnd, end int
		line, endLine             int  // 1-based
		afterCode                 bool // code comes before it on its line
	}
	var found []comment
	hasCode := []bool{false, false} // by line, from 1
	line, code := 1, false
	newline := func() {
		line++
		code = false
		hasCode = append(hasCode, false)
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			newline()
		case c == '"':
			hasCode[line], code = true, true
			for i++; i < len(src) && src[i] != '"' && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			if i < len(src) && src[i] == '\n' {
				newline()
			}
		case bytes.HasPrefix(src[i:], []byte("//")):
			end := i + bytes.IndexByte(src[i:], '\n')
			if end < i {
				end = len(src)
			}
			found = append(found, comment{i, i + 2, end, end, line, line, code})
			i = end - 1 // the line break, if any, is read next
		case bytes.HasPrefix(src[i:], []byte("/*")):
			n := bytes.Index(src[i+2:], []byte("*/"))
			if n < 0 {
				i = len(src) // unterminated: a syntax problem
				break
			}
			end := i + 2 + n
			startLine := line
			for _, b := range src[i:end] {
				if b == '\n' {
					newline()
				}
			}
			found = append(found, comment{i, i + 2, end, end + 2, startLine, line, code})
			i = end + 1
		case c != ' ' && c != '\t' && c != '\r':
			hasCode[line], code = true, true
		}
	}
	// nextCode[l] is the first line at or after l that has code, 0 for none.
	nextCode := make([]int, len(hasCode)+1)
	for l := len(hasCode) - 1; l >= 1; l-- {
		nextCode[l] = nextCode[l+1]
		if hasCode[l] {
			nextCode[l] = l
		}
	}
	var out []model.Suppression
	for _, c := range found {
		covered := c.line
		if !c.afterCode {
			covered = nextCode[c.endLine+1]
		}
		if s, ok := f.suppression(c.start, c.text, c.textEnd, c.end, f.lineSpan(covered)); ok {
			out = append(out, s)
		}
	}
	return out
}

// suppression reads the suppression in the comment src[start:end] whose
// text is src[text:textEnd], if it is one; it covers line.
func (f *File) suppression(start, text, textEnd, end int, line model.Span) (model.Suppression, bool) {
	body := f.Content[text:textEnd]
	trimmed := bytes.TrimLeft(body, " \t*")
	if !bytes.HasPrefix(trimmed, suppressionPrefix) {
		return model.Suppression{}, false
	}
	off := text + len(body) - len(trimmed) + len(suppressionPrefix)
	s := model.Suppression{Span: f.Span(start, end-start), Covers: f.throughValues(line)}
	if rest := f.Content[off:textEnd]; bytes.HasPrefix(bytes.TrimLeft(rest, " \t"), []byte(":")) {
		off += bytes.IndexByte(rest, ':') + 1
		s.Rules, s.Reason = model.ParseSuppression(string(f.Content[off:textEnd]), func(i int) token.Pos { return f.Pos(off + i) })
	}
	return s, true
}

// lineSpan returns line n (from 1) without its line break; an empty span
// at the end of the file when there is no such line.
func (f *File) lineSpan(n int) model.Span {
	if n < 1 || n > f.Tok.LineCount() {
		return f.Span(len(f.Content), 0)
	}
	start := f.Offset(f.Tok.LineStart(n))
	end := len(f.Content)
	if n < f.Tok.LineCount() {
		end = f.Offset(f.Tok.LineStart(n+1)) - 1
	}
	return f.Span(start, end-start)
}

// throughValues extends a covered line to the end of every member and item
// that starts on it, so that a comment above "authorizations": [ covers
// the whole array. Each line is worked out once, from a list of where
// values start made once per file, so that a hostile file of many
// comments costs no more than a long one.
func (f *File) throughValues(line model.Span) model.Span {
	if f.covered == nil {
		f.covered = map[token.Pos]model.Span{}
		f.valueStarts = valueStarts(f.Root())
	}
	if span, ok := f.covered[line.Pos()]; ok {
		return span
	}
	span := line
	starts := f.valueStarts
	for i := sort.Search(len(starts), func(i int) bool { return starts[i].StartPos >= line.Pos() }); i < len(starts) && starts[i].StartPos < line.End(); i++ {
		span.EndPos = max(span.EndPos, starts[i].EndPos)
	}
	f.covered[line.Pos()] = span
	return span
}

// valueStarts returns, in the order they are written, a span for every
// member and item below root: from its key (or its start) to its end.
func valueStarts(root model.Value) []model.Span {
	var out []model.Span
	stack := []model.Value{root}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, m := range v.Members() {
			out = append(out, model.Span{StartPos: m.KeySpan.Pos(), EndPos: m.Value.End()})
			stack = append(stack, m.Value)
		}
		for _, it := range v.Items() {
			out = append(out, it.Span)
			stack = append(stack, it)
		}
	}
	slices.SortFunc(out, func(a, b model.Span) int { return int(a.StartPos) - int(b.StartPos) })
	return out
}

// metadataSuppressions returns the suppressions in obj's metadata, which
// cover covers, and in the metadata of every resource below obj.
func metadataSuppressions(f *File, obj model.Value, covers model.Span) []model.Suppression {
	var out []model.Suppression
	list := obj.Get("metadata").Get(model.SuppressionPrefix)
	if list.Kind() == model.String {
		list = model.ArrayValue([]model.Value{list}, list.Span)
	}
	for _, v := range list.Items() {
		if v.Kind() != model.String {
			continue
		}
		pos := f.DecodedPos(v)
		rules, reason := model.ParseSuppression(v.Text(), pos)
		out = append(out, model.Suppression{Span: v.Span, Rules: rules, Reason: reason, Covers: covers})
	}
	for _, r := range resourcesOf(obj) {
		out = append(out, metadataSuppressions(f, r, r.Span)...)
		if inner := r.Get("properties").Get("template"); inner.Kind() == model.Object {
			out = append(out, metadataSuppressions(f, inner, r.Span)...)
		}
	}
	return out
}

// resourcesOf returns the resource objects of a template: its resources
// array, or the members of its languageVersion 2.0 resources object.
func resourcesOf(template model.Value) []model.Value {
	list := template.Get("resources")
	if list.Kind() != model.Object {
		return list.Items()
	}
	var out []model.Value
	for _, m := range list.Members() {
		out = append(out, m.Value)
	}
	return out
}
