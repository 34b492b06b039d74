package expr

import (
	"go/token"

	"github.com/lhlint/lhlint/internal/model"
)

// Node is a parsed expression: *Lit, *Call, *Member or *Index.
type Node interface {
	Pos() token.Pos
	End() token.Pos
}

// Lit is a string or integer literal.
type Lit struct {
	model.Span
	Value model.Value
}

// Call is a function call, name(args...) or namespace.name(args...) for a
// user-defined function. Names compare case-insensitively.
type Call struct {
	model.Span
	Namespace string // "" for built-in functions
	Name      string
	NameSpan  model.Span
	Args      []Node
}

// Member is property access, X.Name. Names compare case-insensitively.
type Member struct {
	model.Span
	X        Node
	Name     string
	NameSpan model.Span
}

// Index is X[Index], by integer or by string key.
type Index struct {
	model.Span
	X     Node
	Index Node
}

// SyntaxError is an expression that does not parse, at the exact place.
type SyntaxError struct {
	model.Span
	Msg string // lower-case, no final period: "expected ')' to close the arguments of concat"
}

func (e *SyntaxError) Error() string { return e.Msg }

// Env is what evaluation needs from the template around an expression.
// Each front-end implements it (docs/architecture.md).
type Env interface {
	// Parameter returns the value parameter name has in this deployment, or
	// false when the template declares no such parameter. A declared parameter
	// without a value is an unknown value with the reason.
	Parameter(name string) (model.Value, bool)
	// Variable returns the value of variable name, or false when the template
	// declares none. The Env evaluates variables lazily and reports cycles as
	// unknown values.
	Variable(name string) (model.Value, bool)
	// CopyIndex returns the current index of the copy loop named loop ("" for
	// the innermost resource or property loop); false when it is not known.
	CopyIndex(loop string) (int, bool)
	// Context returns the deployment context: scope and the objects that
	// subscription(), resourceGroup() and the others return.
	Context() *Context
	// Budget returns the work the evaluations of this deployment may still
	// do together; nil gives each evaluation a budget of its own.
	Budget() *Budget
	// Function returns the value of the user-defined function
	// namespace.name (from the template's functions section) called with
	// args, each of which may be unknown; false when the template defines
	// no such function. Names compare without regard to case. The value
	// keeps the spans where the function's output writes it; a call that
	// cannot be evaluated (a wrong number of arguments, recursion) is an
	// unknown value with the reason. args may not be kept.
	Function(namespace, name string, args []model.Value) (model.Value, bool)
}

// Context is the deployment context of an expression. Each object is a
// model.Value of kind Object whose unknowable members are symbolic strings
// such as "{subscription().subscriptionId}"; an object is Missing when its
// function is not available at this scope (resourceGroup() in a subscription
// template).
type Context struct {
	Scope           model.ScopeKind
	Subscription    model.Value // id, subscriptionId, tenantId, displayName
	ResourceGroup   model.Value // id, name, location, …
	ManagementGroup model.Value // id, name, …
	Tenant          model.Value // tenantId, …
	Deployment      model.Value // name, properties, location
	Environment     model.Value // name, …
}
