package expr

import (
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// function is a built-in function of the template language.
type function struct {
	name     string // as the documentation spells it, for messages
	min, max int    // number of arguments; max < 0: any number
	special  specialKind
	fn       func(call) model.Value // for eager functions
}

// specialKind says how a function is evaluated. Eager functions get their
// arguments evaluated, and are unknown as soon as one is; the others are
// evaluated by the evaluator itself, which keeps the table free of
// references back into the evaluator.
type specialKind uint8

const (
	eager        specialKind = iota
	deployTime               // reads Azure at deployment time (R) or is non-deterministic (N)
	notEvaluated             // known to Azure, not evaluated by lhlint
	lazyIf
	lazyAnd
	lazyOr
	lazyCoalesce
	lambdaCall  // filter, map, reduce, …: takes a lambda
	lambdaAlone // lambda() outside such a call
)

func fn(name string, lo, hi int, f func(call) model.Value) *function {
	return &function{name: name, min: lo, max: hi, fn: f}
}

func special(name string, lo, hi int, k specialKind) *function {
	return &function{name: name, min: lo, max: hi, special: k}
}

// functions are the built-in functions by lower-case name, with the
// semantics Azure's template function reference documents
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions).
var functions = map[string]*function{
	// Template and deployment context.
	"parameters":      fn("parameters", 1, 1, parameters),
	"variables":       fn("variables", 1, 1, variables),
	"copyindex":       fn("copyIndex", 0, 2, copyIndex),
	"subscription":    fn("subscription", 0, 0, contextObject("subscription", func(x *Context) model.Value { return x.Subscription })),
	"resourcegroup":   fn("resourceGroup", 0, 0, contextObject("resourceGroup", func(x *Context) model.Value { return x.ResourceGroup })),
	"managementgroup": fn("managementGroup", 0, 0, contextObject("managementGroup", func(x *Context) model.Value { return x.ManagementGroup })),
	"tenant":          fn("tenant", 0, 0, contextObject("tenant", func(x *Context) model.Value { return x.Tenant })),
	"deployment":      fn("deployment", 0, 0, contextObject("deployment", func(x *Context) model.Value { return x.Deployment })),
	"environment":     fn("environment", 0, 0, contextObject("environment", func(x *Context) model.Value { return x.Environment })),

	// Resource IDs.
	"resourceid":                fn("resourceId", 2, -1, resourceID),
	"subscriptionresourceid":    fn("subscriptionResourceId", 2, -1, subscriptionResourceID),
	"tenantresourceid":          fn("tenantResourceId", 2, -1, tenantResourceID),
	"extensionresourceid":       fn("extensionResourceId", 3, -1, extensionResourceID),
	"managementgroupresourceid": fn("managementGroupResourceId", 2, -1, managementGroupResourceID),

	// Logical and comparison.
	"if":              special("if", 3, 3, lazyIf),
	"and":             special("and", 2, -1, lazyAnd),
	"or":              special("or", 2, -1, lazyOr),
	"coalesce":        special("coalesce", 1, -1, lazyCoalesce),
	"not":             fn("not", 1, 1, not),
	"bool":            fn("bool", 1, 1, toBool),
	"true":            fn("true", 0, 0, func(c call) model.Value { return model.BoolValue(true, c.span) }),
	"false":           fn("false", 0, 0, func(c call) model.Value { return model.BoolValue(false, c.span) }),
	"null":            fn("null", 0, 0, func(c call) model.Value { return model.NullValue(c.span) }),
	"equals":          fn("equals", 2, 2, equals),
	"greater":         fn("greater", 2, 2, compare(func(c int) bool { return c > 0 })),
	"greaterorequals": fn("greaterOrEquals", 2, 2, compare(func(c int) bool { return c >= 0 })),
	"less":            fn("less", 2, 2, compare(func(c int) bool { return c < 0 })),
	"lessorequals":    fn("lessOrEquals", 2, 2, compare(func(c int) bool { return c <= 0 })),

	// Numeric.
	"add": fn("add", 2, 2, arith(addInt)),
	"sub": fn("sub", 2, 2, arith(subInt)),
	"mul": fn("mul", 2, 2, arith(mulInt)),
	"div": fn("div", 2, 2, arith(divInt)),
	"mod": fn("mod", 2, 2, arith(modInt)),
	"int": fn("int", 1, 1, toInt),
	"min": fn("min", 1, -1, minMax(false)),
	"max": fn("max", 1, -1, minMax(true)),

	// Strings.
	"concat":               fn("concat", 1, -1, concat),
	"format":               fn("format", 1, -1, format),
	"string":               fn("string", 1, 1, toString),
	"tolower":              fn("toLower", 1, 1, changeCase(strings.ToLower)),
	"toupper":              fn("toUpper", 1, 1, changeCase(strings.ToUpper)),
	"trim":                 fn("trim", 1, 1, trim),
	"replace":              fn("replace", 3, 3, replace),
	"substring":            fn("substring", 2, 3, substring),
	"split":                fn("split", 2, 2, split),
	"join":                 fn("join", 2, 2, join),
	"padleft":              fn("padLeft", 2, 3, padLeft),
	"startswith":           fn("startsWith", 2, 2, startsEndsWith(true)),
	"endswith":             fn("endsWith", 2, 2, startsEndsWith(false)),
	"indexof":              fn("indexOf", 2, 2, indexOf(false)),
	"lastindexof":          fn("lastIndexOf", 2, 2, indexOf(true)),
	"guid":                 fn("guid", 1, -1, guid),
	"uniquestring":         fn("uniqueString", 1, -1, uniqueString),
	"base64":               fn("base64", 1, 1, base64Encode),
	"base64tostring":       fn("base64ToString", 1, 1, base64ToString),
	"base64tojson":         fn("base64ToJson", 1, 1, base64ToJSON),
	"datauri":              fn("dataUri", 1, 1, dataURI),
	"datauritostring":      fn("dataUriToString", 1, 1, dataURIToString),
	"uri":                  fn("uri", 2, 2, uri),
	"uricomponent":         fn("uriComponent", 1, 1, uriComponent),
	"uricomponenttostring": fn("uriComponentToString", 1, 1, uriComponentToString),
	"json":                 fn("json", 1, 1, parseJSON),

	// Arrays and objects.
	"array":           fn("array", 1, 1, array),
	"createarray":     fn("createArray", 0, -1, createArray),
	"createobject":    fn("createObject", 0, -1, createObject),
	"length":          fn("length", 1, 1, length),
	"empty":           fn("empty", 1, 1, empty),
	"contains":        fn("contains", 2, 2, contains),
	"first":           fn("first", 1, 1, firstLast(true)),
	"last":            fn("last", 1, 1, firstLast(false)),
	"skip":            fn("skip", 2, 2, skipTake(true)),
	"take":            fn("take", 2, 2, skipTake(false)),
	"range":           fn("range", 2, 2, rangeFn),
	"union":           fn("union", 1, -1, union),
	"intersection":    fn("intersection", 1, -1, intersection),
	"distinct":        fn("distinct", 1, 1, distinct),
	"flatten":         fn("flatten", 1, 1, flatten),
	"items":           fn("items", 1, 1, items),
	"objectkeys":      fn("objectKeys", 1, 1, objectKeys),
	"shallowmerge":    fn("shallowMerge", 1, 1, shallowMerge),
	"tryget":          fn("tryGet", 2, -1, tryGet),
	"indexfromend":    fn("indexFromEnd", 2, 2, indexFromEnd(false)),
	"tryindexfromend": fn("tryIndexFromEnd", 2, 2, indexFromEnd(true)),

	// Lambdas.
	"filter":          special("filter", 2, 2, lambdaCall),
	"map":             special("map", 2, 2, lambdaCall),
	"reduce":          special("reduce", 3, 3, lambdaCall),
	"sort":            special("sort", 2, 2, lambdaCall),
	"toobject":        special("toObject", 2, 3, lambdaCall),
	"groupby":         special("groupBy", 2, 2, lambdaCall),
	"mapvalues":       special("mapValues", 2, 2, lambdaCall),
	"lambda":          special("lambda", 1, -1, lambdaAlone),
	"lambdavariables": fn("lambdaVariables", 1, 1, lambdaVariables),

	// Read at deployment time (R) or non-deterministic (N).
	"reference":       special("reference", 0, -1, deployTime),
	"references":      special("references", 0, -1, deployTime),
	"pickzones":       special("pickZones", 0, -1, deployTime),
	"providers":       special("providers", 0, -1, deployTime),
	"utcnow":          special("utcNow", 0, -1, deployTime),
	"newguid":         special("newGuid", 0, -1, deployTime),
	"deployer":        special("deployer", 0, -1, deployTime),
	"roledefinitions": special("roleDefinitions", 0, -1, deployTime),
	"externalinputs":  special("externalInputs", 0, -1, deployTime),
	"tologicalzone":   special("toLogicalZone", 0, -1, deployTime),
	"tologicalzones":  special("toLogicalZones", 0, -1, deployTime),
	"tophysicalzone":  special("toPhysicalZone", 0, -1, deployTime),
	"tophysicalzones": special("toPhysicalZones", 0, -1, deployTime),

	// Known to Azure; lhlint has no use for their values yet.
	"datetimeadd":       special("dateTimeAdd", 0, -1, notEvaluated),
	"datetimefromepoch": special("dateTimeFromEpoch", 0, -1, notEvaluated),
	"datetimetoepoch":   special("dateTimeToEpoch", 0, -1, notEvaluated),
	"float":             special("float", 0, -1, notEvaluated),
	"like":              special("like", 0, -1, notEvaluated),
	"builduri":          special("buildUri", 0, -1, notEvaluated),
	"parseuri":          special("parseUri", 0, -1, notEvaluated),
	"parsecidr":         special("parseCidr", 0, -1, notEvaluated),
	"cidrsubnet":        special("cidrSubnet", 0, -1, notEvaluated),
	"cidrhost":          special("cidrHost", 0, -1, notEvaluated),
	"fail":              special("fail", 0, -1, notEvaluated),
	"resourceinfo":      special("resourceInfo", 0, -1, notEvaluated),
	"extensions":        special("extensions", 0, -1, notEvaluated),
}

// call is one call of an eager function, with its evaluated arguments. The
// arguments live on the evaluator's stack: a function that keeps them in its
// result must copy them.
type call struct {
	ev   *evaluator
	f    *function
	span model.Span
	args []model.Value
}

func (c call) unknownf(format string, args ...any) model.Value {
	return unknownf(c.span, format, args...)
}

// typeError is the unknown value of a call given an argument of a kind it
// does not take.
func (c call) typeError(want string, got model.Value) model.Value {
	return c.unknownf("%s takes %s, got %s", c.f.name, want, got.Kind().Article())
}

// symbolicOnly is the unknown value of a call whose result depends on the
// exact text of a string known only at deployment time.
func (c call) symbolicOnly(v model.Value) model.Value {
	return c.unknownf("%s of %s is known only at deployment time", c.f.name, truncate(v.Text()))
}

func (c call) tooLarge() model.Value { return c.unknownf(tooLarge) }

func (c call) boolean(b bool) model.Value  { return model.BoolValue(b, c.span) }
func (c call) integer(n int64) model.Value { return model.IntValue(n, c.span) }

// str returns a string result, symbolic when sym is.
func (c call) str(s string, sym bool) model.Value {
	if len(s) > maxStringLen || !c.ev.charge(textCost(s)) {
		return c.tooLarge()
	}
	return model.StringValue(s, c.span).WithSymbolic(sym).WithSymbol(c.symbolOf(s)).WithComputed(!c.copiesArgument(s))
}

// symbolOf returns the symbol of the argument whose whole text s is, in
// any case: toLower() or trim() of the deploying tenant's ID is still
// that ID.
func (c call) symbolOf(s string) model.Symbol {
	for _, a := range c.args {
		if a.Symbol() != model.NoSymbol && strings.EqualFold(a.Text(), s) {
			return a.Symbol()
		}
	}
	return model.NoSymbol
}

// copiesArgument reports whether s is the text of a string argument that
// is not computed itself, or a part of it, or the same text in another
// case: toLower() or trim() of a literal gives text the user wrote; guid()
// or concat() of pieces gives new text. No function both cuts and changes
// case, so comparing with each argument in turn costs no allocation.
func (c call) copiesArgument(s string) bool {
	for _, a := range c.args {
		if t := a.Text(); a.Kind() == model.String && !a.IsComputed() && (strings.Contains(t, s) || strings.EqualFold(t, s)) {
			return true
		}
	}
	return false
}

// array returns an array result; the items keep their own spans.
func (c call) array(items []model.Value) model.Value {
	if len(items) > maxItems || !c.ev.charge(len(items)) {
		return c.tooLarge()
	}
	return model.ArrayValue(items, c.span)
}

func (c call) object(members model.Members) model.Value {
	if len(members) > maxItems || !c.ev.charge(len(members)) {
		return c.tooLarge()
	}
	return model.ObjectValue(members, c.span)
}

// copyArgs returns the arguments in a slice of their own.
func (c call) copyArgs() []model.Value {
	return append([]model.Value(nil), c.args...)
}

// anySymbolic reports whether any argument is or contains a symbolic string.
func (c call) anySymbolic() bool {
	for _, a := range c.args {
		if c.ev.hasSymbolic(a) {
			return true
		}
	}
	return false
}

// symbolicCall is the result of a string function applied to a symbolic
// string when applying it to the placeholder text would not be sound: the
// text names the call, so equal texts still mean equal values.
func (c call) symbolicCall() model.Value {
	var b strings.Builder
	b.WriteString("{")
	b.WriteString(c.f.name)
	b.WriteByte('(')
	for i, a := range c.args {
		if i > 0 {
			b.WriteString(", ")
		}
		switch {
		case a.IsSymbolic():
			b.WriteString(a.Text())
		case a.Kind() == model.String:
			b.WriteString(quoteARM(a.Text()))
		default:
			s, _, bad := c.ev.serialize(a)
			if bad.IsUnknown() {
				return model.UnknownValue(bad.Reason(), c.span)
			}
			b.WriteString(s)
		}
	}
	b.WriteString(")}")
	return c.str(b.String(), true)
}

// quoteARM writes s as an ARM string literal.
func quoteARM(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// scalarText returns the text of a string, integer or boolean as concat
// and format write it; .NET writes booleans as True and False.
func scalarText(v model.Value) (string, bool) {
	switch v.Kind() {
	case model.String:
		return v.Text(), true
	case model.Int:
		n, _ := v.Int()
		return strconv.FormatInt(n, 10), true
	case model.Bool:
		if b, _ := v.Bool(); b {
			return "True", true
		}
		return "False", true
	case model.Null:
		return "", true
	}
	return "", false
}

// deduper collects values without repeats, the first of equal values
// kept. Values are compared by their keys in linear time; values with
// symbolic strings are compared with equal, as their equality may be known
// only at deployment time.
type deduper struct {
	c         call
	w         writer // of keys
	seen      map[string]bool
	size      int // bytes of the keys in seen
	out       []model.Value
	uncertain []int // indexes into out of values with symbolic strings
}

// maxKeyBytes bounds the keys one deduper keeps.
const maxKeyBytes = 8 * maxStringLen

func (c call) newDeduper() *deduper {
	return &deduper{c: c, w: writer{ev: c.ev, key: true}, seen: map[string]bool{}}
}

// add adds v unless an equal value was added. It returns false, with d.w.stop
// saying why, when v is or contains an unknown value or a bound is reached.
func (d *deduper) add(v model.Value) bool {
	d.w.reset()
	if !d.w.write(v) {
		return false
	}
	k, _ := d.w.text()
	if d.seen[k] {
		return true
	}
	if d.size += len(k); d.size > maxKeyBytes || len(d.out) >= maxItems {
		d.w.stop = model.UnknownValue(tooLarge, v.Span)
		return false
	}
	d.seen[k] = true
	if d.w.sym {
		d.uncertain = append(d.uncertain, len(d.out))
	}
	d.out = append(d.out, v)
	return true
}

// result returns the values, or false when whether two of them are equal
// is known only at deployment time.
func (d *deduper) result() ([]model.Value, bool) {
	if len(d.uncertain) > 1000 || !d.c.ev.charge(len(d.uncertain)*len(d.out)) {
		return nil, false
	}
	for _, u := range d.uncertain {
		for j, o := range d.out {
			if j != u && d.c.ev.equal(d.out[u], o) != no {
				return nil, false
			}
		}
	}
	return d.out, true
}

// dedupe returns items without repeats (see deduper), or the unknown
// result of the call when that cannot be known.
func (c call) dedupe(items ...[]model.Value) ([]model.Value, model.Value, bool) {
	d := c.newDeduper()
	for _, list := range items {
		for _, it := range list {
			if !d.add(it) {
				return nil, model.UnknownValue(d.w.stop.Reason(), c.span), false
			}
		}
	}
	out, ok := d.result()
	if !ok {
		return nil, c.uncertain(c.f.name + " of values known only at deployment time"), false
	}
	return out, model.Value{}, true
}

// memberSet builds an object's members, a later key replacing an earlier
// one written in any case, in linear time. Small sets, the most common,
// are searched without an index.
type memberSet struct {
	ms model.Members
	at map[string]int // index of ms by lower-case key, once ms is large
}

const memberSetIndexed = 8 // members from which a memberSet keeps an index

func (s *memberSet) set(m model.Member) {
	if i, ok := s.find(m.Key); ok {
		s.ms[i] = m
		return
	}
	s.ms = append(s.ms, m)
	switch {
	case len(s.ms) == memberSetIndexed:
		s.at = make(map[string]int, 2*memberSetIndexed)
		for i, m := range s.ms {
			s.at[strings.ToLower(m.Key)] = i
		}
	case len(s.ms) > memberSetIndexed:
		s.at[strings.ToLower(m.Key)] = len(s.ms) - 1
	}
}

func (s *memberSet) find(key string) (int, bool) {
	if s.at != nil {
		i, ok := s.at[strings.ToLower(key)]
		return i, ok
	}
	for i, m := range s.ms {
		if strings.EqualFold(m.Key, key) {
			return i, true
		}
	}
	return 0, false
}

func (s *memberSet) get(key string) (model.Member, bool) {
	i, ok := s.find(key)
	if !ok {
		return model.Member{}, false
	}
	return s.ms[i], true
}
