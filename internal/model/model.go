package model

import (
	"go/token"
	"iter"
	"strconv"
	"strings"
)

// DefaultCondition is the reason a condition is unknown when it is false
// only because parameter name keeps an empty default (IsOff) that no
// parameters file sets: such a default is an option left off, which a
// deployer turns on by setting it, so both front-ends lint what the
// condition guards instead of dropping it (docs/architecture.md,
// "Conditions").
func DefaultCondition(name string) string {
	return "the condition is false only because parameter " + strconv.Quote(name) + " keeps its empty default, which the deployer usually sets"
}

// IsOff reports whether v is the empty value of its kind: ”, [], {},
// false or null, the default of an option that is off until set.
func IsOff(v Value) bool {
	switch v.Kind() {
	case Null:
		return true
	case Bool:
		b, _ := v.Bool()
		return !b
	case String:
		return v.Text() == ""
	case Array, Object:
		return v.Len() == 0
	}
	return false
}

// ScopeKind is where ARM deploys a resource.
type ScopeKind uint8

// The deployment scopes. ScopeUnknown is used when an expression decides it.
const (
	ScopeUnknown ScopeKind = iota
	ScopeTenant
	ScopeManagementGroup
	ScopeSubscription
	ScopeResourceGroup
)

// The resource types the front-ends build into the model, as ARM names
// them. ARM compares type names ignoring case, and so must their readers.
const (
	TypeDefinition = "Microsoft.ManagedServices/registrationDefinitions"
	TypeAssignment = "Microsoft.ManagedServices/registrationAssignments"
	TypeDeployment = "Microsoft.Resources/deployments"
)

// MaxCopies is the most instances Azure creates from one copy loop, and so
// the most a front-end expands from one loop of any language.
const MaxCopies = 800

var scopeNames = [...]string{"unknown scope", "tenant", "management group", "subscription", "resource group"}

func (k ScopeKind) String() string { return scopeNames[k] }

// Scope is where a resource is deployed, and what put it there: the
// template's $schema or targetScope, or the property of a nested deployment
// or module that moved it.
type Scope struct {
	Kind ScopeKind
	// Span is what decided the scope: a $schema value, a targetScope line, a
	// nested deployment's resourceGroup or scope property.
	Span
	Subscription    Value // the subscription ID, often symbolic
	ResourceGroup   Value // the resource group name, at resource-group scope
	ManagementGroup Value // the management group name, at management-group scope
}

// Deployment is one template deployed with one parameters file (or with its
// defaults). Every Microsoft.ManagedServices resource it creates, directly or
// through nested deployments and copy loops, is here, expanded.
type Deployment struct {
	Template       string // path of the template file as given to lhlint
	ParametersFile string // path of the parameters file, "" when linted with defaults
	TargetScope    Scope
	Parameters     []*Parameter
	// ParameterValues are the values the parameters file sets, declared by
	// the template or not, in the order they are written.
	ParameterValues []ParameterValue
	Definitions     []*Definition
	Assignments     []*Assignment
	Deployments     []*NestedDeployment // nested deployments that contain registration resources
	// Unread are the deployments of the template that lhlint cannot read
	// (a Bicep module from a registry or a template spec, which it never
	// fetches): unknown values at what names them, whose reason says why.
	// Nothing of what they deploy is checked.
	Unread []Value
	// Envelopes are the files of the deployment as written, for the schema
	// rule: ARM checks their members before it evaluates anything.
	Envelopes  []Envelope
	Problems   []Problem   // what the loader could not read, for the syntax rule
	Duplicates []Duplicate // members written twice, for the syntax rule
	// Suppressions are the lhlint-ignore comments and metadata of the
	// deployment's files; the lint driver applies them.
	Suppressions []Suppression
	// Syntax writes values as the deployment's files write them, for
	// fixes; nil when no front-end said.
	Syntax Syntax
}

// Syntax writes values in the languages of a deployment's files. A rule
// says what a value should be; the front-end that read the file says how
// it is written there (its quoting, its escapes).
type Syntax interface {
	// Literal returns v written as a literal in the file that holds pos,
	// and false when that file's language cannot write v as one.
	Literal(pos token.Pos, v Value) ([]byte, bool)
}

// EnvelopeKind says what a file is, for the checks of its shape.
type EnvelopeKind uint8

// The kinds of file whose shape ARM checks.
const (
	TemplateEnvelope EnvelopeKind = iota
	ParametersEnvelope
)

// Envelope is a template or a parameters file as written.
type Envelope struct {
	Kind EnvelopeKind
	Root Value
	// Expression reports whether a string of the file is an expression,
	// nil when the file has none. What an expression evaluates to is
	// known only later, and checked where it is used.
	Expression func(string) bool
}

// Problem is something a loader could not read: malformed JSON, an ARM
// expression that does not parse. The syntax rule reports them.
type Problem struct {
	Span
	Message string
}

// Duplicate is an object member written after another of the same name in
// the same object. Names compare ignoring case, as ARM compares them. The
// model keeps the last member written, in the place of the first.
type Duplicate struct {
	Span            // the key of this member
	Key      string // the name as this member writes it
	First    Span   // the key of the first member of the name
	FirstKey string // the name as the first member writes it
}

// Parameter is a template parameter with the value the deployment uses.
type Parameter struct {
	Name string
	Span       // the declaration's key in the template
	Type Value // the declared type, as written
	// TypeKind is the kind of value the declared type takes, Missing when
	// the front-end cannot tell or the type takes any kind.
	TypeKind Kind
	Default  Value // defaultValue, Missing when there is none
	Given    Value // the value set by the parameters file, Missing when there is none
	GivenAt  Span  // the key in the parameters file that sets it
	Allowed  Value // allowedValues, Missing when there is none
	Decl     Value // the whole declaration object
}

// ParameterValue is one value a parameters file sets.
type ParameterValue struct {
	Name  string
	Span  // the name's key in the parameters file
	Value Value
}

// Value returns the value the deployment uses: the parameters file wins over the default.
func (p *Parameter) Value() Value {
	if !p.Given.IsMissing() {
		return p.Given
	}
	return p.Default
}

// Resource is what every ARM resource has, wherever it is declared.
type Resource struct {
	Span             // the resource's declaration
	Type       Value // the resource type
	APIVersion Value
	Name       Value
	Symbol     string // the symbolic name in languageVersion 2.0 templates, "" otherwise
	Scope      Scope  // where the resource is deployed
	DependsOn  []Value
	// Condition is the condition, Missing when there is none; unknown,
	// with DefaultCondition's reason, when it is false only because of a
	// parameter default that no parameters file overrides.
	Condition Value
	Copy      *Copy // the copy loop that made this instance, nil when there is none
	// Deployment is the nested deployment the resource is declared in, nil
	// when it is declared at the top level of the template.
	Deployment *NestedDeployment
	Properties Value // the properties object as written
}

// OpenConditions returns the conditions r is deployed under that are not
// known to be true: its own, then those of the deployments it is declared
// in, inside out. A resource with none is certainly deployed.
func (r *Resource) OpenConditions() []Value {
	var open []Value
	for {
		if c := r.Condition; !c.IsMissing() {
			if b, ok := c.Bool(); !ok || !b {
				open = append(open, c)
			}
		}
		if r.Deployment == nil {
			return open
		}
		r = &r.Deployment.Resource
	}
}

// Copy is the copy loop that produced a resource instance.
type Copy struct {
	Name  string
	Span        // the copy block
	Count Value // the loop's count
	Index int   // this instance's copyIndex(), -1 when the count is unknown and one instance stands for all
}

// NestedDeployment is a Microsoft.Resources/deployments resource with an
// inline template that contains registration resources.
type NestedDeployment struct {
	Resource
	// Inner is true when expressionEvaluationOptions.scope is inner: the inner
	// template's expressions resolve against its own parameters and scope.
	Inner bool
	// Policy is true for the deployment of a policy definition's
	// deployIfNotExists effect (Resource is the policy definition): it
	// deploys into each subscription, or resource group, the policy is
	// assigned to.
	Policy bool
}

// Definition is a Microsoft.ManagedServices/registrationDefinitions resource.
type Definition struct {
	Resource
	Plan                   Value // the Marketplace plan object, Missing when there is none
	OfferName              Value // properties.registrationDefinitionName
	Description            Value
	ManagedByTenantID      Value
	AuthorizationsValue    Value // the authorizations array as written
	Authorizations         []*Authorization
	EligibleValue          Value // the eligibleAuthorizations array as written, Missing when there is none
	EligibleAuthorizations []*EligibleAuthorization
}

// Grant is what permanent and eligible authorizations share: a role
// granted to a principal, written as one object of an authorizations or
// eligibleAuthorizations array.
type Grant struct {
	Span                        // the authorization's object
	Index                  int  // position in its array
	Eligible               bool // an eligible authorization, activated just in time
	PrincipalID            Value
	PrincipalIDDisplayName Value
	RoleDefinitionID       Value
	Object                 Value // the whole object, for its members
}

// What names the kind of authorization in a message.
func (g *Grant) What() string {
	if g.Eligible {
		return "eligible authorization"
	}
	return "authorization"
}

// DisplayName names the authorization in a message: its principalIdDisplayName,
// else its principalId, else its kind and position.
func (g *Grant) DisplayName() string {
	if s := g.PrincipalIDDisplayName.Text(); s != "" {
		return s
	}
	if s := g.PrincipalID.Text(); s != "" {
		return s
	}
	return g.What() + " #" + strconv.Itoa(g.Index+1)
}

// Authorization is one permanent authorization of a definition.
type Authorization struct {
	Grant
	DelegatedValue             Value // the delegatedRoleDefinitionIds array as written, Missing when there is none
	DelegatedRoleDefinitionIDs []Value
}

// EligibleAuthorization is one just-in-time authorization of a definition.
type EligibleAuthorization struct {
	Grant
	JITPolicy *JITPolicy // nil when justInTimeAccessPolicy is not written
}

// JITPolicy is an eligible authorization's justInTimeAccessPolicy.
type JITPolicy struct {
	Span
	MFAProvider               Value
	MaximumActivationDuration Value
	ApproversValue            Value // managedByTenantApprovers as written, Missing when there is none
	Approvers                 []*Approver
	Object                    Value
}

// Approver is one of managedByTenantApprovers.
type Approver struct {
	Span
	Index                  int
	PrincipalID            Value
	PrincipalIDDisplayName Value
}

// Assignment is a Microsoft.ManagedServices/registrationAssignments resource.
type Assignment struct {
	Resource
	RegistrationDefinitionID Value
}

// AllAuthorizations yields the permanent authorizations of every
// definition, in order, each with its place among them. Rules ask for them
// again and again, so they are walked where they are, never gathered into
// a new slice: a deployment with a definition per resource group made
// every rule allocate one.
func (d *Deployment) AllAuthorizations() iter.Seq2[int, *Authorization] {
	return across(d.Definitions, func(def *Definition) []*Authorization { return def.Authorizations })
}

// AllEligibleAuthorizations yields the eligible authorizations of every
// definition, in order, each with its place among them.
func (d *Deployment) AllEligibleAuthorizations() iter.Seq2[int, *EligibleAuthorization] {
	return across(d.Definitions, func(def *Definition) []*EligibleAuthorization { return def.EligibleAuthorizations })
}

// across yields what list gives of each definition, in order, each with
// its place among them.
func across[T any](defs []*Definition, list func(*Definition) []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for _, def := range defs {
			for _, x := range list(def) {
				if !yield(i, x) {
					return
				}
				i++
			}
		}
	}
}

// Grants returns the permanent authorizations of the definition, then its
// eligible ones.
func (def *Definition) Grants() []*Grant {
	all := make([]*Grant, 0, len(def.Authorizations)+len(def.EligibleAuthorizations))
	for _, a := range def.Authorizations {
		all = append(all, &a.Grant)
	}
	for _, e := range def.EligibleAuthorizations {
		all = append(all, &e.Grant)
	}
	return all
}

// AllGrants yields the permanent authorizations of every definition, then
// the eligible ones, each with its place among them.
func (d *Deployment) AllGrants() iter.Seq2[int, *Grant] {
	return func(yield func(int, *Grant) bool) {
		i := 0
		for _, a := range d.AllAuthorizations() {
			if !yield(i, &a.Grant) {
				return
			}
			i++
		}
		for _, e := range d.AllEligibleAuthorizations() {
			if !yield(i, &e.Grant) {
				return
			}
			i++
		}
	}
}

// Parameter returns the declared parameter name, compared case-insensitively.
func (d *Deployment) Parameter(name string) (*Parameter, bool) {
	for _, p := range d.Parameters {
		if equalFold(p.Name, name) {
			return p, true
		}
	}
	return nil, false
}

// AssignmentsOf returns the assignments of d whose registrationDefinitionId
// names def, in the order they are declared.
func (d *Deployment) AssignmentsOf(def *Definition) []*Assignment {
	var out []*Assignment
	for _, a := range d.Assignments {
		if name, ok := DefinitionName(a.RegistrationDefinitionID.Text()); ok && strings.EqualFold(name, def.Name.Text()) {
			out = append(out, a)
		}
	}
	return out
}

// DefinitionName returns the registration definition name at the end of a
// subscription-level registration definition ID,
// /subscriptions/<sub>/providers/Microsoft.ManagedServices/registrationDefinitions/<name>,
// compared ignoring case as ARM does; false for any other text.
func DefinitionName(id string) (string, bool) {
	parts := strings.Split(strings.TrimPrefix(id, "/"), "/")
	if len(parts) != 6 || !strings.EqualFold(parts[0], "subscriptions") || parts[1] == "" ||
		!strings.EqualFold(parts[2], "providers") || !strings.EqualFold(parts[3], "Microsoft.ManagedServices") ||
		!strings.EqualFold(parts[4], "registrationDefinitions") || parts[5] == "" {
		return "", false
	}
	return parts[5], true
}
