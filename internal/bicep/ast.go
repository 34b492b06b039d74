package bicep

import (
	"go/token"

	"github.com/lhlint/lhlint/internal/model"
)

// Node is any node of the syntax tree. Every node has the span of the
// source text it was parsed from, so a finding can point at it.
type Node interface {
	Pos() token.Pos
	End() token.Pos
}

// Expr is an expression: a literal, a reference, an operation, a call, an
// object or an array, a for-expression or a lambda.
type Expr interface {
	Node
	exprNode()
}

// Type is a type expression, as written after a parameter name, in a type
// declaration or in a function signature.
type Type interface {
	Node
	typeNode()
}

// Stmt is a top-level declaration of a .bicep or .bicepparam file. A
// nested resource is a Stmt too, as a member of a resource body.
type Stmt interface {
	Node
	stmtNode()
}

// Ident is a name: of a symbol, a function, a property or a keyword used as
// one. Bicep names are case-sensitive.
type Ident struct {
	model.Span
	Name string
}

// IntLit is an integer literal. Bicep has no fractions; a negative number
// is a Unary minus over an IntLit.
type IntLit struct {
	model.Span
	Text  string
	Value uint64 // 0 when Text is out of range, which is reported
}

// BoolLit is true or false.
type BoolLit struct {
	model.Span
	Value bool
}

// NullLit is null.
type NullLit struct{ model.Span }

// StringLit is a string, interpolated or not: Parts[0], then Holes[0],
// Parts[1], ... Parts[len(Holes)]. Parts have their escapes decoded.
// Multi marks a ”' string, whose text is verbatim.
type StringLit struct {
	model.Span
	Parts []string
	Holes []Expr
	Multi bool
}

// ObjectLit is { members }. A member is a *Property, a *Spread or, in a
// resource body, a nested *Resource declaration.
type ObjectLit struct {
	model.Span
	Members []Node
}

// Property is key: value inside an object. Key is an *Ident or a
// *StringLit (possibly interpolated).
type Property struct {
	model.Span
	Key   Expr
	Value Expr
}

// ArrayLit is [ items ]; an item may be a *Spread.
type ArrayLit struct {
	model.Span
	Items []Expr
}

// Spread is ...X inside an object or an array.
type Spread struct {
	model.Span
	X Expr
}

// ForExpr is [for Item in Iterable: Body] or [for (Item, Index) in ...].
// In a resource or module value Body may be an *IfBody.
type ForExpr struct {
	model.Span
	Item     *Ident
	Index    *Ident // nil without an index variable
	Iterable Expr
	Body     Expr
}

// IfBody is if (Cond) { ... }, the value of a conditional resource or
// module.
type IfBody struct {
	model.Span
	Cond Expr
	Body Expr // an *ObjectLit, or a *BadExpr
}

// Paren is (X).
type Paren struct {
	model.Span
	X Expr
}

// Lambda is Params => Body. Parenthesised parameters may be written
// without names: () => x.
type Lambda struct {
	model.Span
	Params []*Ident
	Body   Expr
}

// Call is Name(Args), or X.Name(Args) for a call on a namespace (sys, az,
// an import alias) or an instance (a resource's listKeys()).
type Call struct {
	model.Span
	X    Expr // nil for a plain call
	Name *Ident
	Args []Expr
}

// Member is X.Name, or X.?Name when Safe (null when missing).
type Member struct {
	model.Span
	X    Expr
	Name *Ident
	Safe bool
}

// Index is X[Index]; X[?Index] when Safe; X[^Index] (from the end) when
// FromEnd.
type Index struct {
	model.Span
	X       Expr
	Index   Expr
	Safe    bool
	FromEnd bool
}

// ResourceAccess is X::Name, a nested resource of X.
type ResourceAccess struct {
	model.Span
	X    Expr
	Name *Ident
}

// NonNull is X!, which asserts that X is not null.
type NonNull struct {
	model.Span
	X Expr
}

// Unary is !X or -X.
type Unary struct {
	model.Span
	Op Kind // Exclamation or Minus
	X  Expr
}

// Binary is X Op Y.
type Binary struct {
	model.Span
	Op   Kind
	X, Y Expr
}

// Ternary is Cond ? Then : Else.
type Ternary struct {
	model.Span
	Cond, Then, Else Expr
}

// BadExpr stands where an expression could not be parsed; the error is
// reported.
type BadExpr struct{ model.Span }

func (*Ident) exprNode()          {}
func (*IntLit) exprNode()         {}
func (*BoolLit) exprNode()        {}
func (*NullLit) exprNode()        {}
func (*StringLit) exprNode()      {}
func (*ObjectLit) exprNode()      {}
func (*ArrayLit) exprNode()       {}
func (*Spread) exprNode()         {}
func (*ForExpr) exprNode()        {}
func (*IfBody) exprNode()         {}
func (*Paren) exprNode()          {}
func (*Lambda) exprNode()         {}
func (*Call) exprNode()           {}
func (*Member) exprNode()         {}
func (*Index) exprNode()          {}
func (*ResourceAccess) exprNode() {}
func (*NonNull) exprNode()        {}
func (*Unary) exprNode()          {}
func (*Binary) exprNode()         {}
func (*Ternary) exprNode()        {}
func (*BadExpr) exprNode()        {}

// TypeName is a named type: string, int, bool, object, array, a declared
// type, or a parameterised one such as resourceInput<'T@v'> (Args set).
type TypeName struct {
	model.Span
	Name *Ident
	Args []Type
}

// LitType is a literal used as a type: 'a', 1, -1, true, !false, null.
type LitType struct {
	model.Span
	X Expr
}

// ObjectType is { props } as a type.
type ObjectType struct {
	model.Span
	Props []*TypeProp
}

// TypeProp is a property of an object type. Key is an *Ident, a
// *StringLit, or nil for * (any other property).
type TypeProp struct {
	model.Span
	Decorators []*Decorator
	Key        Expr
	Type       Type
}

// TupleType is [ items ] as a type.
type TupleType struct {
	model.Span
	Items []*TupleItem
}

// TupleItem is one item of a tuple type.
type TupleItem struct {
	model.Span
	Decorators []*Decorator
	Type       Type
}

// UnionType is A | B | ...
type UnionType struct {
	model.Span
	Members []Type
}

// NullableType is X?.
type NullableType struct {
	model.Span
	X Type
}

// NonNullType is X!.
type NonNullType struct {
	model.Span
	X Type
}

// ArrayType is X[].
type ArrayType struct {
	model.Span
	Elem Type
}

// TypeMember is X.Name: a qualified type (sys.string) or a property of an
// object type; Name is nil for X.* (the additional properties).
type TypeMember struct {
	model.Span
	X    Type
	Name *Ident
	Args []Type // type arguments, as in sys.resourceInput<'T@v'>
}

// TypeIndex is X[Index] (an item of a tuple type), or X[*] (the items of
// an array type) with Index nil.
type TypeIndex struct {
	model.Span
	X     Type
	Index Expr
}

// ParenType is (X).
type ParenType struct {
	model.Span
	X Type
}

// BadType stands where a type could not be parsed; the error is reported.
type BadType struct{ model.Span }

func (*TypeName) typeNode()     {}
func (*LitType) typeNode()      {}
func (*ObjectType) typeNode()   {}
func (*TupleType) typeNode()    {}
func (*UnionType) typeNode()    {}
func (*NullableType) typeNode() {}
func (*NonNullType) typeNode()  {}
func (*ArrayType) typeNode()    {}
func (*TypeMember) typeNode()   {}
func (*TypeIndex) typeNode()    {}
func (*ParenType) typeNode()    {}
func (*BadType) typeNode()      {}

// Decorator is @X before a declaration, where X is a name or a call,
// possibly namespaced: @secure(), @sys.description('x'), @export.
type Decorator struct {
	model.Span
	X Expr
}

// TargetScope is targetScope = Value.
type TargetScope struct {
	model.Span
	Decorators []*Decorator
	Value      Expr
}

// Metadata is metadata Name = Value.
type Metadata struct {
	model.Span
	Decorators []*Decorator
	Name       *Ident
	Value      Expr
}

// Param is a parameter. In a .bicep file: param Name Type (= Value)?, or
// param Name resource 'T@v' (ResourceType set, Type nil). In a .bicepparam
// file: param Name = Value, with no type.
type Param struct {
	model.Span
	Decorators   []*Decorator
	Name         *Ident
	Type         Type
	ResourceType *StringLit
	Value        Expr // nil without a default
}

// Var is var Name Type? = Value.
type Var struct {
	model.Span
	Decorators []*Decorator
	Name       *Ident
	Type       Type // nil when not typed
	Value      Expr
}

// Output is output Name Type = Value, or output Name resource 'T@v'? = Value.
type Output struct {
	model.Span
	Decorators   []*Decorator
	Name         *Ident
	Type         Type // nil for a resource output
	Resource     bool
	ResourceType *StringLit // nil when not written
	Value        Expr
}

// Resource is resource Name 'Type@version' existing? = Value, where Value
// is an *ObjectLit, an *IfBody or a *ForExpr.
type Resource struct {
	model.Span
	Decorators []*Decorator
	Name       *Ident
	Type       *StringLit
	Existing   bool
	Value      Expr
}

// Module is module Name 'path' = Value, with Value as for a Resource.
type Module struct {
	model.Span
	Decorators []*Decorator
	Name       *Ident
	Path       *StringLit
	Value      Expr
}

// TypeDecl is type Name = Type.
type TypeDecl struct {
	model.Span
	Decorators []*Decorator
	Name       *Ident
	Type       Type
}

// Func is func Name(Params) Result => Body.
type Func struct {
	model.Span
	Decorators []*Decorator
	Name       *Ident
	Params     []*FuncParam
	Result     Type
	Body       Expr
}

// FuncParam is one typed parameter of a Func.
type FuncParam struct {
	model.Span
	Name *Ident
	Type Type
}

// Import is a compile-time import: import {a, b as c} from 'path' (Items),
// or import * as ns from 'path' (Wildcard).
type Import struct {
	model.Span
	Decorators []*Decorator
	Items      []*ImportItem
	Wildcard   *Ident // the namespace alias of import *
	From       *StringLit
}

// ImportItem is one name of an Import; Name is an *Ident or a *StringLit.
type ImportItem struct {
	model.Span
	Name  Expr
	Alias *Ident // nil without "as"
}

// Extension is extension Spec (with Config)? (as Alias)?, also written
// import 'Spec' ... in older files.
type Extension struct {
	model.Span
	Decorators []*Decorator
	Keyword    string // "extension" or "import"
	Spec       Expr   // a *StringLit or an *Ident
	Config     Expr   // nil without "with"
	Alias      *Ident
}

// Test is test Name 'path' = Value (experimental).
type Test struct {
	model.Span
	Decorators []*Decorator
	Name       *Ident
	Path       *StringLit
	Value      Expr
}

// Assert is assert Name = Value (experimental).
type Assert struct {
	model.Span
	Decorators []*Decorator
	Name       *Ident
	Value      Expr
}

// Using is using 'path' or using none in a .bicepparam file, which names
// the template the parameters are for.
type Using struct {
	model.Span
	Path   *StringLit // nil for using none
	Config Expr       // nil without "with"
}

// Extends is extends 'path' in a .bicepparam file.
type Extends struct {
	model.Span
	Path *StringLit
}

// ExtensionConfig is extensionConfig Name with Value in a .bicepparam file.
type ExtensionConfig struct {
	model.Span
	Name  *Ident
	Value Expr
}

// BadStmt stands where a declaration could not be parsed; the error is
// reported.
type BadStmt struct{ model.Span }

func (*TargetScope) stmtNode()     {}
func (*Metadata) stmtNode()        {}
func (*Param) stmtNode()           {}
func (*Var) stmtNode()             {}
func (*Output) stmtNode()          {}
func (*Resource) stmtNode()        {}
func (*Module) stmtNode()          {}
func (*TypeDecl) stmtNode()        {}
func (*Func) stmtNode()            {}
func (*Import) stmtNode()          {}
func (*Extension) stmtNode()       {}
func (*Test) stmtNode()            {}
func (*Assert) stmtNode()          {}
func (*Using) stmtNode()           {}
func (*Extends) stmtNode()         {}
func (*ExtensionConfig) stmtNode() {}
func (*BadStmt) stmtNode()         {}
