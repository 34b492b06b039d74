package bicep

import (
	"bytes"
	"fmt"
	"go/token"
	"sort"
	"strconv"
	"sync"

	"github.com/lhlint/lhlint/internal/model"
	"github.com/lhlint/lhlint/internal/source"
)

// maxDepth bounds the nesting of expressions, types and declarations, so
// that no input makes the parser recurse without limit. Real templates
// nest a few tens deep at most.
const maxDepth = 256

// SyntaxError is a part of a file that does not lex or parse, at the exact
// place, with a message in the words of a finding.
type SyntaxError struct {
	model.Span
	Msg string // lower-case, no final period: `expected "=" after the parameter name, found "string"`
}

func (e *SyntaxError) Error() string { return e.Msg }

// File is a parsed .bicep or .bicepparam file registered in the shared
// FileSet. Parsing never fails: what does not parse is in Errors, and the
// tree holds Bad nodes there.
type File struct {
	*source.File
	Params   bool // a .bicepparam file
	Stmts    []Stmt
	Comments []Comment
	Pragmas  []Pragma
	Errors   []*SyntaxError // sorted by position
	fset     *token.FileSet // where the file is registered, for the modules it loads
	loaded   []*source.File // the modules loads of the file parsed into fset

	// What the loader works out from the tree alone, once: a module that
	// the deployments of a run share is one File for all of them (see
	// frontend.Cache), read by several goroutines.
	symsOnce sync.Once
	syms     *declSymbols // see declared
	dupsOnce sync.Once
	dups     []model.Duplicate // see duplicatesOf
}

// Parse registers content in fset under name, decoded to UTF-8 (see
// source.Decode: a BOM is dropped, UTF-16 is converted), and parses it as a
// .bicep file.
func Parse(fset *token.FileSet, name string, content []byte) *File {
	return parseFile(fset, name, content, false)
}

// ParseParams is Parse for a .bicepparam file.
func ParseParams(fset *token.FileSet, name string, content []byte) *File {
	return parseFile(fset, name, content, true)
}

func parseFile(fset *token.FileSet, name string, content []byte, params bool) *File {
	text, bad := source.Decode(content)
	f := newFile(fset, name, text, params)
	parseLexed(f, lex(text), bad)
	return f
}

// newFile registers the decoded text in fset under name, for a parse.
func newFile(fset *token.FileSet, name string, text []byte, params bool) *File {
	f := &File{File: source.Add(fset, name, text), Params: params, fset: fset}
	if bytes.Contains(text, []byte{'\r'}) {
		f.Tok.SetLines(lineStarts(text))
	}
	return f
}

// parseLexed parses the tokens lx has lexed, from the text of f decoded
// with the problem bad, into f, and releases lx.
func parseLexed(f *File, lx *lexer, bad *source.BadText) {
	p := &parser{f: f, src: lx.text, toks: lx.toks, params: f.Params, base: f.Tok.Base(), size: f.Tok.Size()}
	if bad != nil {
		p.errs = append(p.errs, &SyntaxError{Span: p.span(bad.Offset, bad.Offset), Msg: bad.Message})
	}
	for _, e := range lx.errs {
		p.errs = append(p.errs, &SyntaxError{Span: p.span(e.off, e.end), Msg: e.msg})
	}
	for _, c := range lx.comments {
		f.Comments = append(f.Comments, Comment{Span: p.span(c.off, c.end), Text: lx.text[c.off:c.end]})
	}
	for _, r := range lx.pragmas {
		f.Pragmas = append(f.Pragmas, Pragma{Span: p.span(r.off, r.end), Keyword: r.keyword, Codes: r.codes})
	}
	p.sizeSlabs(&lx.kinds)
	f.Stmts = p.program()
	f.Errors = dedupe(p.errs)
	p.toks = nil
	lx.release()
}

// lineStarts returns the offsets where lines start. Bicep ends a line at
// "\n", "\r\n" and a lone "\r" alike; go/token knows only "\n", so a
// file saved with old Mac line endings would be one long line.
func lineStarts(text []byte) []int {
	lines := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			continue
		}
		if i+1 < len(text) {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// dedupe sorts errors by position and keeps one per start: a problem the
// lexer reports is often seen again by the parser at the same place, and a
// declaration that goes wrong early fails every later expectation there.
func dedupe(errs []*SyntaxError) []*SyntaxError {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].StartPos < errs[j].StartPos })
	out := errs[:0]
	for _, e := range errs {
		if n := len(out); n > 0 && out[n-1].StartPos == e.StartPos {
			continue
		}
		out = append(out, e)
	}
	return out
}

// symbols are the texts of the punctuation kinds, for messages.
var symbols = map[Kind]string{
	At: "@", LeftBrace: "{", RightBrace: "}", LeftParen: "(", RightParen: ")",
	LeftSquare: "[", RightSquare: "]", Comma: ",", Dot: ".", Ellipsis: "...",
	Question: "?", DoubleQuestion: "??", Colon: ":", DoubleColon: "::", Semicolon: ";",
	Assignment: "=", Arrow: "=>", Plus: "+", Minus: "-", Asterisk: "*", Slash: "/",
	Modulo: "%", Exclamation: "!", LeftChevron: "<", RightChevron: ">",
	LessThanOrEqual: "<=", GreaterThanOrEqual: ">=", Equals: "==", NotEquals: "!=",
	EqualsInsensitive: "=~", NotEqualsInsensitive: "!~", LogicalAnd: "&&",
	LogicalOr: "||", Pipe: "|", Hat: "^",
}

type parser struct {
	f       *File
	src     string // the text, from which names are sliced
	toks    []Token
	i       int
	lastEnd int // end offset of the last token consumed that is not a NewLine
	errs    []*SyntaxError
	depth   int
	params  bool
	// base and size are those of the file's token.File, whose size is
	// the length of its text: pos and offOf work out positions and
	// offsets themselves, as they do for every node.
	base, size int

	// The most common nodes come from slabs, and the members of objects
	// and items of arrays being parsed wait on stacks until their
	// container is closed and they are copied into a slice of their exact
	// size, itself cut from a slab: a file's tree then takes a few
	// allocations per slab instead of one or more per node. The nodes of
	// a file live and die together.
	idents     slab[Ident]
	strs       slab[StringLit]
	props      slab[Property]
	parts      slab[string] // the one part of a string without holes
	objects    slab[ObjectLit]
	arrays     slab[ArrayLit]
	memberSets slab[Node] // the Members of objects
	itemSets   slab[Expr] // the Items of arrays and the Args of calls
	members    []Node
	items      []Expr
}

// slab hands out zeroed values of T from chunks. The parser sizes the
// first from the tokens of the file (see sizeSlabs); should it run out,
// the next chunks hold 32 values, and a slice longer than what is left
// is allocated on its own.
type slab[T any] struct{ free []T }

func (s *slab[T]) new() *T { return &s.one()[0] }

// one returns a slice of one zeroed value, whose capacity is one: an
// append to it does not write over the next value of the chunk.
func (s *slab[T]) one() []T { return s.take(1) }

// take returns a slice of n zeroed values whose capacity is n.
func (s *slab[T]) take(n int) []T {
	if n > len(s.free) {
		if n > 1 {
			return make([]T, n)
		}
		s.free = make([]T, 32)
	}
	v := s.free[:n:n]
	s.free = s.free[n:]
	return v
}

// sizeSlabs sizes the slabs from the number of tokens of each kind the
// lexer counted: each name is at most one Ident, each string one
// StringLit, each colon one Property and one member of an object, each
// brace at most one ObjectLit, each square bracket at most one ArrayLit.
// The items of arrays and the arguments of calls are about one per comma
// and one per bracket or parenthesis; the items of an array written one
// per line take more chunks.
func (p *parser) sizeSlabs(kinds *[numKinds]int32) {
	colons := kinds[Colon]
	p.itemSets.free = make([]Expr, kinds[Comma]+kinds[LeftSquare]+kinds[LeftParen])
	p.idents.free = make([]Ident, kinds[Identifier])
	p.strs.free = make([]StringLit, kinds[StringComplete]+kinds[StringLeftPiece])
	p.parts.free = make([]string, kinds[StringComplete])
	p.props.free = make([]Property, colons)
	p.memberSets.free = make([]Node, colons)
	p.objects.free = make([]ObjectLit, kinds[LeftBrace])
	p.arrays.free = make([]ArrayLit, kinds[LeftSquare])
}

// newIdent returns the name token t spells.
func (p *parser) newIdent(t Token) *Ident {
	id := p.idents.new()
	id.Span, id.Name = p.span(t.Off, t.End), p.text(t)
	return id
}

// pop returns the entries of *stack from base on, in a slice of their
// own taken from s, and takes them off the stack: the members of an
// object, the items of an array, the arguments of a call.
func pop[T any](stack *[]T, s *slab[T], base int) []T {
	out := s.take(len(*stack) - base)
	copy(out, (*stack)[base:])
	clear((*stack)[base:])
	*stack = (*stack)[:base]
	return out
}

// pos is p.f.Pos(off): the offset, kept inside the file, from the file's
// base.
func (p *parser) pos(off int) token.Pos { return token.Pos(p.base + min(max(off, 0), p.size)) }

// offOf is the byte offset where n starts: p.f.Offset(n.Pos()).
func (p *parser) offOf(n Node) int { return min(max(int(n.Pos())-p.base, 0), p.size) }

func (p *parser) span(off, end int) model.Span {
	if end < off {
		end = off
	}
	return model.Span{StartPos: p.pos(off), EndPos: p.pos(end)}
}

// from is the span from offset off to the end of the last token consumed.
// A node that consumed nothing is empty, just after the last token
// consumed, so that it stays inside its parent.
func (p *parser) from(off int) model.Span {
	if p.lastEnd < off {
		off = p.lastEnd
	}
	return p.span(off, p.lastEnd)
}

func (p *parser) tok() Token { return p.toks[p.i] }
func (p *parser) kind() Kind { return p.toks[p.i].Kind }
func (p *parser) off() int   { return p.toks[p.i].Off }

func (p *parser) peek(n int) Token {
	if p.i+n < len(p.toks) {
		return p.toks[p.i+n]
	}
	return p.toks[len(p.toks)-1]
}

// peekPastNewLines returns the first token from the current one that is
// not a NewLine.
func (p *parser) peekPastNewLines() Token { return p.peekPastNewLinesFrom(p.i) }

// peekPastNewLinesFrom returns the first token from index i that is not
// a NewLine.
func (p *parser) peekPastNewLinesFrom(i int) Token {
	for j := i; j < len(p.toks); j++ {
		if p.toks[j].Kind != NewLine {
			return p.toks[j]
		}
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() {
	if t := p.toks[p.i]; t.Kind != EndOfFile {
		if t.Kind != NewLine {
			p.lastEnd = t.End
		}
		p.i++
	}
}

// afterNewLine reports whether the token before the current one is a line
// break.
func (p *parser) afterNewLine() bool { return p.i > 0 && p.toks[p.i-1].Kind == NewLine }

func (p *parser) skipNewLines() {
	for p.kind() == NewLine {
		p.next()
	}
}

func (p *parser) text(t Token) string { return p.src[t.Off:t.End] }

// isWord reports whether the current token is the identifier w, a keyword
// where the grammar expects one.
func (p *parser) isWord(w string) bool { return p.isWordAt(p.tok(), w) }

// isWordAt reports whether t is the identifier w.
func (p *parser) isWordAt(t Token, w string) bool {
	return t.Kind == Identifier && t.End-t.Off == len(w) && p.src[t.Off:t.End] == w
}

// describe names a token for "found ..." in a message.
func (p *parser) describe(t Token) string {
	switch t.Kind {
	case EndOfFile:
		return "the end of the file"
	case NewLine:
		return "the end of the line"
	}
	return quoteText(p.text(t))
}

func (p *parser) errorf(sp model.Span, format string, args ...any) {
	p.errs = append(p.errs, &SyntaxError{Span: sp, Msg: fmt.Sprintf(format, args...)})
}

// tokSpan is where an error about token t is reported: its text, or the
// place just before a line break or the end of the file.
func (p *parser) tokSpan(t Token) model.Span {
	if t.Kind == NewLine || t.Kind == EndOfFile {
		return p.span(t.Off, t.Off)
	}
	return p.span(t.Off, t.End)
}

// expected reports that what should come after after, but the current
// token came instead.
func (p *parser) expected(what, after string) {
	t := p.tok()
	if t.Kind == Unrecognized {
		return // the lexer said what is wrong with it
	}
	if after == "" {
		p.errorf(p.tokSpan(t), "expected %s, found %s", what, p.describe(t))
		return
	}
	p.errorf(p.tokSpan(t), "expected %s after %s, found %s", what, after, p.describe(t))
}

// expect consumes a token of kind k or reports that it is missing.
func (p *parser) expect(k Kind, after string) bool {
	if p.kind() == k {
		p.next()
		return true
	}
	p.expected(strconv.Quote(symbols[k]), after)
	return false
}

// skipLine skips to the next line break or the end of the file. With
// closers, it also stops at a closing bracket that it did not see opened,
// and at the rest of an interpolated string.
func (p *parser) skipLine(closers bool) {
	depth := 0
	for {
		switch p.kind() {
		case NewLine, EndOfFile:
			return
		case LeftBrace, LeftParen, LeftSquare, StringLeftPiece:
			depth++
		case RightBrace, RightParen, RightSquare, StringRightPiece:
			if depth == 0 && closers {
				return
			}
			depth--
		case StringMiddlePiece:
			if depth == 0 && closers {
				return
			}
		}
		p.next()
	}
}

// enter counts one level of nesting and reports whether it is within
// maxDepth. When it is not, it skips the rest of the line and the caller
// returns a Bad node; else the caller defers leave.
func (p *parser) enter() bool {
	if p.depth >= maxDepth {
		p.errorf(p.tokSpan(p.tok()), "brackets, calls or operators nest too deeply here to be read")
		p.skipLine(false)
		return false
	}
	p.depth++
	return true
}

func (p *parser) leave() { p.depth-- }

// bad returns a BadExpr just after the last token consumed, which is
// inside the node being parsed; the error is reported at the token found.
func (p *parser) bad() *BadExpr { return &BadExpr{Span: p.span(p.lastEnd, p.lastEnd)} }

// ident consumes an identifier, or reports what is missing and returns nil.
func (p *parser) ident(what, after string) *Ident {
	t := p.tok()
	if t.Kind != Identifier {
		p.expected(what, after)
		return nil
	}
	p.next()
	return p.newIdent(t)
}

// program parses the whole file.
func (p *parser) program() []Stmt {
	// The statements gather on the stack, and a slice of their number
	// holds them: appending to an empty slice took an allocation at 1,
	// 2, 4, 8... statements.
	var buf [32]Stmt
	stmts := buf[:0]
	for {
		p.skipNewLines()
		if p.kind() == EndOfFile {
			if len(stmts) == 0 {
				return nil
			}
			return append([]Stmt(nil), stmts...)
		}
		before := p.i
		if s := p.statement(); s != nil {
			stmts = append(stmts, s)
		}
		if k := p.kind(); k != NewLine && k != EndOfFile && !p.afterNewLine() {
			p.expected("the end of the line", "the declaration")
			p.skipLine(false)
		}
		if p.i == before {
			p.next()
		}
	}
}

// decorators parses @... lines before a declaration.
func (p *parser) decorators() []*Decorator {
	var ds []*Decorator
	for p.kind() == At {
		start := p.off()
		p.next()
		var x Expr
		if p.kind() != Identifier {
			p.expected("a decorator name", `"@"`)
			x = p.bad()
		} else {
			x = p.postfix(p.primary())
		}
		ds = append(ds, &Decorator{Span: p.from(start), X: x})
		if k := p.kind(); k != NewLine && k != EndOfFile {
			p.expected("a line break", "the decorator") // and read on: the declaration is likely on this line
		}
		p.skipNewLines()
	}
	return ds
}

func (p *parser) statement() Stmt {
	start := p.off()
	ds := p.decorators()
	if p.kind() == EndOfFile {
		p.errorf(ds[len(ds)-1].Span, "expected a declaration after the decorator, found the end of the file")
		return nil
	}
	if !p.enter() {
		return &BadStmt{Span: p.from(start)}
	}
	defer p.leave()
	t := p.tok()
	word := ""
	if t.Kind == Identifier {
		word = p.text(t)
	}
	if p.params {
		switch word {
		case "using":
			return p.using(start)
		case "extends":
			p.next()
			return &Extends{Path: p.path("the path of the parameters file to extend", `"extends"`), Span: p.from(start)}
		case "extensionConfig":
			return p.extensionConfig(start)
		case "param":
			return p.paramValue(start, ds)
		case "var", "type", "func", "import", "extension", "metadata":
		default:
			p.expected(`a declaration such as "using", "param" or "var"`, "")
			p.skipLine(false)
			return &BadStmt{Span: p.from(start)}
		}
	}
	switch word {
	case "targetScope":
		p.next()
		p.expect(Assignment, `"targetScope"`)
		return &TargetScope{Decorators: ds, Value: p.expr(), Span: p.from(start)}
	case "metadata":
		p.next()
		s := &Metadata{Decorators: ds, Name: p.ident("a name", `"metadata"`)}
		p.expect(Assignment, "the metadata name")
		s.Value = p.expr()
		s.Span = p.from(start)
		return s
	case "param":
		return p.param(start, ds)
	case "var":
		return p.variable(start, ds)
	case "output":
		return p.output(start, ds)
	case "resource":
		return p.resource(start, ds)
	case "module":
		return p.module(start, ds)
	case "type":
		p.next()
		s := &TypeDecl{Decorators: ds, Name: p.ident("a type name", `"type"`)}
		p.expect(Assignment, "the type name")
		s.Type = p.typeExpr(true)
		s.Span = p.from(start)
		return s
	case "func":
		return p.function(start, ds)
	case "import":
		return p.importDecl(start, ds)
	case "extension":
		p.next()
		return p.extension(start, ds, "extension")
	case "test":
		p.next()
		s := &Test{Decorators: ds, Name: p.ident("a test name", `"test"`)}
		s.Path = p.path("the path of the file to test", "the test name")
		p.expect(Assignment, "the test path")
		s.Value = p.expr()
		s.Span = p.from(start)
		return s
	case "assert":
		p.next()
		s := &Assert{Decorators: ds, Name: p.ident("an assertion name", `"assert"`)}
		p.expect(Assignment, "the assertion name")
		s.Value = p.expr()
		s.Span = p.from(start)
		return s
	}
	p.expected(`a declaration such as "param", "var", "resource", "module" or "output"`, "")
	p.skipLine(false)
	return &BadStmt{Span: p.from(start)}
}

// path parses the string that names a file, module or type.
func (p *parser) path(what, after string) *StringLit {
	if k := p.kind(); k != StringComplete && k != StringLeftPiece {
		p.expected(what, after)
		return nil
	}
	return p.str()
}

func (p *parser) param(start int, ds []*Decorator) Stmt {
	p.next()
	s := &Param{Decorators: ds, Name: p.ident("a parameter name", `"param"`)}
	if s.Name == nil && p.kind() != Identifier {
		p.skipLine(false)
		s.Span = p.from(start)
		return s
	}
	if p.isWord("resource") && isString(p.peek(1).Kind) {
		p.next()
		s.ResourceType = p.str()
	} else {
		s.Type = p.typeExpr(false)
	}
	switch p.kind() {
	case Assignment:
		p.next()
		s.Value = p.expr()
	case NewLine, EndOfFile:
	default:
		p.expected(`"=" or the end of the line`, "the parameter type")
	}
	s.Span = p.from(start)
	return s
}

// paramValue parses param name = value in a .bicepparam file.
func (p *parser) paramValue(start int, ds []*Decorator) Stmt {
	p.next()
	s := &Param{Decorators: ds, Name: p.ident("a parameter name", `"param"`)}
	if p.expect(Assignment, "the parameter name") {
		s.Value = p.expr()
	} else {
		p.skipLine(false)
	}
	s.Span = p.from(start)
	return s
}

func isString(k Kind) bool { return k == StringComplete || k == StringLeftPiece }

func (p *parser) variable(start int, ds []*Decorator) Stmt {
	p.next()
	s := &Var{Decorators: ds, Name: p.ident("a variable name", `"var"`)}
	after := "the variable name"
	if k := p.kind(); k != Assignment && k != NewLine && k != EndOfFile && s.Name != nil {
		s.Type = p.typeExpr(false)
		after = "the variable type"
	}
	if p.expect(Assignment, after) {
		s.Value = p.expr()
	}
	s.Span = p.from(start)
	return s
}

func (p *parser) output(start int, ds []*Decorator) Stmt {
	p.next()
	s := &Output{Decorators: ds, Name: p.ident("an output name", `"output"`)}
	if p.isWord("resource") && p.peek(1).Kind != LeftChevron {
		p.next()
		s.Resource = true
		if isString(p.kind()) {
			s.ResourceType = p.str()
		}
	} else if p.kind() == Assignment {
		p.expected("the output type", "the output name")
	} else {
		s.Type = p.typeExpr(false)
	}
	if p.expect(Assignment, "the output type") {
		s.Value = p.expr()
	}
	s.Span = p.from(start)
	return s
}

func (p *parser) resource(start int, ds []*Decorator) *Resource {
	p.next()
	s := &Resource{Decorators: ds, Name: p.ident("a resource name", `"resource"`)}
	s.Type = p.path("a resource type such as 'Microsoft.Storage/storageAccounts@2023-01-01'", "the resource name")
	if p.isWord("existing") {
		p.next()
		s.Existing = true
	}
	if p.expect(Assignment, "the resource type") {
		s.Value = p.declBody("resource")
	}
	s.Span = p.from(start)
	return s
}

func (p *parser) module(start int, ds []*Decorator) Stmt {
	p.next()
	s := &Module{Decorators: ds, Name: p.ident("a module name", `"module"`)}
	s.Path = p.path("the path of the module such as './child.bicep'", "the module name")
	if p.expect(Assignment, "the module path") {
		s.Value = p.declBody("module")
	}
	s.Span = p.from(start)
	return s
}

// declBody parses the value of a resource or module: an object, an
// if-body or a for-expression over either.
func (p *parser) declBody(what string) Expr {
	if p.isWordAt(p.peekPastNewLines(), "if") {
		p.skipNewLines() // only "if" may start the next line
	}
	switch {
	case p.kind() == LeftBrace:
		return p.object(true)
	case p.isWord("if"):
		return p.ifBody()
	case p.kind() == LeftSquare:
		if t := p.peekPastNewLinesFrom(p.i + 1); !p.isWordAt(t, "for") {
			start := p.off()
			p.next()
			p.skipNewLines()
			p.expected(`"for"`, `"["`)
			p.skipLine(true)
			if p.kind() == RightSquare {
				p.next()
			}
			return &BadExpr{Span: p.from(start)}
		}
		return p.array(true)
	}
	p.expected(`"{", "if" or "["`, `"=" in the `+what+" declaration")
	return p.bad()
}

// ifBody parses if (cond) { ... }.
func (p *parser) ifBody() Expr {
	start := p.off()
	p.next()
	s := &IfBody{}
	if p.kind() != LeftParen {
		p.expected(`"(" and a condition`, `"if"`)
		s.Cond = p.bad()
	} else {
		s.Cond = p.paren()
	}
	if p.kind() == LeftBrace {
		s.Body = p.object(true)
	} else {
		if par, ok := s.Cond.(*Paren); ok && !isBad(par.X) { // else the condition's error says enough
			p.expected(`"{"`, "the condition")
		}
		s.Body = p.bad()
	}
	s.Span = p.from(start)
	return s
}

func isBad(x Expr) bool {
	_, bad := x.(*BadExpr)
	return bad
}

func (p *parser) function(start int, ds []*Decorator) Stmt {
	p.next()
	s := &Func{Decorators: ds, Name: p.ident("a function name", `"func"`)}
	if p.expect(LeftParen, "the function name") {
		p.skipNewLines()
		for p.kind() != RightParen && p.kind() != EndOfFile {
			before := p.i
			ps := p.off()
			fp := &FuncParam{Name: p.ident("a parameter name", "")}
			if fp.Name != nil {
				fp.Type = p.typeExpr(false)
			}
			fp.Span = p.from(ps)
			s.Params = append(s.Params, fp)
			p.skipNewLines()
			if p.kind() == Comma {
				p.next()
				p.skipNewLines()
			} else {
				if p.kind() != RightParen {
					p.expected(`"," or ")"`, "the parameter")
					p.skipLine(true)
				}
			}
			if p.i == before {
				p.next()
			}
		}
		p.expect(RightParen, "the parameters")
	}
	s.Result = p.typeExpr(false)
	if p.expect(Arrow, "the result type") {
		p.skipNewLines()
		s.Body = p.expr()
	}
	s.Span = p.from(start)
	return s
}

func (p *parser) importDecl(start int, ds []*Decorator) Stmt {
	p.next()
	switch k := p.kind(); {
	case isString(k):
		return p.extension(start, ds, "import")
	case k == LeftBrace:
		s := &Import{Decorators: ds}
		p.next()
		p.skipNewLines()
		for p.kind() != RightBrace && p.kind() != EndOfFile {
			before := p.i
			is := p.off()
			it := &ImportItem{}
			switch p.kind() {
			case Identifier:
				it.Name = p.ident("", "")
			case StringComplete:
				it.Name = p.str()
			default:
				p.expected("a name to import", "")
				p.skipLine(true)
			}
			if p.isWord("as") {
				p.next()
				it.Alias = p.ident("a name", `"as"`)
			}
			if it.Name != nil {
				it.Span = p.from(is)
				s.Items = append(s.Items, it)
			}
			switch p.kind() {
			case Comma, NewLine:
				p.next()
				p.skipNewLines()
			case RightBrace:
			default:
				p.expected(`"," or "}"`, "the imported name")
				p.skipLine(true)
			}
			if p.i == before {
				p.next()
			}
		}
		p.expect(RightBrace, "the imported names")
		s.From = p.importFrom()
		s.Span = p.from(start)
		return s
	case k == Asterisk:
		p.next()
		s := &Import{Decorators: ds}
		if p.isWord("as") {
			p.next()
			s.Wildcard = p.ident("a namespace name", `"as"`)
		} else {
			p.expected(`"as" and a namespace name`, `"import *"`)
		}
		s.From = p.importFrom()
		s.Span = p.from(start)
		return s
	}
	p.expected(`"{" or "*"`, `"import"`)
	p.skipLine(false)
	return &BadStmt{Span: p.from(start)}
}

func (p *parser) importFrom() *StringLit {
	if !p.isWord("from") {
		p.expected(`"from" and the path of the file to import from`, "the imported names")
		return nil
	}
	p.next()
	return p.path("the path of the file to import from", `"from"`)
}

func (p *parser) extension(start int, ds []*Decorator, keyword string) Stmt {
	s := &Extension{Decorators: ds, Keyword: keyword}
	switch k := p.kind(); {
	case isString(k):
		s.Spec = p.str()
	case k == Identifier:
		s.Spec = p.ident("", "")
	default:
		p.expected("the name of an extension", strconv.Quote(keyword))
	}
	if p.isWord("with") {
		p.next()
		s.Config = p.objectValue(`"with"`)
	}
	if p.isWord("as") {
		p.next()
		s.Alias = p.ident("an alias", `"as"`)
	}
	if k := p.kind(); k != NewLine && k != EndOfFile {
		p.expected(`"with", "as" or the end of the line`, "the extension")
	}
	s.Span = p.from(start)
	return s
}

// objectValue parses an object where only an object may stand.
func (p *parser) objectValue(after string) Expr {
	if p.kind() != LeftBrace {
		p.expected(`"{"`, after)
		return p.bad()
	}
	return p.object(false)
}

func (p *parser) using(start int) Stmt {
	p.next()
	s := &Using{}
	if p.isWord("none") {
		p.next()
	} else {
		s.Path = p.path(`the path of the template such as './main.bicep', or "none"`, `"using"`)
	}
	if p.isWord("with") {
		p.next()
		s.Config = p.objectValue(`"with"`)
	}
	s.Span = p.from(start)
	return s
}

func (p *parser) extensionConfig(start int) Stmt {
	p.next()
	s := &ExtensionConfig{Name: p.ident("an extension name", `"extensionConfig"`)}
	if p.isWord("with") {
		p.next()
		s.Value = p.objectValue(`"with"`)
	} else {
		p.expected(`"with" and an object`, "the extension name")
	}
	s.Span = p.from(start)
	return s
}
