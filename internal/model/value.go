package model

import (
	"go/token"
	"strconv"
	"strings"
)

// Span is a byte range of one file in the shared token.FileSet. It has the
// Pos and End methods of analysis.Range, so any model node can be reported.
type Span struct {
	StartPos, EndPos token.Pos
}

// Pos returns the first byte of the span.
func (s Span) Pos() token.Pos { return s.StartPos }

// End returns the byte just after the span.
func (s Span) End() token.Pos { return s.EndPos }

// IsValid reports whether the span points into a file.
func (s Span) IsValid() bool { return s.StartPos.IsValid() }

// Kind says what a Value holds.
type Kind uint8

// The kinds of Value. Missing is the zero value: the member is not written at all.
const (
	Missing Kind = iota
	Unknown
	Null
	Bool
	Int
	String
	Array
	Object
)

var kindNames = [...]string{"missing", "unknown", "null", "bool", "int", "string", "array", "object"}

// Article names the kind with its article, as messages say what a value
// is: "an object", "a string", "null"; a value that is missing or not
// known is "an unknown value".
func (k Kind) Article() string {
	switch k {
	case Array, Object, Int:
		return "an " + k.String()
	case Null:
		return "null"
	case Missing, Unknown:
		return "an unknown value"
	}
	return "a " + k.String()
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Symbol is a value Azure knows only at deployment time that rules
// recognise, whatever the language and the function that wrote it.
type Symbol uint8

// The symbols.
const (
	NoSymbol Symbol = iota
	// DeployingTenant is the ID of the tenant the deployment runs in: the
	// tenant being onboarded.
	DeployingTenant
)

// Hop is one step on the way a value took to where it is used: the template
// expression it flowed through, the parameter that declared it. Hops form a
// shared, immutable list, so adding one costs one allocation.
type Hop struct {
	Span
	Note string // why this place matters, for a related location: "value flows through this expression"
	Next *Hop
}

// Value is a JSON value as ARM would see it at deployment time, or the reason
// it cannot be known statically. Its span is where the user must edit it: the
// literal (often in a parameters file) or, for computed values, the expression.
// Values are immutable; copying one is cheap.
type Value struct {
	Span
	kind  Kind
	sym   bool   // a string that contains deployment-time placeholders such as subscription().subscriptionId
	is    Symbol // the one deployment-time value a symbolic string stands for, if rules know it
	lit   bool   // a string written as a string literal at Span, quotes included
	made  bool   // a string whose text a function made, see IsComputed
	str   string // String text, or the reason of an Unknown
	num   int64  // Int, or Bool as 0 and 1
	items []Value
	obj   *Members
	via   *Hop
}

// Members are the members of an object in the order they are written.
// Keys compare case-insensitively, as ARM compares property names.
type Members []Member

// Member is one key of an object with its value.
type Member struct {
	Key     string
	KeySpan Span
	Value   Value
}

// Lookup returns the member whose key equals key, ignoring case. When a key is
// written twice, the last one wins, as in ARM.
func (m Members) Lookup(key string) (Member, bool) {
	if i := m.index(key); i >= 0 {
		return m[i], true
	}
	return Member{}, false
}

// index returns the place of the member Lookup returns, -1 for none. Get
// reads the member's value there rather than copying the member out.
func (m Members) index(key string) int {
	for i := len(m) - 1; i >= 0; i-- {
		if strings.EqualFold(m[i].Key, key) {
			return i
		}
	}
	return -1
}

// MissingAt returns the value of a member that is not written; span is the
// nearest enclosing node that exists, where a finding about it belongs.
func MissingAt(span Span) Value { return Value{Span: span} }

// UnknownValue returns a value that cannot be known statically, with the reason.
func UnknownValue(reason string, span Span) Value {
	return Value{Span: span, kind: Unknown, str: reason}
}

// NullValue returns JSON null.
func NullValue(span Span) Value { return Value{Span: span, kind: Null} }

// BoolValue returns a boolean.
func BoolValue(b bool, span Span) Value {
	v := Value{Span: span, kind: Bool}
	if b {
		v.num = 1
	}
	return v
}

// IntValue returns an integer.
func IntValue(n int64, span Span) Value { return Value{Span: span, kind: Int, num: n} }

// StringValue returns a string known exactly.
func StringValue(s string, span Span) Value { return Value{Span: span, kind: String, str: s} }

// LiteralString returns a string written as a string literal at span,
// quotes included, in the syntax of its file, so an edit of span replaces
// exactly that literal. A string written inside another (the API version
// of a Bicep resource type) is spanned at its text alone, and its file's
// Syntax writes a replacement there without quotes.
func LiteralString(s string, span Span) Value {
	return Value{Span: span, kind: String, str: s, lit: true}
}

// SymbolicString returns a string that contains deployment-time placeholders,
// such as "/subscriptions/{subscription().subscriptionId}/providers/…". It can
// be compared with strings built the same way, but its text is not the value
// Azure will see, so format checks must not judge it.
func SymbolicString(s string, span Span) Value {
	return Value{Span: span, kind: String, str: s, sym: true}
}

// ArrayValue returns an array of items.
func ArrayValue(items []Value, span Span) Value { return Value{Span: span, kind: Array, items: items} }

// ObjectValue returns an object with members in written order.
func ObjectValue(members Members, span Span) Value {
	return Value{Span: span, kind: Object, obj: &members}
}

// Kind returns what the value holds.
func (v Value) Kind() Kind { return v.kind }

// IsMissing reports whether the member is not written at all.
func (v Value) IsMissing() bool { return v.kind == Missing }

// IsUnknown reports whether the value is written but cannot be known statically.
func (v Value) IsUnknown() bool { return v.kind == Unknown }

// IsKnown reports whether the value is written and known: neither missing nor unknown.
func (v Value) IsKnown() bool { return v.kind > Unknown }

// IsLiteral reports whether the value is a string written as a string
// literal exactly at its span, so that a fix may replace the span with
// another literal (see Syntax).
func (v Value) IsLiteral() bool { return v.lit }

// IsSymbolic reports whether the value is a string with deployment-time placeholders.
func (v Value) IsSymbolic() bool { return v.sym }

// Symbol returns the deployment-time value a symbolic string stands for,
// NoSymbol when it stands for none that rules know.
func (v Value) Symbol() Symbol { return v.is }

// IsComputed reports whether a string's text was made by a template
// function and appears in none of its arguments that were written, in any
// case: guid() and uniqueString() hash theirs, concat() joins pieces, and
// toLower(guid(…)) copies a computed text. A literal passed through
// parameters(), variables(), if(), toLower() or trim() is not computed: its
// text is still text the user wrote.
func (v Value) IsComputed() bool { return v.made }

// Reason returns why an unknown value cannot be known.
func (v Value) Reason() string {
	if v.kind == Unknown {
		return v.str
	}
	return ""
}

// Str returns the text of a string known exactly. It returns false for
// every other kind, and for symbolic strings.
func (v Value) Str() (string, bool) {
	if v.kind == String && !v.sym {
		return v.str, true
	}
	return "", false
}

// Text returns the text of any string, symbolic or not, and "" otherwise.
func (v Value) Text() string {
	if v.kind == String {
		return v.str
	}
	return ""
}

// Int returns an integer value.
func (v Value) Int() (int64, bool) { return v.num, v.kind == Int }

// Bool returns a boolean value.
func (v Value) Bool() (b, ok bool) { return v.num != 0, v.kind == Bool }

// Items returns the items of an array, each carrying the hops of the array.
func (v Value) Items() []Value {
	if v.kind != Array {
		return nil
	}
	if v.via == nil {
		return v.items
	}
	out := make([]Value, len(v.items))
	for i, it := range v.items {
		out[i] = it.inherit(v.via)
	}
	return out
}

// RawItems returns the items of an array as they are stored, without the
// hops of the array, as Members returns members: for walks that read every
// item and place none, which Items would make copy every item it passes.
func (v Value) RawItems() []Value {
	if v.kind != Array {
		return nil
	}
	return v.items
}

// Len returns the number of items of an array or members of an object.
func (v Value) Len() int {
	switch v.kind {
	case Array:
		return len(v.items)
	case Object:
		return len(*v.obj)
	}
	return 0
}

// Index returns item i of an array, carrying the hops of the array.
func (v Value) Index(i int) (Value, bool) {
	if v.kind != Array || i < 0 || i >= len(v.items) {
		return Value{}, false
	}
	return v.items[i].inherit(v.via), true
}

// Members returns the members of an object in written order. Their values do
// not carry the object's hops; use Get for that.
func (v Value) Members() Members {
	if v.kind != Object {
		return nil
	}
	return *v.obj
}

// Values returns the values of the members of an object in written order,
// each carrying the hops of the object as Get adds them; in time linear in
// the members, however many hops the object took.
func (v Value) Values() []Value {
	if v.kind != Object {
		return nil
	}
	out := make([]Value, len(*v.obj))
	for i, m := range *v.obj {
		out[i] = m.Value.inherit(v.via)
	}
	return out
}

// Get returns the member key of an object, compared case-insensitively and
// carrying the hops of the object. A member that is not written is Missing,
// spanned at the object; a value that is not an object yields itself when
// unknown (the member is then unknown for the same reason) and Missing otherwise.
func (v Value) Get(key string) Value {
	switch v.kind {
	case Object:
		if i := v.obj.index(key); i >= 0 {
			return (*v.obj)[i].Value.inherit(v.via)
		}
	case Unknown:
		return v
	}
	return MissingAt(v.Span)
}

// Key returns the member key of an object with the span of its key.
func (v Value) Key(key string) (Member, bool) {
	if v.kind != Object {
		return Member{}, false
	}
	m, ok := v.obj.Lookup(key)
	if ok {
		m.Value = m.Value.inherit(v.via)
	}
	return m, ok
}

// Via returns the hops the value took, nearest first.
func (v Value) Via() []Hop {
	var hops []Hop
	for h := v.via; h != nil; h = h.Next {
		hops = append(hops, *h)
	}
	return hops
}

// WithHop returns the value with one more hop recorded in front of the others.
func (v Value) WithHop(span Span, note string) Value {
	v.via = &Hop{Span: span, Note: note, Next: v.via}
	return v
}

// WithSpan returns the value moved to span; its hops are kept.
func (v Value) WithSpan(span Span) Value {
	v.Span = span
	v.lit = false
	return v
}

// WithSymbolic returns a string value marked as holding deployment-time
// placeholders when sym is true.
func (v Value) WithSymbolic(sym bool) Value {
	if v.kind == String && sym {
		v.sym = true
	}
	return v
}

// WithSymbol returns a symbolic string marked as standing for s.
func (v Value) WithSymbol(s Symbol) Value {
	if v.kind == String && v.sym {
		v.is = s
	}
	return v
}

// WithComputed returns a string value marked as computed (see IsComputed)
// when computed is true.
func (v Value) WithComputed(computed bool) Value {
	if v.kind == String && computed {
		v.made = true
	}
	return v
}

// inherit appends the hops of a container to a value taken out of it.
func (v Value) inherit(via *Hop) Value {
	if via == nil {
		return v
	}
	if v.via == nil {
		v.via = via
		return v
	}
	hops := v.Via()
	chain := via
	for i := len(hops) - 1; i >= 0; i-- {
		chain = &Hop{Span: hops[i].Span, Note: hops[i].Note, Next: chain}
	}
	v.via = chain
	return v
}

// Equal reports whether two known values are the same JSON value, as ARM's
// equals() compares them: strings exactly, object keys ignoring case. Unknown
// and missing values are equal to nothing.
func Equal(a, b Value) bool { return compare(a, b) == same }

// Differ reports whether two values are known to be different JSON values:
// they differ in a part that both know. Values that differ only where one
// of them is unknown, or that are too large to compare, do not: a rule that
// reports a difference stays silent on what it cannot know.
func Differ(a, b Value) bool { return compare(a, b) == different }

// verdict is what comparing two values found.
type verdict int

const (
	same verdict = iota
	different
	cannotTell
)

// maxCompareNodes bounds a comparison. Values share their parts, so a value
// of a few kilobytes can stand for a tree of 2^60 nodes; a key looked up
// counts as many nodes as the object has members.
const maxCompareNodes = 1 << 20

func compare(a, b Value) verdict {
	budget := maxCompareNodes
	return compareNodes(a, b, &budget)
}

func compareNodes(a, b Value, budget *int) verdict {
	switch *budget--; {
	case *budget < 0 || !a.IsKnown() || !b.IsKnown():
		return cannotTell
	case a.kind != b.kind:
		return different
	}
	switch a.kind {
	case Null:
		return same
	case Bool, Int:
		return differentIf(a.num != b.num)
	case String:
		if a.sym || b.sym {
			// A placeholder such as {subscription().subscriptionId} may
			// stand for any text.
			return orCannotTell(a.str == b.str && a.sym == b.sym)
		}
		return differentIf(a.str != b.str)
	case Array:
		if len(a.items) != len(b.items) {
			return different
		}
		return compareAll(len(a.items), func(i int) verdict { return compareNodes(a.items[i], b.items[i], budget) })
	case Object:
		am, bm := *a.obj, *b.obj
		if len(am) != len(bm) {
			return different
		}
		return compareAll(len(am), func(i int) verdict {
			*budget -= len(bm) // Lookup compares the keys one by one
			o, ok := bm.Lookup(am[i].Key)
			if !ok {
				return different
			}
			return compareNodes(am[i].Value, o.Value, budget)
		})
	}
	return cannotTell
}

// compareAll combines the verdicts of n parts: different as soon as one
// part is, same when all are, and cannot tell otherwise.
func compareAll(n int, part func(int) verdict) verdict {
	v := same
	for i := range n {
		switch part(i) {
		case different:
			return different
		case cannotTell:
			v = cannotTell
		}
	}
	return v
}

func differentIf(b bool) verdict {
	if b {
		return different
	}
	return same
}

func orCannotTell(b bool) verdict {
	if b {
		return same
	}
	return cannotTell
}

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }
