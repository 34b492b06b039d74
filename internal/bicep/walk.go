package bicep

// Inspect calls f for n and then, when f returns true, for each child of n
// in source order, depth first, as go/ast.Inspect does. Nil children are
// skipped. The lowering and rules about the tree use it to find every
// reference or call without a switch over every node type of their own.
func Inspect(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	// Most nodes have a few children: collecting them on the stack keeps
	// a walk of a file from allocating once per node.
	var buf [8]Node
	for _, c := range children(buf[:0], n) {
		Inspect(c, f)
	}
}

// children appends the non-nil children of n to out, in source order.
func children(out []Node, n Node) []Node {
	add := func(cs ...Node) {
		for _, c := range cs {
			if !isNil(c) {
				out = append(out, c)
			}
		}
	}
	decorators := func(ds []*Decorator) {
		for _, d := range ds {
			add(d)
		}
	}
	exprs := func(xs []Expr) {
		for _, x := range xs {
			add(x)
		}
	}
	switch n := n.(type) {
	case *StringLit:
		exprs(n.Holes)
	case *ObjectLit:
		add(n.Members...)
	case *Property:
		add(n.Key, n.Value)
	case *ArrayLit:
		exprs(n.Items)
	case *Spread:
		add(n.X)
	case *ForExpr:
		add(n.Item, n.Index, n.Iterable, n.Body)
	case *IfBody:
		add(n.Cond, n.Body)
	case *Paren:
		add(n.X)
	case *Lambda:
		for _, p := range n.Params {
			add(p)
		}
		add(n.Body)
	case *Call:
		add(n.X, n.Name)
		exprs(n.Args)
	case *Member:
		add(n.X, n.Name)
	case *Index:
		add(n.X, n.Index)
	case *ResourceAccess:
		add(n.X, n.Name)
	case *NonNull:
		add(n.X)
	case *Unary:
		add(n.X)
	case *Binary:
		add(n.X, n.Y)
	case *Ternary:
		add(n.Cond, n.Then, n.Else)
	case *TypeName:
		add(n.Name)
		for _, a := range n.Args {
			add(a)
		}
	case *LitType:
		add(n.X)
	case *ObjectType:
		for _, p := range n.Props {
			add(p)
		}
	case *TypeProp:
		decorators(n.Decorators)
		add(n.Key, n.Type)
	case *TupleType:
		for _, it := range n.Items {
			add(it)
		}
	case *TupleItem:
		decorators(n.Decorators)
		add(n.Type)
	case *UnionType:
		for _, m := range n.Members {
			add(m)
		}
	case *NullableType:
		add(n.X)
	case *NonNullType:
		add(n.X)
	case *ArrayType:
		add(n.Elem)
	case *TypeMember:
		add(n.X, n.Name)
		for _, a := range n.Args {
			add(a)
		}
	case *TypeIndex:
		add(n.X, n.Index)
	case *ParenType:
		add(n.X)
	case *Decorator:
		add(n.X)
	case *TargetScope:
		decorators(n.Decorators)
		add(n.Value)
	case *Metadata:
		decorators(n.Decorators)
		add(n.Name, n.Value)
	case *Param:
		decorators(n.Decorators)
		add(n.Name, n.Type, n.ResourceType, n.Value)
	case *Var:
		decorators(n.Decorators)
		add(n.Name, n.Type, n.Value)
	case *Output:
		decorators(n.Decorators)
		add(n.Name, n.Type, n.ResourceType, n.Value)
	case *Resource:
		decorators(n.Decorators)
		add(n.Name, n.Type, n.Value)
	case *Module:
		decorators(n.Decorators)
		add(n.Name, n.Path, n.Value)
	case *TypeDecl:
		decorators(n.Decorators)
		add(n.Name, n.Type)
	case *Func:
		decorators(n.Decorators)
		add(n.Name)
		for _, p := range n.Params {
			add(p)
		}
		add(n.Result, n.Body)
	case *FuncParam:
		add(n.Name, n.Type)
	case *Import:
		decorators(n.Decorators)
		for _, it := range n.Items {
			add(it)
		}
		add(n.Wildcard, n.From)
	case *ImportItem:
		add(n.Name, n.Alias)
	case *Extension:
		decorators(n.Decorators)
		add(n.Spec, n.Config, n.Alias)
	case *Test:
		decorators(n.Decorators)
		add(n.Name, n.Path, n.Value)
	case *Assert:
		decorators(n.Decorators)
		add(n.Name, n.Value)
	case *Using:
		add(n.Path, n.Config)
	case *Extends:
		add(n.Path)
	case *ExtensionConfig:
		add(n.Name, n.Value)
	}
	return out
}

// isNil reports whether n is nil or a nil pointer in an interface, as an
// optional child (a *StringLit or *Ident field) is when absent.
func isNil(n Node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *Ident:
		return n == nil
	case *StringLit:
		return n == nil
	case *ObjectLit:
		return n == nil
	}
	return false
}
