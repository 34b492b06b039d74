package bicep

// typeExpr parses a type: a union of members separated by "|", which may
// start with one, and whose "|" may start a new line. With lead, line
// breaks may come before the type, as after "type name ="; a union that
// starts with "|" may start on the next line anywhere a type goes, as in
// "param mode" followed by lines that each start with "|".
func (p *parser) typeExpr(lead bool) Type {
	start := p.off()
	if (lead || p.kind() == NewLine && p.peekPastNewLines().Kind == Pipe) && p.peekPastNewLines().Kind != EndOfFile {
		p.skipNewLines()
		start = p.off()
	}
	if !p.enter() {
		return &BadType{Span: p.from(start)}
	}
	defer p.leave()
	leading := false
	if p.kind() == Pipe {
		leading = true
		p.next()
	}
	first := p.unionMember()
	start = min(start, p.offOf(first))
	if !leading && p.peekPastNewLines().Kind != Pipe {
		return first
	}
	u := &UnionType{Members: []Type{first}}
	for p.peekPastNewLines().Kind == Pipe {
		p.skipNewLines()
		p.next()
		if p.kind() == NewLine {
			p.expected("a type", `"|"`)
			break
		}
		u.Members = append(u.Members, p.unionMember())
	}
	u.Span = p.from(start)
	return u
}

func (p *parser) unionMember() Type {
	start := p.off()
	var t Type
	if k := p.kind(); k == Exclamation || k == Minus {
		p.next()
		x := p.primary()
		t = &LitType{X: &Unary{Op: k, X: x, Span: p.from(start)}, Span: p.from(start)}
		t = p.typePostfix(t)
	} else {
		t = p.typePostfix(p.primaryType())
	}
	start = min(start, p.offOf(t))
	for {
		switch p.kind() {
		case Question:
			p.next()
			t = &NullableType{X: t, Span: p.from(start)}
		case Exclamation:
			p.next()
			t = &NonNullType{X: t, Span: p.from(start)}
		default:
			return t
		}
	}
}

// typePostfix parses the [], [*], [n], .name and .* after a type.
func (p *parser) typePostfix(t Type) Type {
	if _, bad := t.(*BadType); bad {
		return t
	}
	start := p.offOf(t)
	for {
		switch p.kind() {
		case LeftSquare:
			p.next()
			switch p.kind() {
			case RightSquare:
				p.next()
				t = &ArrayType{Elem: t, Span: p.from(start)}
				continue
			case Asterisk:
				p.next()
				p.expect(RightSquare, `"[*"`)
				t = &TypeIndex{X: t, Span: p.from(start)}
				continue
			}
			ix := p.expr()
			p.expect(RightSquare, "the index")
			t = &TypeIndex{X: t, Index: ix, Span: p.from(start)}
		case Dot:
			p.next()
			if p.kind() == Asterisk {
				p.next()
				t = &TypeMember{X: t, Span: p.from(start)}
				continue
			}
			name := p.ident(`a property name or "*"`, `"."`)
			if name == nil {
				return t
			}
			m := &TypeMember{X: t, Name: name}
			if p.kind() == LeftChevron {
				m.Args = p.typeArgs()
			}
			m.Span = p.from(start)
			t = m
		default:
			return t
		}
	}
}

func (p *parser) primaryType() Type {
	start := p.off()
	switch p.kind() {
	case Integer, TrueKeyword, FalseKeyword, NullKeyword, StringComplete, StringLeftPiece:
		x := p.primary()
		return &LitType{X: x, Span: p.from(start)}
	case LeftBrace:
		return p.objectType()
	case LeftSquare:
		return p.tupleType()
	case LeftParen:
		p.next()
		p.skipNewLines()
		x := p.typeExpr(false)
		p.skipNewLines()
		p.expect(RightParen, "the type")
		return &ParenType{X: x, Span: p.from(start)}
	case Identifier:
		n := &TypeName{Name: p.ident("", "")}
		if p.kind() == LeftChevron {
			n.Args = p.typeArgs()
		}
		n.Span = p.from(start)
		return n
	}
	p.expected("a type such as string, int, bool, object or array", "")
	return &BadType{Span: p.from(start)}
}

// typeArgs parses <T, ...> after a parameterised type name.
func (p *parser) typeArgs() []Type {
	p.next() // <
	var args []Type
	for {
		before := p.i
		p.skipNewLines()
		args = append(args, p.typeExpr(false))
		p.skipNewLines()
		if p.kind() != Comma || p.i == before {
			break
		}
		p.next()
	}
	if !p.expect(RightChevron, "the type arguments") {
		p.skipLine(true)
	}
	return args
}

func (p *parser) objectType() Type {
	start := p.off()
	p.next()
	o := &ObjectType{Props: []*TypeProp{}}
	p.skipNewLines()
	for p.kind() != RightBrace && p.kind() != EndOfFile {
		before := p.i
		ps := p.off()
		prop := &TypeProp{Decorators: p.decorators()}
		switch t := p.tok(); t.Kind {
		case Identifier:
			prop.Key = p.ident("", "")
		case StringComplete, StringLeftPiece:
			prop.Key = p.str()
		case Asterisk:
			p.next()
		default:
			p.expected(`a property name or "*"`, "")
			p.skipLine(true)
			prop = nil
		}
		if prop != nil {
			if p.expect(Colon, "the property name") {
				prop.Type = p.typeExpr(false)
			} else {
				prop.Type = &BadType{Span: p.from(p.off())}
				p.skipLine(true)
			}
			prop.Span = p.from(ps)
			o.Props = append(o.Props, prop)
		}
		p.separator("the property")
		if p.i == before {
			p.next()
		}
	}
	p.expect(RightBrace, "the properties of the object type")
	o.Span = p.from(start)
	return o
}

func (p *parser) tupleType() Type {
	start := p.off()
	p.next()
	tt := &TupleType{Items: []*TupleItem{}}
	p.skipNewLines()
	for p.kind() != RightSquare && p.kind() != EndOfFile {
		before := p.i
		is := p.off()
		it := &TupleItem{Decorators: p.decorators()}
		it.Type = p.typeExpr(false)
		it.Span = p.from(is)
		tt.Items = append(tt.Items, it)
		p.separator("the item")
		if p.i == before {
			p.next()
		}
	}
	p.expect(RightSquare, "the items of the tuple type")
	tt.Span = p.from(start)
	return tt
}
