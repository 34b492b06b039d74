package bicep

import (
	"strconv"

	"github.com/lhlint/lhlint/internal/model"
)

// precedence of the binary operators; higher binds tighter. The levels are
// the Bicep compiler's: ?? below || below &&, then equality, comparison,
// additive and multiplicative operators.
func precedence(k Kind) int {
	switch k {
	case DoubleQuestion:
		return 1
	case LogicalOr:
		return 2
	case LogicalAnd:
		return 3
	case Equals, NotEquals, EqualsInsensitive, NotEqualsInsensitive:
		return 4
	case LessThanOrEqual, GreaterThanOrEqual, LeftChevron, RightChevron:
		return 5
	case Plus, Minus:
		return 6
	case Asterisk, Slash, Modulo:
		return 7
	}
	return 0
}

// expr parses an expression: a binary expression, possibly the condition
// of a ternary, whose ? and : may start a new line.
func (p *parser) expr() Expr {
	start := p.off()
	if !p.enter() {
		return &BadExpr{Span: p.from(start)}
	}
	defer p.leave()
	x := p.binary(1)
	if p.peekPastNewLines().Kind != Question {
		return x
	}
	p.skipNewLines()
	p.next()
	start = p.offOf(x)
	t := &Ternary{Cond: x, Then: p.expr()}
	if p.peekPastNewLines().Kind == Colon {
		p.skipNewLines()
	}
	if p.expect(Colon, "the value if true") {
		t.Else = p.expr()
	} else {
		t.Else = p.bad()
	}
	t.Span = p.from(start)
	return t
}

func (p *parser) binary(min int) Expr {
	x := p.unary()
	if isBad(x) {
		return x // the operand's error says enough; the rest of the line is skipped
	}
	start := p.offOf(x)
	for {
		op := p.kind()
		prec := precedence(op)
		if prec == 0 || prec < min {
			return x
		}
		p.next()
		y := p.binary(prec + 1)
		x = &Binary{Op: op, X: x, Y: y, Span: p.from(start)}
	}
}

func (p *parser) unary() Expr {
	start := p.off()
	if k := p.kind(); k == Exclamation || k == Minus {
		p.next()
		x := p.postfix(p.primary())
		return &Unary{Op: k, X: x, Span: p.from(start)}
	}
	return p.postfix(p.primary())
}

// postfix parses the member accesses, indexes, calls and ! after x, unless
// x could not be parsed.
func (p *parser) postfix(x Expr) Expr {
	if _, bad := x.(*BadExpr); bad {
		return x
	}
	return p.postfixOf(x)
}

func (p *parser) postfixOf(x Expr) Expr {
	start := p.offOf(x)
	for {
		switch p.kind() {
		case LeftSquare:
			p.next()
			ix := &Index{X: x}
			if p.kind() == Question {
				p.next()
				ix.Safe = true
			}
			if p.kind() == Hat {
				p.next()
				ix.FromEnd = true
			}
			if p.kind() == RightSquare {
				p.expected("an index", `"["`)
				ix.Index = p.bad()
			} else {
				ix.Index = p.expr()
			}
			if !p.expect(RightSquare, "the index") {
				p.skipLine(true)
				if p.kind() == RightSquare {
					p.next()
				}
			}
			ix.Span = p.from(start)
			x = ix
		case Dot:
			p.next()
			safe := false
			if p.kind() == Question {
				p.next()
				safe = true
			}
			after := `"."`
			if safe {
				after = `".?"`
			}
			name := p.ident("a property or function name", after)
			if name == nil {
				return &Member{X: x, Safe: safe, Span: p.from(start)}
			}
			if !safe && p.kind() == LeftParen {
				x = &Call{X: x, Name: name, Args: p.args(name.Name), Span: p.from(start)}
			} else {
				x = &Member{X: x, Name: name, Safe: safe, Span: p.from(start)}
			}
		case DoubleColon:
			p.next()
			name := p.ident("the name of a nested resource", `"::"`)
			x = &ResourceAccess{X: x, Name: name, Span: p.from(start)}
			if name == nil {
				return x
			}
		case Exclamation:
			p.next()
			x = &NonNull{X: x, Span: p.from(start)}
		default:
			return x
		}
	}
}

// args parses the arguments of a call to name: newlines may follow "(" and
// each ",", and come before ")".
func (p *parser) args(name string) []Expr {
	p.next() // (
	p.skipNewLinesUnlessDecl()
	if p.kind() == RightParen {
		p.next()
		return []Expr{}
	}
	base := len(p.items)
	p.argList(name)
	return pop(&p.items, &p.itemSets, base)
}

// argList stacks the arguments of a call to name on p.items.
func (p *parser) argList(name string) {
	for {
		before := p.i
		arg := p.expr()
		p.items = append(p.items, arg) // after parsing it, which may grow the stack
		switch p.kind() {
		case Comma:
			p.next()
			p.skipNewLinesUnlessDecl()
			if p.kind() == RightParen {
				p.expected("an argument", `","`)
				p.next()
				return
			}
		case RightParen:
			p.next()
			return
		case NewLine:
			p.skipNewLinesUnlessDecl()
			if p.kind() == RightParen {
				p.next()
				return
			}
			p.expected(`"," before the line break, or ")"`, "the argument of "+name)
			if p.kind() == Comma {
				p.next()
				p.skipNewLines()
			}
		default:
			p.expected(`"," or ")"`, "the argument of "+name)
			p.skipLine(true)
			if p.kind() == RightParen {
				p.next()
			}
			return
		}
		if k := p.kind(); k == EndOfFile || p.i == before {
			return
		}
	}
}

// primary parses a literal, a name, a call, a parenthesised expression or
// a lambda.
func (p *parser) primary() Expr {
	t := p.tok()
	switch t.Kind {
	case Integer:
		p.next()
		n := &IntLit{Span: p.span(t.Off, t.End), Text: p.text(t)}
		v, err := strconv.ParseUint(n.Text, 10, 64)
		if err != nil {
			p.errorf(n.Span, "integer %s is too large", n.Text)
		}
		n.Value = v
		return n
	case TrueKeyword, FalseKeyword:
		p.next()
		return &BoolLit{Span: p.span(t.Off, t.End), Value: t.Kind == TrueKeyword}
	case NullKeyword:
		p.next()
		return &NullLit{Span: p.span(t.Off, t.End)}
	case StringComplete, StringLeftPiece:
		return p.str()
	case LeftBrace:
		return p.object(false)
	case LeftSquare:
		return p.array(false)
	case LeftParen:
		return p.parenOrLambda()
	case Identifier:
		id := p.newIdent(t)
		p.next()
		switch p.kind() {
		case Arrow:
			return p.lambda(t.Off, []*Ident{id})
		case LeftParen:
			return &Call{Name: id, Args: p.args(id.Name), Span: p.from(t.Off)}
		}
		return id
	}
	after := ""
	if p.i > 0 && p.toks[p.i-1].Kind != NewLine {
		after = quoteText(p.text(p.toks[p.i-1]))
	}
	p.expected("an expression", after)
	return p.bad()
}

func (p *parser) lambda(start int, params []*Ident) Expr {
	p.next() // =>
	p.skipNewLinesUnlessDecl()
	l := &Lambda{Params: params, Body: p.expr()}
	l.Span = p.from(start)
	return l
}

// paren parses ( expr ), where newlines may follow "(" and come before ")".
func (p *parser) paren() Expr {
	start := p.off()
	p.next()
	p.skipNewLinesUnlessDecl()
	x := p.expr()
	p.skipNewLinesUnlessDecl()
	if !p.expect(RightParen, "the expression") {
		p.skipLine(true)
		if p.kind() == RightParen {
			p.next()
		}
	}
	return &Paren{X: x, Span: p.from(start)}
}

// parenOrLambda parses ( items ), which is a lambda's parameters when =>
// follows and else must hold one expression.
func (p *parser) parenOrLambda() Expr {
	start := p.off()
	p.next()
	p.skipNewLinesUnlessDecl()
	var items []Expr
	for p.kind() != RightParen && p.kind() != EndOfFile && p.kind() != NewLine {
		before := p.i
		items = append(items, p.expr())
		p.skipNewLinesUnlessDecl()
		if p.kind() == Comma {
			p.next()
			p.skipNewLinesUnlessDecl()
		} else if p.kind() != RightParen {
			p.expected(`")"`, "the expression")
			p.skipLine(true)
			break
		}
		if p.i == before {
			break
		}
	}
	if p.kind() == RightParen {
		p.next()
	} else {
		p.expected(`")"`, `"("`)
	}
	if p.kind() == Arrow {
		params := make([]*Ident, 0, len(items))
		for _, it := range items {
			if id, ok := it.(*Ident); ok {
				params = append(params, id)
			} else if _, bad := it.(*BadExpr); !bad {
				p.errorf(p.span(p.offOf(it), p.f.Offset(it.End())), "expected a parameter name of the lambda, found an expression")
			}
		}
		return p.lambda(start, params)
	}
	if len(items) != 1 {
		p.errorf(p.from(start), "expected one expression between the parentheses, found %d", len(items))
		if len(items) == 0 {
			return &Paren{X: &BadExpr{Span: p.from(start)}, Span: p.from(start)}
		}
	}
	return &Paren{X: items[0], Span: p.from(start)}
}

// str parses a string, with its interpolations.
func (p *parser) str() *StringLit {
	t := p.tok()
	p.next()
	s := p.strs.new()
	s.Multi = t.Multi
	if t.Kind == StringComplete {
		s.Parts = p.parts.one()
		s.Parts[0] = t.Val
		s.Span = p.span(t.Off, t.End)
		return s
	}
	s.Parts = []string{t.Val}
	for {
		hole := p.expr()
		s.Holes = append(s.Holes, hole)
		if lit := complexLiteral(hole); lit != nil {
			p.errorf(model.Span{StartPos: lit.Pos(), EndPos: lit.End()}, "an object or array cannot be written inside ${...}; declare it in a variable")
		}
		if k := p.kind(); k != StringMiddlePiece && k != StringRightPiece {
			p.expected(`"}" to close the ${...} of the string`, "the expression")
			p.skipLine(true)
		}
		switch t := p.tok(); t.Kind {
		case StringMiddlePiece:
			s.Parts = append(s.Parts, t.Val)
			p.next()
			continue
		case StringRightPiece:
			s.Parts = append(s.Parts, t.Val)
			p.next()
		default:
			s.Parts = append(s.Parts, "")
		}
		s.Span = p.from(t.Off)
		return s
	}
}

// object parses { members }: properties, spreads and nested resources,
// separated by a comma or line breaks but not both.
func (p *parser) object(resourceBody bool) Expr {
	start := p.off()
	if !p.enter() {
		return &BadExpr{Span: p.from(start)}
	}
	defer p.leave()
	p.next()
	o := p.objects.new()
	base := len(p.members)
	p.skipNewLines()
	for p.kind() != RightBrace && p.kind() != EndOfFile {
		if p.atDeclStart(resourceBody) {
			p.errorf(p.span(p.lastEnd, p.lastEnd), `expected "}" to close the object before the next declaration`)
			o.Members = pop(&p.members, &p.memberSets, base)
			o.Span = p.from(start)
			return o
		}
		before := p.i
		if m := p.member(resourceBody); m != nil {
			p.members = append(p.members, m)
		}
		p.separator("the property")
		if p.i == before {
			p.next()
		}
	}
	o.Members = pop(&p.members, &p.memberSets, base)
	p.expect(RightBrace, "the properties of the object")
	o.Span = p.from(start)
	return o
}

// separator consumes what separates two members of an object or items of
// an array: one comma, or line breaks.
func (p *parser) separator(after string) {
	switch p.kind() {
	case Comma:
		c := p.tok()
		p.next()
		if p.kind() == NewLine {
			p.errorf(p.span(c.Off, c.End), "a comma cannot end a line here; separate items with a comma or a line break but not both")
		}
	case NewLine, RightBrace, RightSquare, EndOfFile:
	default:
		if p.afterNewLine() {
			break // an unclosed array or object before read the line break
		}
		p.expected("a comma or a line break", after)
		p.skipLine(true)
	}
	p.skipNewLines()
}

func (p *parser) member(resourceBody bool) Node {
	start := p.off()
	t := p.tok()
	switch {
	case resourceBody && (t.Kind == At || p.isWord("resource") && p.peek(1).Kind == Identifier):
		ds := p.decorators()
		if !p.isWord("resource") {
			if len(ds) > 0 && (p.kind() == RightBrace || p.kind() == EndOfFile) {
				p.errorf(ds[len(ds)-1].Span, "expected a nested resource declaration after the decorator, found %s", p.describe(p.tok()))
			} else {
				p.expected("a nested resource declaration", "the decorator")
			}
			p.skipLine(true)
			return nil
		}
		return p.resource(start, ds)
	case t.Kind == Ellipsis:
		p.next()
		return &Spread{X: p.expr(), Span: p.from(start)}
	}
	var key Expr
	switch t.Kind {
	case Identifier:
		key = p.ident("", "")
	case StringComplete, StringLeftPiece:
		key = p.str()
	case TrueKeyword, FalseKeyword, NullKeyword:
		p.errorf(p.tokSpan(t), "expected a property name, found %s; quote it as '%s'", p.describe(t), p.text(t))
		p.skipLine(true)
		return nil
	default:
		p.expected("a property name", "")
		p.skipLine(true)
		return nil
	}
	pr := p.props.new()
	pr.Key = key
	if p.expect(Colon, "the property name") {
		pr.Value = p.expr()
	} else {
		pr.Value = p.bad()
		p.skipLine(true)
	}
	pr.Span = p.from(start)
	return pr
}

// array parses [ items ] or a for-expression [for ...: body]. In a
// resource or module value (decl), the body may be an if-body.
func (p *parser) array(decl bool) Expr {
	start := p.off()
	if !p.enter() {
		return &BadExpr{Span: p.from(start)}
	}
	defer p.leave()
	p.next()
	p.skipNewLines()
	if p.isWord("for") {
		return p.forExpr(start, decl)
	}
	a := p.arrays.new()
	base := len(p.items)
	for p.kind() != RightSquare && p.kind() != EndOfFile {
		if what := p.unclosedArray(); what != "" {
			p.errorf(p.span(p.lastEnd, p.lastEnd), `expected "]" to close the array before the next %s`, what)
			a.Items = pop(&p.items, &p.itemSets, base)
			a.Span = p.from(start)
			return a
		}
		before := p.i
		var it Expr
		if p.kind() == Ellipsis {
			s := p.off()
			p.next()
			it = &Spread{X: p.expr(), Span: p.from(s)}
		} else {
			it = p.expr()
		}
		p.items = append(p.items, it) // after parsing it, which may grow the stack
		p.separator("the item")
		if p.i == before {
			p.next()
		}
	}
	a.Items = pop(&p.items, &p.itemSets, base)
	p.expect(RightSquare, "the items of the array")
	a.Span = p.from(start)
	return a
}

func (p *parser) forExpr(start int, decl bool) Expr {
	p.next() // for
	f := &ForExpr{}
	if p.kind() == LeftParen {
		p.next()
		f.Item = p.ident("the item variable", `"("`)
		if p.expect(Comma, "the item variable") {
			f.Index = p.ident("the index variable", `","`)
		}
		if !p.expect(RightParen, "the index variable") {
			p.skipLine(true)
			if p.kind() == RightParen {
				p.next()
			}
		}
	} else {
		f.Item = p.ident("a loop variable", `"for"`)
	}
	if p.isWord("in") {
		p.next()
		f.Iterable = p.expr()
	} else {
		p.expected(`"in"`, "the loop variable")
		f.Iterable = p.bad()
	}
	if p.expect(Colon, "the collection of the loop") {
		switch {
		case !decl:
			f.Body = p.expr()
		case p.kind() == LeftBrace:
			f.Body = p.object(true)
		case p.isWord("if"):
			f.Body = p.ifBody()
		default:
			p.expected(`"{" or "if"`, `":" in the loop`)
			f.Body = p.bad()
		}
	} else {
		f.Body = p.bad()
	}
	p.skipNewLinesUnlessDecl()
	if !p.expect(RightSquare, "the body of the loop") {
		p.skipLine(true)
		if p.kind() == RightSquare {
			p.next()
		}
	}
	f.Span = p.from(start)
	return f
}

// declKeywords start a declaration at the start of a line, when a name
// follows them.
var declKeywords = map[string]bool{
	"param": true, "var": true, "output": true, "resource": true, "module": true,
	"type": true, "func": true, "metadata": true, "test": true, "assert": true,
}

// atDeclStart reports whether the current token starts a line with what
// can only be a new declaration, which means the object or array before it
// was not closed. In a resource body, resource starts a nested resource
// instead.
func (p *parser) atDeclStart(inResourceBody bool) bool {
	if !p.afterNewLine() || p.kind() != Identifier || p.peek(1).Kind != Identifier {
		return false
	}
	switch w := p.text(p.tok()); w {
	case "resource", "module", "test":
		return isString(p.peek(2).Kind) && !(inResourceBody && w == "resource")
	default:
		return declKeywords[w]
	}
}

// unclosedArray says what comes after an array that was not closed, when
// the line at hand starts a declaration or an object property; else "".
func (p *parser) unclosedArray() string {
	switch {
	case p.atDeclStart(false):
		return "declaration"
	case p.afterNewLine() && p.kind() == Identifier && p.peek(1).Kind == Colon:
		return "property"
	}
	return ""
}

// skipNewLinesUnlessDecl skips line breaks where they are allowed inside
// an expression, unless a declaration follows them: then what is open was
// not closed, and the error is better reported where the line ends.
func (p *parser) skipNewLinesUnlessDecl() {
	i := p.i
	p.skipNewLines()
	if p.atDeclStart(false) {
		p.i = i
	}
}

// complexLiteral returns the object or array literal that x is or starts
// with, which Bicep does not allow inside ${...}.
func complexLiteral(x Expr) Expr {
	for {
		switch n := x.(type) {
		case *ObjectLit, *ArrayLit, *ForExpr:
			return n
		case *Member:
			x = n.X
		case *Index:
			x = n.X
		case *NonNull:
			x = n.X
		case *Call:
			if n.X == nil {
				return nil
			}
			x = n.X
		default:
			return nil
		}
	}
}
