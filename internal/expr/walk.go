package expr

import (
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// Values share their parts: createArray(variables('a'), variables('a'))
// holds the value of a twice without copying it, so sixty variables that
// each double the one before, a few kilobytes of template, make a tree of
// 2^60 nodes in a few kilobytes of memory. Whatever descends into a value
// (serialising it, comparing it, looking for an unknown or a symbolic
// string inside) therefore charges every node it visits to the evaluation
// budget, and gives up when the budget is spent: the result is then
// unknown, as for any other function too costly to evaluate.

// visit charges one node of a value, and the text of a string, which is
// read whole.
func (ev *evaluator) visit(v model.Value) bool {
	return ev.charge(1 + textCost(v.Text()))
}

// findUnknown returns the first unknown or missing value inside v. When the
// budget is spent first, the value it returns is unknown for that reason.
func (ev *evaluator) findUnknown(v model.Value) (model.Value, bool) {
	if !ev.visit(v) {
		return model.UnknownValue(tooCostly, v.Span), true
	}
	switch v.Kind() {
	case model.Unknown, model.Missing:
		return v, true
	case model.Array:
		for _, it := range v.RawItems() {
			if u, ok := ev.findUnknown(it); ok {
				return u, true
			}
		}
	case model.Object:
		for _, m := range v.Members() {
			if u, ok := ev.findUnknown(m.Value); ok {
				return u, true
			}
		}
	}
	return model.Value{}, false
}

// hasSymbolic reports whether v is or contains a symbolic string. When the
// budget is spent first it reports true, the answer that claims least.
func (ev *evaluator) hasSymbolic(v model.Value) bool {
	if !ev.visit(v) {
		return true
	}
	switch v.Kind() {
	case model.String:
		return v.IsSymbolic()
	case model.Array:
		for _, it := range v.RawItems() {
			if ev.hasSymbolic(it) {
				return true
			}
		}
	case model.Object:
		for _, m := range v.Members() {
			if ev.hasSymbolic(m.Value) {
				return true
			}
		}
	}
	return false
}

// writer writes values as text, charging every node to the budget: as
// compact JSON, the way Azure serialises values for string(), or as a key
// that is equal for values equalTri finds equal when they hold no symbolic
// strings, for deduplicating in linear time. Writing stops at the first
// unknown value inside, or at a bound; stop then says why.
type writer struct {
	ev   *evaluator
	b    strings.Builder
	key  bool        // write keys rather than JSON
	sym  bool        // a symbolic string was written
	stop model.Value // unknown once writing stopped
}

// text returns what w wrote, or false when it stopped.
func (w *writer) text() (string, bool) {
	return w.b.String(), !w.stop.IsUnknown()
}

// reset readies w for another value; stop is kept.
func (w *writer) reset() {
	w.b.Reset()
	w.sym = false
}

// write writes v and reports whether it could, all of it.
func (w *writer) write(v model.Value) bool {
	switch {
	case w.stop.IsUnknown():
		return false
	case !w.ev.visit(v):
		w.stop = model.UnknownValue(tooCostly, v.Span)
		return false
	case w.b.Len() > maxStringLen:
		w.stop = model.UnknownValue(tooLarge, v.Span)
		return false
	}
	switch v.Kind() {
	case model.Unknown, model.Missing:
		w.stop = v
		if v.Reason() == "" {
			w.stop = model.UnknownValue("a member has no value", v.Span)
		}
		return false
	case model.String:
		w.sym = w.sym || v.IsSymbolic()
		if w.key && v.IsSymbolic() {
			w.b.WriteByte('$')
		}
		writeJSONString(&w.b, v.Text())
	case model.Array:
		w.b.WriteByte('[')
		for i, it := range v.RawItems() {
			if i > 0 {
				w.b.WriteByte(',')
			}
			if !w.write(it) {
				return false
			}
		}
		w.b.WriteByte(']')
	case model.Object:
		ms := v.Members()
		if w.key {
			ms = append(model.Members(nil), ms...)
			sortMembersFold(ms)
		}
		w.b.WriteByte('{')
		for i, m := range ms {
			if i > 0 {
				w.b.WriteByte(',')
			}
			key := m.Key
			if w.key {
				key = strings.ToLower(key)
			}
			writeJSONString(&w.b, key)
			w.b.WriteByte(':')
			if !w.write(m.Value) {
				return false
			}
		}
		w.b.WriteByte('}')
	default:
		writeScalarJSON(&w.b, v)
	}
	return true
}

// writeScalarJSON writes an integer, a bool or null as JSON.
func writeScalarJSON(b *strings.Builder, v model.Value) {
	switch v.Kind() {
	case model.Int:
		n, _ := v.Int()
		b.WriteString(strconv.FormatInt(n, 10))
	case model.Bool:
		x, _ := v.Bool()
		b.WriteString(strconv.FormatBool(x))
	default:
		b.WriteString("null")
	}
}

// serialize writes v as compact JSON, as string() does, with whether it
// holds a symbolic string; or the unknown value that says why it cannot.
func (ev *evaluator) serialize(v model.Value) (string, bool, model.Value) {
	w := writer{ev: ev}
	w.write(v)
	s, ok := w.text()
	if !ok {
		return "", false, w.stop
	}
	return s, w.sym, model.Value{}
}

// tri is the result of comparing values that may be known only in part.
type tri uint8

const (
	no tri = iota
	yes
	maybe
)

func triOf(b bool) tri {
	if b {
		return yes
	}
	return no
}

// equal compares two values as ARM's equals() does: strings exactly,
// object keys without regard to case. Comparing a symbolic string with
// anything but the same symbolic text, or an unknown value, is maybe; so is
// a comparison the budget does not cover, which c.uncertain tells apart.
func (ev *evaluator) equal(a, b model.Value) tri {
	if !a.IsKnown() || !b.IsKnown() || !ev.visit(a) {
		return maybe
	}
	if a.Kind() != b.Kind() {
		return no
	}
	switch a.Kind() {
	case model.Null:
		return yes
	case model.Bool:
		x, _ := a.Bool()
		y, _ := b.Bool()
		return triOf(x == y)
	case model.Int:
		x, _ := a.Int()
		y, _ := b.Int()
		return triOf(x == y)
	case model.String:
		switch {
		case a.IsSymbolic() && b.IsSymbolic() && a.Text() == b.Text():
			return yes
		case a.IsSymbolic() || b.IsSymbolic():
			return maybe
		}
		return triOf(a.Text() == b.Text())
	case model.Array:
		if a.Len() != b.Len() {
			return no
		}
		ai, bi := a.RawItems(), b.RawItems()
		r := yes
		for i := range ai {
			switch ev.equal(ai[i], bi[i]) {
			case no:
				return no
			case maybe:
				r = maybe
			}
		}
		return r
	case model.Object:
		return ev.equalMembers(a.Members(), b.Members())
	}
	return maybe
}

// equalMembers compares the members of two objects, keys ignoring case.
func (ev *evaluator) equalMembers(am, bm model.Members) tri {
	if len(am) != len(bm) {
		return no
	}
	lookup := bm.Lookup
	if len(bm) > 16 {
		if !ev.charge(len(bm)) {
			return maybe
		}
		index := make(map[string]model.Member, len(bm))
		for _, m := range bm {
			index[strings.ToLower(m.Key)] = m // the last of equal keys wins, as in Lookup
		}
		lookup = func(key string) (model.Member, bool) {
			m, ok := index[strings.ToLower(key)]
			return m, ok
		}
	}
	r := yes
	for _, m := range am {
		o, ok := lookup(m.Key)
		if !ok {
			return no
		}
		switch ev.equal(m.Value, o.Value) {
		case no:
			return no
		case maybe:
			r = maybe
		}
	}
	return r
}

// uncertain is the unknown result of a call that cannot tell whether values
// are equal: what says what depends on values known only at deployment
// time, unless the budget ran out first.
func (c call) uncertain(what string) model.Value {
	if c.ev.spent() {
		return c.unknownf(tooCostly)
	}
	return c.unknownf("%s", what)
}
