package expr

import (
	"slices"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// array wraps a value in an array, unless it is one.
func array(c call) model.Value {
	if c.args[0].Kind() == model.Array {
		return c.args[0]
	}
	return c.array(c.copyArgs())
}

func createArray(c call) model.Value { return c.array(c.copyArgs()) }

// createObject builds an object from keys and values. Keys keep the span of
// the argument that names them.
func createObject(c call) model.Value {
	if len(c.args)%2 != 0 {
		return c.unknownf("createObject takes pairs of keys and values, got %s", plural(len(c.args), "argument"))
	}
	var members memberSet
	for i := 0; i < len(c.args); i += 2 {
		k := c.args[i]
		if k.Kind() != model.String {
			return c.unknownf("createObject takes string keys, got %s", k.Kind().Article())
		}
		if k.IsSymbolic() {
			return c.unknownf("the property name %s is known only at deployment time", truncate(k.Text()))
		}
		members.set(model.Member{Key: k.Text(), KeySpan: k.Span, Value: c.args[i+1]})
	}
	return c.object(members.ms)
}

// length counts the characters of a string as .NET does (UTF-16 code
// units), the items of an array or the members of an object.
func length(c call) model.Value {
	a := c.args[0]
	switch a.Kind() {
	case model.Array, model.Object:
		return c.integer(int64(a.Len()))
	case model.String:
		if a.IsSymbolic() {
			return c.symbolicOnly(a)
		}
		return c.integer(int64(utf16Len(a.Text())))
	}
	return c.typeError("a string, an array or an object", a)
}

func empty(c call) model.Value {
	a := c.args[0]
	switch a.Kind() {
	case model.Null:
		return c.boolean(true)
	case model.String:
		if a.IsSymbolic() {
			return c.symbolicOnly(a)
		}
		return c.boolean(a.Text() == "")
	case model.Array, model.Object:
		return c.boolean(a.Len() == 0)
	}
	return c.typeError("a string, an array or an object", a)
}

// contains finds a substring (case-sensitively), an item, or an object key
// (ignoring case), as Azure documents.
func contains(c call) model.Value {
	in, x := c.args[0], c.args[1]
	switch in.Kind() {
	case model.String:
		s, ok := scalarText(x)
		if !ok || x.Kind() == model.Null {
			return c.typeError("a string or an int to find in a string", x)
		}
		if in.IsSymbolic() || x.IsSymbolic() {
			return c.unknownf("comparing values known only at deployment time")
		}
		return c.boolean(strings.Contains(in.Text(), s))
	case model.Array:
		r := no
		for _, it := range in.Items() {
			switch c.ev.equal(it, x) {
			case yes:
				return c.boolean(true)
			case maybe:
				r = maybe
			}
		}
		if r == maybe {
			return c.uncertain("comparing values known only at deployment time")
		}
		return c.boolean(false)
	case model.Object:
		if x.Kind() != model.String {
			return c.typeError("a string key to find in an object", x)
		}
		if x.IsSymbolic() {
			return c.unknownf("the property name %s is known only at deployment time", truncate(x.Text()))
		}
		if !c.ev.lookupCharge(in) {
			return c.unknownf(tooCostly)
		}
		_, found := in.Key(x.Text())
		return c.boolean(found)
	}
	return c.typeError("a string, an array or an object", in)
}

// firstLast builds first and last: of an array (null when it is empty) or
// of a string.
func firstLast(first bool) func(call) model.Value {
	return func(c call) model.Value {
		a := c.args[0]
		switch a.Kind() {
		case model.Array:
			if a.Len() == 0 {
				return model.NullValue(c.span)
			}
			i := a.Len() - 1
			if first {
				i = 0
			}
			v, _ := a.Index(i)
			return v
		case model.String:
			if a.IsSymbolic() {
				return c.symbolicCall()
			}
			s := a.Text()
			if s == "" {
				return c.str("", false)
			}
			n := utf16Len(s)
			if first {
				return c.str(utf16Slice(s, 0, 1), false)
			}
			return c.str(utf16Slice(s, n-1, n), false)
		}
		return c.typeError("a string or an array", a)
	}
}

// skipTake builds skip and take, on arrays and strings. Counts outside the
// range are clamped, as Azure does.
func skipTake(skip bool) func(call) model.Value {
	return func(c call) model.Value {
		a := c.args[0]
		n, ok := c.args[1].Int()
		if !ok {
			return c.unknownf("%s takes an integer count, got %s", c.f.name, c.args[1].Kind().Article())
		}
		var size int64
		switch a.Kind() {
		case model.Array:
			size = int64(a.Len())
		case model.String:
			if a.IsSymbolic() {
				return c.symbolicCall()
			}
			size = int64(utf16Len(a.Text()))
		default:
			return c.typeError("a string or an array", a)
		}
		n = min(max(n, 0), size)
		from, to := n, size
		if !skip {
			from, to = 0, n
		}
		if a.Kind() == model.String {
			return c.str(utf16Slice(a.Text(), int(from), int(to)), false)
		}
		return c.array(append([]model.Value(nil), a.Items()[from:to]...))
	}
}

// rangeFn returns count integers from start.
func rangeFn(c call) model.Value {
	start, ok1 := c.args[0].Int()
	count, ok2 := c.args[1].Int()
	if !ok1 || !ok2 {
		return c.unknownf("range takes an integer start and count")
	}
	if count < 0 {
		return c.unknownf("range takes a count that is not negative, got %d", count)
	}
	if count > maxItems {
		return c.tooLarge()
	}
	if start > 1<<31-1-count {
		return c.unknownf("range(%d, %d) goes past 2147483647", start, count)
	}
	items := make([]model.Value, count)
	for i := range items {
		items[i] = model.IntValue(start+int64(i), c.span)
	}
	return c.array(items)
}

// union merges objects or arrays. Arrays keep each value once; objects take
// the later value of a key, and merge nested objects recursively, as Azure
// documents.
func union(c call) model.Value {
	switch c.args[0].Kind() {
	case model.Object:
		var members memberSet
		for _, a := range c.args {
			if a.Kind() != model.Object {
				return c.unknownf("union takes all objects or all arrays, got an object and %s", a.Kind().Article())
			}
			if !c.ev.mergeMembers(&members, a, 0) {
				return c.unknownf(tooCostly)
			}
			if len(members.ms) > maxItems {
				return c.tooLarge()
			}
		}
		return c.object(members.ms)
	case model.Array:
		lists := make([][]model.Value, len(c.args))
		for i, a := range c.args {
			if a.Kind() != model.Array {
				return c.unknownf("union takes all arrays or all objects, got an array and %s", a.Kind().Article())
			}
			lists[i] = a.Items()
		}
		out, bad, ok := c.dedupe(lists...)
		if !ok {
			return bad
		}
		return c.array(out)
	}
	return c.typeError("objects or arrays", c.args[0])
}

// mergeMembers merges the members of object o into ms: a later value
// replaces an earlier one, and two objects under the same key are merged.
// It returns false when the budget is spent: objects that share their
// parts can nest many more members than they take memory. Each member is
// charged twice, read and built.
func (ev *evaluator) mergeMembers(ms *memberSet, o model.Value, depth int) bool {
	if !ev.charge(1 + 2*o.Len()) {
		return false
	}
	vals := o.Values()
	for i, m := range o.Members() {
		m.Value = vals[i]
		old, ok := ms.get(m.Key)
		if ok && depth < maxJSONDepth && old.Value.Kind() == model.Object && m.Value.Kind() == model.Object {
			var nested memberSet
			if !ev.mergeMembers(&nested, old.Value, depth+1) || !ev.mergeMembers(&nested, m.Value, depth+1) {
				return false
			}
			m.Value = model.ObjectValue(nested.ms, m.Value.Span)
		}
		ms.set(m)
	}
	return true
}

// intersection keeps the items of the first array found in all others, or
// the members of the first object with equal values in all others.
func intersection(c call) model.Value {
	first := c.args[0]
	for _, a := range c.args[1:] {
		if a.Kind() != first.Kind() {
			return c.unknownf("intersection takes all arrays or all objects, got %s and %s", first.Kind().Article(), a.Kind().Article())
		}
	}
	switch first.Kind() {
	case model.Array:
		if keep, ok := c.intersectKnown(); ok {
			out, bad, ok := c.dedupe(keep)
			if !ok {
				return bad
			}
			return c.array(out)
		}
		var keep []model.Value
		for _, it := range first.Items() {
			in := yes
			for _, a := range c.args[1:] {
				if !c.ev.charge(a.Len()) {
					return c.unknownf(tooCostly)
				}
				found := no
				for _, o := range a.Items() {
					if r := c.ev.equal(it, o); r == yes {
						found = yes
						break
					} else if r == maybe {
						found = maybe
					}
				}
				if found == no {
					in = no
					break
				}
				if found == maybe {
					in = maybe
				}
			}
			switch in {
			case maybe:
				return c.uncertain("intersection of values known only at deployment time")
			case yes:
				keep = append(keep, it)
			}
		}
		out, bad, ok := c.dedupe(keep)
		if !ok {
			return bad
		}
		return c.array(out)
	case model.Object:
		others := make([]memberSet, len(c.args)-1)
		for i, a := range c.args[1:] {
			if !c.ev.charge(a.Len()) {
				return c.tooLarge()
			}
			for _, m := range a.Members() {
				others[i].set(m)
			}
		}
		var members model.Members
		vals := first.Values()
		for i, m := range first.Members() {
			m.Value = vals[i]
			in := yes
			for _, other := range others {
				o, ok := other.get(m.Key)
				r := no
				if ok {
					r = c.ev.equal(m.Value, o.Value)
				}
				if r == no {
					in = no
					break
				}
				if r == maybe {
					in = maybe
				}
			}
			switch in {
			case maybe:
				return c.uncertain("intersection of values known only at deployment time")
			case yes:
				members = append(members, m)
			}
		}
		return c.object(members)
	}
	return c.typeError("arrays or objects", first)
}

// intersectKnown intersects arrays of values known exactly, in linear
// time; it returns false when one holds a symbolic string or an unknown,
// or when their keys are too large to keep.
func (c call) intersectKnown() ([]model.Value, bool) {
	w := writer{ev: c.ev, key: true}
	size := 0
	keyOf := func(v model.Value) (string, bool) {
		w.reset()
		if !w.write(v) || w.sym {
			return "", false
		}
		k, _ := w.text()
		size += len(k)
		return k, size <= maxKeyBytes
	}
	sets := make([]map[string]bool, len(c.args)-1)
	for i, a := range c.args[1:] {
		sets[i] = make(map[string]bool, a.Len())
		for _, it := range a.Items() {
			k, ok := keyOf(it)
			if !ok {
				return nil, false
			}
			sets[i][k] = true
		}
	}
	var keep []model.Value
	for _, it := range c.args[0].Items() {
		k, ok := keyOf(it)
		if !ok {
			return nil, false
		}
		in := true
		for _, set := range sets {
			in = in && set[k]
		}
		if in {
			keep = append(keep, it)
		}
	}
	return keep, true
}

func distinct(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.Array {
		return c.typeError("an array", a)
	}
	out, bad, ok := c.dedupe(a.Items())
	if !ok {
		return bad
	}
	return c.array(out)
}

// flatten concatenates the arrays in an array.
func flatten(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.Array {
		return c.typeError("an array of arrays", a)
	}
	var items []model.Value
	for _, it := range a.Items() {
		if it.IsUnknown() {
			return model.UnknownValue(it.Reason(), c.span)
		}
		if it.Kind() != model.Array {
			return c.unknownf("flatten takes an array of arrays, got %s in it", it.Kind().Article())
		}
		if len(items)+it.Len() > maxItems {
			return c.tooLarge()
		}
		items = append(items, it.Items()...)
	}
	return c.array(items)
}

// items turns an object into an array of {key, value} objects, sorted by
// key as Azure sorts them.
func items(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.Object {
		return c.typeError("an object", a)
	}
	ms := append(model.Members(nil), a.Members()...)
	for i, v := range a.Values() {
		ms[i].Value = v
	}
	sortMembersFold(ms)
	out := make([]model.Value, len(ms))
	for i, m := range ms {
		key := model.StringValue(m.Key, m.KeySpan)
		out[i] = model.ObjectValue(model.Members{{Key: "key", Value: key}, {Key: "value", Value: m.Value}}, c.span)
	}
	return c.array(out)
}

// sortMembersFold sorts members by key ignoring case, then exactly.
func sortMembersFold(ms model.Members) {
	slices.SortStableFunc(ms, func(a, b model.Member) int {
		if c := strings.Compare(strings.ToLower(a.Key), strings.ToLower(b.Key)); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
}

func objectKeys(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.Object {
		return c.typeError("an object", a)
	}
	out := make([]model.Value, 0, a.Len())
	for _, m := range a.Members() {
		out = append(out, model.StringValue(m.Key, m.KeySpan))
	}
	return c.array(out)
}

// shallowMerge merges an array of objects, later keys winning, without
// merging nested objects.
func shallowMerge(c call) model.Value {
	a := c.args[0]
	if a.Kind() != model.Array {
		return c.typeError("an array of objects", a)
	}
	var members memberSet
	for _, it := range a.Items() {
		if it.IsUnknown() {
			return model.UnknownValue(it.Reason(), c.span)
		}
		if it.Kind() != model.Object {
			return c.unknownf("shallowMerge takes an array of objects, got %s in it", it.Kind().Article())
		}
		if !c.ev.charge(it.Len()) {
			return c.tooLarge()
		}
		vals := it.Values()
		for i, m := range it.Members() {
			m.Value = vals[i]
			members.set(m)
		}
		if len(members.ms) > maxItems {
			return c.tooLarge()
		}
	}
	return c.object(members.ms)
}

// tryGet follows keys and indexes into a value, null when one is missing.
func tryGet(c call) model.Value {
	v := c.args[0]
	for _, k := range c.args[1:] {
		switch v.Kind() {
		case model.Object:
			key, ok := k.Str()
			if !ok {
				if k.IsSymbolic() {
					return c.unknownf("the property name %s is known only at deployment time", truncate(k.Text()))
				}
				return c.unknownf("tryGet takes a string key for an object, got %s", k.Kind().Article())
			}
			if !c.ev.lookupCharge(v) {
				return c.unknownf(tooCostly)
			}
			m, found := v.Key(key)
			if !found {
				return model.NullValue(c.span)
			}
			v = m.Value
		case model.Array:
			i, ok := k.Int()
			if !ok {
				return c.unknownf("tryGet takes an integer index for an array, got %s", k.Kind().Article())
			}
			it, found := v.Index(int(min(max(i, -1), int64(maxItems))))
			if !found {
				return model.NullValue(c.span)
			}
			v = it
		case model.Null:
			return model.NullValue(c.span)
		case model.Unknown:
			return model.UnknownValue(v.Reason(), c.span)
		default:
			return c.unknownf("tryGet takes an object or an array, got %s", v.Kind().Article())
		}
	}
	return v
}

// indexFromEnd builds indexFromEnd and tryIndexFromEnd: item n counted from
// the end, 1 being the last.
func indexFromEnd(try bool) func(call) model.Value {
	return func(c call) model.Value {
		a := c.args[0]
		n, ok := c.args[1].Int()
		if a.Kind() != model.Array || !ok {
			return c.unknownf("%s takes an array and an integer", c.f.name)
		}
		if n >= 1 && n <= int64(a.Len()) {
			v, _ := a.Index(a.Len() - int(n))
			return v
		}
		if try {
			return model.NullValue(c.span)
		}
		return c.unknownf("indexFromEnd(%d) is out of range: the array has %s", n, plural(a.Len(), "item"))
	}
}
