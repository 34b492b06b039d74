package expr

import (
	"math"
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// arith builds add, sub, mul, div and mod over 64-bit integers. Azure has
// no silent overflow, so an overflow is unknown rather than wrapped.
func arith(op func(a, b int64) (int64, string)) func(call) model.Value {
	return func(c call) model.Value {
		a, ok1 := c.args[0].Int()
		b, ok2 := c.args[1].Int()
		if !ok1 {
			return c.typeError("integers", c.args[0])
		}
		if !ok2 {
			return c.typeError("integers", c.args[1])
		}
		r, problem := op(a, b)
		if problem != "" {
			return c.unknownf("%s(%d, %d) %s", c.f.name, a, b, problem)
		}
		return c.integer(r)
	}
}

const overflows = "overflows a 64-bit integer"

func addInt(a, b int64) (int64, string) {
	r := a + b
	if (r > a) != (b > 0) {
		return 0, overflows
	}
	return r, ""
}

func subInt(a, b int64) (int64, string) {
	r := a - b
	if (r < a) != (b > 0) {
		return 0, overflows
	}
	return r, ""
}

func mulInt(a, b int64) (int64, string) {
	if a == 0 || b == 0 {
		return 0, ""
	}
	r := a * b
	if r/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, overflows
	}
	return r, ""
}

func divInt(a, b int64) (int64, string) {
	switch {
	case b == 0:
		return 0, "divides by zero"
	case a == math.MinInt64 && b == -1:
		return 0, overflows
	}
	return a / b, ""
}

func modInt(a, b int64) (int64, string) {
	if b == 0 {
		return 0, "divides by zero"
	}
	if b == -1 {
		return 0, ""
	}
	return a % b, ""
}

// toInt converts an integer or a string of digits.
func toInt(c call) model.Value {
	a := c.args[0]
	switch a.Kind() {
	case model.Int:
		n, _ := a.Int()
		return c.integer(n)
	case model.String:
		if a.IsSymbolic() {
			return c.symbolicOnly(a)
		}
		n, err := strconv.ParseInt(strings.TrimSpace(a.Text()), 10, 64)
		if err != nil {
			return c.unknownf("int cannot convert %s to an integer", strconv.Quote(truncate(a.Text())))
		}
		return c.integer(n)
	}
	return c.typeError("a string or an int", a)
}

// minMax builds min and max: of integer arguments, or of one array of them.
func minMax(isMax bool) func(call) model.Value {
	return func(c call) model.Value {
		vals := c.args
		if len(vals) == 1 && vals[0].Kind() == model.Array {
			vals = vals[0].Items()
		}
		if len(vals) == 0 {
			return c.unknownf("%s of an empty array", c.f.name)
		}
		if !c.ev.charge(len(vals)) {
			return c.unknownf(tooCostly)
		}
		var best int64
		for i, v := range vals {
			if v.IsUnknown() {
				return model.UnknownValue(v.Reason(), c.span)
			}
			n, ok := v.Int()
			if !ok {
				return c.typeError("integers or an array of integers", v)
			}
			if i == 0 || (isMax && n > best) || (!isMax && n < best) {
				best = n
			}
		}
		return c.integer(best)
	}
}
