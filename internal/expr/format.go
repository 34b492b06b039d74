package expr

import (
	"strconv"
	"strings"

	"github.com/lhlint/lhlint/internal/model"
)

// format applies .NET composite formatting, as format() does: "{0}",
// "{1,-8}", "{2:N0}", with "{{" and "}}" for braces. Bicep compiles string
// interpolation to format() with plain "{n}" items.
func format(c call) model.Value {
	f := c.args[0]
	if f.Kind() != model.String {
		return c.typeError("a format string first", f)
	}
	if f.IsSymbolic() {
		return c.symbolicOnly(f)
	}
	args := c.args[1:]
	s := f.Text()
	var b strings.Builder
	sym := false
	for i := 0; i < len(s); i++ {
		if b.Len() > maxStringLen {
			return c.tooLarge()
		}
		switch s[i] {
		case '{':
			if i+1 < len(s) && s[i+1] == '{' {
				b.WriteByte('{')
				i++
				continue
			}
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return c.unknownf("format string %s has a '{' that is not closed", strconv.Quote(truncate(s)))
			}
			item, bad := parseFormatItem(s[i+1 : i+end])
			if bad != "" {
				return c.unknownf("format item {%s} %s", truncate(s[i+1:i+end]), bad)
			}
			if item.index >= len(args) {
				return c.unknownf("format item {%s} refers to an argument that is not given: format has %s after the format string", truncate(s[i+1:i+end]), plural(len(args), "argument"))
			}
			text, itemSym, bad := c.ev.formatValue(args[item.index], item.spec)
			if bad != "" {
				return c.unknownf("format item {%s} %s", truncate(s[i+1:i+end]), bad)
			}
			if u := utf16Len(text); item.width > u {
				pad := strings.Repeat(" ", item.width-u)
				if item.left {
					text += pad
				} else {
					text = pad + text
				}
			}
			b.WriteString(text)
			sym = sym || itemSym
			i += end
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				i++
				b.WriteByte('}')
				continue
			}
			return c.unknownf("format string %s has a '}' that is not opened", strconv.Quote(truncate(s)))
		default:
			b.WriteByte(s[i])
		}
	}
	return c.str(b.String(), sym)
}

type formatItem struct {
	index int
	width int  // minimum width in characters
	left  bool // align left: pad on the right
	spec  string
}

// parseFormatItem reads "index[,alignment][:formatString]".
func parseFormatItem(s string) (formatItem, string) {
	var it formatItem
	if colon := strings.IndexByte(s, ':'); colon >= 0 {
		s, it.spec = s[:colon], s[colon+1:]
	}
	if comma := strings.IndexByte(s, ','); comma >= 0 {
		align := strings.TrimSpace(s[comma+1:])
		s = s[:comma]
		if strings.HasPrefix(align, "-") {
			it.left, align = true, align[1:]
		}
		w, err := strconv.Atoi(align)
		if err != nil || w < 0 || strings.HasPrefix(align, "+") {
			return it, "has an alignment that is not an integer"
		}
		if w > maxStringLen {
			return it, "is too wide to evaluate"
		}
		it.width = w
	}
	s = strings.TrimRight(s, " ")
	if s == "" || strings.TrimLeft(s, "0123456789") != "" || len(s) > 6 {
		return it, "does not start with an argument number"
	}
	it.index, _ = strconv.Atoi(s)
	return it, ""
}

// formatValue writes one argument of format(), and whether it holds a
// symbolic string. Strings ignore the format specifier, as in .NET;
// integers support the standard D, N, F, X and G specifiers and
// zero-padding custom formats such as "000"; arrays and objects are
// written as JSON.
func (ev *evaluator) formatValue(v model.Value, spec string) (string, bool, string) {
	switch v.Kind() {
	case model.Int:
		n, _ := v.Int()
		if spec == "" {
			return strconv.FormatInt(n, 10), false, ""
		}
		s, bad := formatInt(n, spec)
		return s, false, bad
	case model.String, model.Bool, model.Null:
		s, _ := scalarText(v)
		return s, v.IsSymbolic(), ""
	case model.Array, model.Object:
		s, sym, bad := ev.serialize(v)
		switch bad.Reason() {
		case "":
			return s, sym, ""
		case tooLarge:
			return "", false, "formats a value too large to evaluate"
		case tooCostly:
			return "", false, "formats a value too costly to evaluate"
		}
	}
	return "", false, "formats a value known only at deployment time"
}

// formatInt formats n with a .NET numeric format string, in the invariant
// culture Azure uses.
func formatInt(n int64, spec string) (string, string) {
	const unsupported = "has a format lhlint does not evaluate"
	if strings.Trim(spec, "0") == "" {
		return padDigits(n, len(spec)), ""
	}
	kind, prec := spec[0], -1
	if len(spec) > 1 {
		p, err := strconv.Atoi(spec[1:])
		if err != nil || p < 0 || p > 99 {
			return "", unsupported
		}
		prec = p
	}
	switch kind {
	case 'D', 'd':
		return padDigits(n, max(prec, 1)), ""
	case 'G', 'g':
		if prec <= 0 || prec >= 19 {
			return strconv.FormatInt(n, 10), ""
		}
	case 'N', 'n', 'F', 'f':
		if prec < 0 {
			prec = 2
		}
		digits := strconv.FormatInt(n, 10)
		sign := ""
		if n < 0 {
			sign, digits = "-", digits[1:]
		}
		if kind == 'N' || kind == 'n' {
			digits = group(digits)
		}
		if prec > 0 {
			digits += "." + strings.Repeat("0", prec)
		}
		return sign + digits, ""
	case 'X', 'x':
		s := strconv.FormatUint(uint64(n), 16)
		if kind == 'X' {
			s = strings.ToUpper(s)
		}
		if len(s) < prec {
			s = strings.Repeat("0", prec-len(s)) + s
		}
		return s, ""
	}
	return "", unsupported
}

// padDigits writes n with at least width digits.
func padDigits(n int64, width int) string {
	digits := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	if len(digits) < width {
		digits = strings.Repeat("0", width-len(digits)) + digits
	}
	return sign + digits
}

// group inserts thousands separators into a string of digits.
func group(digits string) string {
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return b.String()
}
