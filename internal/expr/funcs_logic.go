package expr

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/lhlint/lhlint/internal/model"
)

// evalIf evaluates if(condition, then, else). Azure evaluates only the
// branch the condition selects, so the other may hold anything, such as a
// reference() to a resource that is not deployed.
func (ev *evaluator) evalIf(c *Call) model.Value {
	cond := ev.eval(c.Args[0])
	b, ok := cond.Bool()
	if !ok {
		if cond.IsUnknown() {
			return model.UnknownValue(cond.Reason(), c.Span)
		}
		return unknownf(c.Span, "if takes a bool condition, got %s", cond.Kind().Article())
	}
	if b {
		return ev.eval(c.Args[1])
	}
	return ev.eval(c.Args[2])
}

// evalAndOr evaluates and() or or(). A false argument decides and(), a true
// one or(), even when another argument is known only at deployment time.
func (ev *evaluator) evalAndOr(c *Call, isAnd bool) model.Value {
	name := "or"
	if isAnd {
		name = "and"
	}
	var pending model.Value
	for _, a := range c.Args {
		v := ev.eval(a)
		if v.IsUnknown() {
			if !pending.IsUnknown() {
				pending = v
			}
			continue
		}
		b, ok := v.Bool()
		if !ok {
			return unknownf(c.Span, "%s takes bools, got %s", name, v.Kind().Article())
		}
		if b != isAnd {
			return model.BoolValue(b, c.Span)
		}
	}
	if pending.IsUnknown() {
		return model.UnknownValue(pending.Reason(), c.Span)
	}
	return model.BoolValue(isAnd, c.Span)
}

// evalCoalesce returns the first argument that is not null. An argument
// known only at deployment time before it makes the result unknown.
func (ev *evaluator) evalCoalesce(c *Call) model.Value {
	for _, a := range c.Args {
		v := ev.eval(a)
		switch v.Kind() {
		case model.Null:
			continue
		case model.Unknown:
			return model.UnknownValue(v.Reason(), c.Span)
		}
		return v
	}
	return model.NullValue(c.Span)
}

func not(c call) model.Value {
	b, ok := c.args[0].Bool()
	if !ok {
		return c.typeError("a bool", c.args[0])
	}
	return c.boolean(!b)
}

// toBool converts "true" and "false" in any case, and integers (non-zero is
// true), as bool() does.
func toBool(c call) model.Value {
	a := c.args[0]
	switch a.Kind() {
	case model.Bool:
		b, _ := a.Bool()
		return c.boolean(b)
	case model.Int:
		n, _ := a.Int()
		return c.boolean(n != 0)
	case model.String:
		if a.IsSymbolic() {
			return c.symbolicOnly(a)
		}
		switch strings.ToLower(strings.TrimSpace(a.Text())) {
		case "true":
			return c.boolean(true)
		case "false":
			return c.boolean(false)
		}
		return c.unknownf("bool cannot convert %s to a bool", strconv.Quote(truncate(a.Text())))
	}
	return c.typeError("a string or an int", a)
}

// equals compares as ARM does: strings exactly, object keys without regard
// to case. A comparison that depends on a symbolic string is unknown unless
// both sides are the same symbolic text.
func equals(c call) model.Value {
	switch c.ev.equal(c.args[0], c.args[1]) {
	case yes:
		return c.boolean(true)
	case no:
		return c.boolean(false)
	}
	for _, a := range c.args {
		if u, ok := c.ev.findUnknown(a); ok {
			return model.UnknownValue(u.Reason(), c.span)
		}
	}
	return c.uncertain("comparing values known only at deployment time")
}

// compare builds greater, less and the others. They compare two integers or
// two strings.
func compare(test func(int) bool) func(call) model.Value {
	return func(c call) model.Value {
		a, b := c.args[0], c.args[1]
		if x, ok := a.Int(); ok {
			if y, ok := b.Int(); ok {
				return c.boolean(test(cmpInt(x, y)))
			}
		}
		if a.Kind() == model.String && b.Kind() == model.String {
			if a.IsSymbolic() || b.IsSymbolic() {
				return c.unknownf("comparing values known only at deployment time")
			}
			return c.boolean(test(compareText(a.Text(), b.Text())))
		}
		return c.unknownf("%s compares two integers or two strings, got %s and %s", c.f.name, a.Kind().Article(), b.Kind().Article())
	}
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareText orders strings the way .NET's culture-aware comparison does
// for ordinary text: letters ignoring case first, and on a tie lower case
// before upper case, so greater('A', 'a') is true.
func compareText(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	ra, rb := []rune(a), []rune(b)
	for i := range min(len(ra), len(rb)) {
		if ra[i] == rb[i] {
			continue
		}
		if unicode.IsLower(ra[i]) {
			return -1
		}
		return 1
	}
	return cmpInt(int64(len(ra)), int64(len(rb)))
}
