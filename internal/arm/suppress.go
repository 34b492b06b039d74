package arm

import (
	"bytes"
	"go/token"

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
	return append(out, metadataSuppressions(f, f.root, f.root.Span)...)
}

// commentSuppressions returns the suppressions in // and /* */ comments.
func (f *File) commentSuppressions() []model.Suppression {
	var out []model.Suppression
	src := f.Content
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '"':
			for i++; i < len(src) && src[i] != '"' && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case bytes.HasPrefix(src[i:], []byte("//")):
			end := i + bytes.IndexByte(src[i:], '\n')
			if end < i {
				end = len(src)
			}
			out = f.comment(out, i, i+2, end, end)
			i = end
		case bytes.HasPrefix(src[i:], []byte("/*")):
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				return out // unterminated: a syntax problem
			}
			end += i + 2
			out = f.comment(out, i, i+2, end, end+2)
			i = end + 1
		}
	}
	return out
}

// comment adds the suppression in the comment src[start:end] whose text is
// src[text:textEnd], if it is one.
func (f *File) comment(out []model.Suppression, start, text, textEnd, end int) []model.Suppression {
	body := f.Content[text:textEnd]
	trimmed := bytes.TrimLeft(body, " \t*")
	if !bytes.HasPrefix(trimmed, suppressionPrefix) {
		return out
	}
	off := text + len(body) - len(trimmed) + len(suppressionPrefix)
	s := model.Suppression{Span: f.span(start, end-start), Covers: f.throughValues(f.coveredLine(start, end))}
	if rest := f.Content[off:textEnd]; bytes.HasPrefix(bytes.TrimLeft(rest, " \t"), []byte(":")) {
		off += bytes.IndexByte(rest, ':') + 1
		s.Rules, s.Reason = model.ParseSuppression(string(f.Content[off:textEnd]), func(i int) token.Pos { return f.Pos(off + i) })
	}
	return append(out, s)
}

// coveredLine returns the line a comment at src[start:end] applies to: its
// own line when code comes before it, else the next line that has more
// than whitespace and comments.
func (f *File) coveredLine(start, end int) model.Span {
	src := f.Content
	lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
	if len(bytes.TrimSpace(src[lineStart:start])) > 0 {
		return f.lineAt(lineStart)
	}
	for next := end; next < len(src); {
		nl := bytes.IndexByte(src[next:], '\n')
		if nl < 0 {
			return f.span(len(src), 0)
		}
		next += nl + 1
		line := f.lineAt(next)
		text := bytes.TrimSpace(src[next:f.Offset(line.End())])
		if len(text) > 0 && !bytes.HasPrefix(text, []byte("//")) {
			return line
		}
	}
	return f.span(len(src), 0)
}

// throughValues extends a covered line to the end of every member and item
// that starts on it, so that a comment above "authorizations": [ covers
// the whole array.
func (f *File) throughValues(line model.Span) model.Span {
	stack := []model.Value{f.root}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if v.End() <= line.Pos() || v.Pos() >= line.End() {
			continue // neither on the line nor around it
		}
		for _, m := range v.Members() {
			if m.KeySpan.Pos() >= line.Pos() && m.KeySpan.Pos() < line.End() {
				line.EndPos = max(line.EndPos, m.Value.End())
			}
			stack = append(stack, m.Value)
		}
		for _, it := range v.Items() {
			if it.Pos() >= line.Pos() && it.Pos() < line.End() {
				line.EndPos = max(line.EndPos, it.End())
			}
			stack = append(stack, it)
		}
	}
	return line
}

// lineAt returns the line that starts at byte offset start, without its
// line break.
func (f *File) lineAt(start int) model.Span {
	n := bytes.IndexByte(f.Content[start:], '\n')
	if n < 0 {
		n = len(f.Content) - start
	}
	return f.span(start, n)
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
		pos := f.decodedPos(v)
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
