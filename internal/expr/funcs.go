package expr

import (
	"crypto/sha1"
	"encoding/base32"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/lhlint/lhlint/internal/model"
)

// lazyCall evaluates the functions that decide themselves which arguments
// to evaluate, and reports whether name is one of them.
func (ev *evaluator) lazyCall(name string, c *Call) (model.Value, bool) {
	switch name {
	case "parameters":
		return ev.lookup(c, "parameter", ev.env.Parameter), true
	case "variables":
		return ev.lookup(c, "variable", ev.env.Variable), true
	case "if":
		return ev.evalIf(c), true
	case "copyindex":
		return ev.evalCopyIndex(c), true
	}
	return model.Value{}, false
}

func deploymentTime(name string) function {
	return function{max: -1, takesUnknown: true, fn: func(c call) model.Value {
		return c.unknownf("%s() is evaluated at deployment time", name)
	}}
}

// functions evaluate all their arguments first. Keys are lower-case:
// function names are case-insensitive.
var functions = map[string]function{
	"concat":                 {max: -1, fn: concat},
	"format":                 {min: 1, max: -1, fn: format},
	"guid":                   {min: 1, max: -1, fn: guid},
	"uniquestring":           {min: 1, max: -1, fn: uniqueString},
	"createarray":            {max: -1, fn: func(c call) model.Value { return c.array(c.args) }},
	"createobject":           {max: -1, fn: createObject},
	"array":                  {min: 1, max: 1, fn: array},
	"union":                  {min: 1, max: -1, fn: union},
	"length":                 {min: 1, max: 1, fn: length},
	"equals":                 {min: 2, max: 2, fn: equals},
	"not":                    {min: 1, max: 1, fn: not},
	"and":                    {min: 2, max: -1, fn: andOr(true)},
	"or":                     {min: 2, max: -1, fn: andOr(false)},
	"empty":                  {min: 1, max: 1, fn: empty},
	"contains":               {min: 2, max: 2, fn: contains},
	"first":                  {min: 1, max: 1, fn: firstLast(true)},
	"last":                   {min: 1, max: 1, fn: firstLast(false)},
	"coalesce":               {min: 1, max: -1, takesUnknown: true, fn: coalesce},
	"tolower":                {min: 1, max: 1, fn: mapString(strings.ToLower)},
	"toupper":                {min: 1, max: 1, fn: mapString(strings.ToUpper)},
	"trim":                   {min: 1, max: 1, fn: mapString(strings.TrimSpace)},
	"replace":                {min: 3, max: 3, fn: replace},
	"substring":              {min: 2, max: 3, fn: substring},
	"split":                  {min: 2, max: 2, fn: split},
	"join":                   {min: 2, max: 2, fn: join},
	"string":                 {min: 1, max: 1, fn: toString},
	"int":                    {min: 1, max: 1, fn: toInt},
	"bool":                   {min: 1, max: 1, fn: toBool},
	"json":                   {min: 1, max: 1, fn: parseJSON},
	"true":                   {fn: func(c call) model.Value { return model.BoolValue(true, c.span) }},
	"false":                  {fn: func(c call) model.Value { return model.BoolValue(false, c.span) }},
	"null":                   {fn: func(c call) model.Value { return model.NullValue(c.span) }},
	"startswith":             {min: 2, max: 2, fn: stringTest(strings.HasPrefix)},
	"endswith":               {min: 2, max: 2, fn: stringTest(strings.HasSuffix)},
	"add":                    {min: 2, max: 2, fn: arith(func(a, b int64) (int64, bool) { return a + b, true })},
	"sub":                    {min: 2, max: 2, fn: arith(func(a, b int64) (int64, bool) { return a - b, true })},
	"mul":                    {min: 2, max: 2, fn: arith(func(a, b int64) (int64, bool) { return a * b, true })},
	"div":                    {min: 2, max: 2, fn: arith(func(a, b int64) (int64, bool) { return a / max(b, 1), b != 0 })},
	"mod":                    {min: 2, max: 2, fn: arith(func(a, b int64) (int64, bool) { return a % max(b, 1), b != 0 })},
	"greater":                {min: 2, max: 2, fn: compare(func(c int) bool { return c > 0 })},
	"greaterorequals":        {min: 2, max: 2, fn: compare(func(c int) bool { return c >= 0 })},
	"less":                   {min: 2, max: 2, fn: compare(func(c int) bool { return c < 0 })},
	"lessorequals":           {min: 2, max: 2, fn: compare(func(c int) bool { return c <= 0 })},
	"subscription":           {max: 1, fn: contextObject("subscription", func(x *Context) model.Value { return x.Subscription })},
	"resourcegroup":          {max: 2, fn: contextObject("resourceGroup", func(x *Context) model.Value { return x.ResourceGroup })},
	"tenant":                 {fn: contextObject("tenant", func(x *Context) model.Value { return x.Tenant })},
	"managementgroup":        {max: 1, fn: contextObject("managementGroup", func(x *Context) model.Value { return x.ManagementGroup })},
	"deployment":             {fn: contextObject("deployment", func(x *Context) model.Value { return x.Deployment })},
	"environment":            {fn: contextObject("environment", func(x *Context) model.Value { return x.Environment })},
	"resourceid":             {min: 2, max: -1, fn: resourceID},
	"subscriptionresourceid": {min: 2, max: -1, fn: subscriptionResourceID},
	"tenantresourceid":       {min: 2, max: -1, fn: tenantResourceID},
	"extensionresourceid":    {min: 3, max: -1, fn: extensionResourceID},
	"reference":              deploymentTime("reference"),
	"references":             deploymentTime("references"),
	"utcnow":                 deploymentTime("utcNow"),
	"newguid":                deploymentTime("newGuid"),
	"pickzones":              deploymentTime("pickZones"),
	"providers":              deploymentTime("providers"),
	"deployer":               deploymentTime("deployer"),
	"roledefinitions":        deploymentTime("roleDefinitions"),
	"externalinputs":         deploymentTime("externalInputs"),
	"map":                    notEvaluated("map"),
	"filter":                 notEvaluated("filter"),
	"reduce":                 notEvaluated("reduce"),
	"sort":                   notEvaluated("sort"),
	"toobject":               notEvaluated("toObject"),
	"groupby":                notEvaluated("groupBy"),
	"mapvalues":              notEvaluated("mapValues"),
}

// notEvaluated is a function lhlint knows but does not evaluate yet: lambdas.
func notEvaluated(name string) function {
	return function{max: -1, takesUnknown: true, fn: func(c call) model.Value {
		return c.unknownf("lhlint does not evaluate %s() yet", name)
	}}
}

func (ev *evaluator) lookup(c *Call, what string, get func(string) (model.Value, bool)) model.Value {
	{
		if len(c.Args) != 1 {
			return unknownf(c.Span, "%s takes 1 argument, got %d", c.Name, len(c.Args))
		}
		arg := ev.eval(c.Args[0])
		if arg.IsUnknown() {
			return model.UnknownValue(arg.Reason(), c.Span)
		}
		name, ok := arg.Str()
		if !ok {
			return unknownf(c.Span, "%s takes a %s name", c.Name, what)
		}
		v, ok := get(name)
		if !ok {
			return unknownf(c.Span, "template declares no %s %q", what, name)
		}
		return v.WithHop(c.Span, "value flows through this expression")
	}
}

func (ev *evaluator) evalIf(c *Call) model.Value {
	if len(c.Args) != 3 {
		return unknownf(c.Span, "if takes 3 arguments, got %d", len(c.Args))
	}
	cond := ev.eval(c.Args[0])
	b, ok := cond.Bool()
	if !ok {
		if cond.IsUnknown() {
			return model.UnknownValue(cond.Reason(), c.Span)
		}
		return unknownf(c.Span, "if takes a bool condition, got %s", cond.Kind())
	}
	if b {
		return ev.eval(c.Args[1])
	}
	return ev.eval(c.Args[2])
}

func (ev *evaluator) evalCopyIndex(c *Call) model.Value {
	loop, offset := "", int64(0)
	for i, a := range c.Args {
		v := ev.eval(a)
		if v.IsUnknown() {
			return model.UnknownValue(v.Reason(), c.Span)
		}
		if s, ok := v.Str(); ok && i == 0 {
			loop = s
		} else if n, ok := v.Int(); ok {
			offset = n
		} else {
			return unknownf(c.Span, "copyIndex takes a loop name and an integer offset")
		}
	}
	i, ok := ev.env.CopyIndex(loop)
	if !ok {
		return unknownf(c.Span, "the copy index is not known: the loop's count is not known")
	}
	return model.IntValue(int64(i)+offset, c.Span)
}

func concat(c call) model.Value {
	if len(c.args) > 0 && c.args[0].Kind() == model.Array {
		var items []model.Value
		for _, a := range c.args {
			if a.Kind() != model.Array {
				return c.unknownf("concat takes all arrays or all strings, got %s", a.Kind())
			}
			items = append(items, a.Items()...)
			if len(items) > maxItems {
				return c.unknownf("value too large to evaluate")
			}
		}
		return c.array(items)
	}
	var b strings.Builder
	for _, a := range c.args {
		switch a.Kind() {
		case model.String:
			b.WriteString(a.Text())
		case model.Int, model.Bool:
			b.WriteString(scalarText(a))
		default:
			return c.unknownf("concat takes strings or arrays, got %s", a.Kind())
		}
		if b.Len() > maxStringLen {
			return c.unknownf("value too large to evaluate")
		}
	}
	return c.str(b.String())
}

func scalarText(v model.Value) string {
	switch v.Kind() {
	case model.String:
		return v.Text()
	case model.Int:
		n, _ := v.Int()
		return strconv.FormatInt(n, 10)
	case model.Bool:
		if b, _ := v.Bool(); b {
			return "True"
		}
		return "False"
	case model.Null:
		return ""
	}
	return jsonText(v)
}

// format applies .NET composite formatting: {0}, {1}, {{ and }}.
func format(c call) model.Value {
	f, ok := c.strArg(0)
	if !ok {
		return c.unknownf("format takes a format string")
	}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case '{':
			if i+1 < len(f) && f[i+1] == '{' {
				b.WriteByte('{')
				i++
				continue
			}
			end := strings.IndexByte(f[i:], '}')
			if end < 0 {
				return c.unknownf("format string %q has an unclosed '{'", f)
			}
			spec := f[i+1 : i+end]
			if strings.ContainsAny(spec, ":,") {
				return c.unknownf("format specifier {%s} is not evaluated", spec)
			}
			n, err := strconv.Atoi(spec)
			if err != nil || n < 0 || n+1 >= len(c.args) {
				return c.unknownf("format string %q refers to argument {%s}, which is not given", f, spec)
			}
			b.WriteString(scalarText(c.args[n+1]))
			i += end
		case '}':
			if i+1 < len(f) && f[i+1] == '}' {
				i++
			}
			b.WriteByte('}')
		default:
			b.WriteByte(f[i])
		}
		if b.Len() > maxStringLen {
			return c.unknownf("value too large to evaluate")
		}
	}
	return c.str(b.String())
}

// guidNamespace is the namespace ARM's guid() uses for its name-based
// (version 5) UUIDs.
var guidNamespace = [16]byte{0x11, 0xfb, 0x06, 0xfb, 0x71, 0x2d, 0x4d, 0xdd, 0x98, 0xc7, 0xe7, 0x1b, 0xbd, 0x58, 0x88, 0x30}

// guid returns a deterministic GUID of its arguments. The value is marked
// symbolic: Azure's exact algorithm is not documented, so the text is only
// good for telling equal seeds from different ones.
func guid(c call) model.Value {
	parts, bad, ok := c.strArgs()
	if !ok {
		return bad
	}
	h := sha1.New()
	h.Write(guidNamespace[:])
	for _, u := range utf16.Encode([]rune(strings.Join(parts, "-"))) {
		h.Write([]byte{byte(u), byte(u >> 8)})
	}
	sum := h.Sum(nil)
	sum[6] = sum[6]&0x0f | 0x50
	sum[8] = sum[8]&0x3f | 0x80
	s := fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", binary.BigEndian.Uint32(sum[0:4]), binary.BigEndian.Uint16(sum[4:6]),
		binary.BigEndian.Uint16(sum[6:8]), binary.BigEndian.Uint16(sum[8:10]), sum[10:16])
	return model.SymbolicString(s, c.span)
}

// uniqueString returns a deterministic 13-character string of its
// arguments, symbolic because Azure's hash is not documented.
func uniqueString(c call) model.Value {
	parts, bad, ok := c.strArgs()
	if !ok {
		return bad
	}
	sum := sha1.Sum([]byte(strings.Join(parts, "-")))
	s := strings.ToLower(base32.StdEncoding.EncodeToString(sum[:]))[:13]
	return model.SymbolicString(s, c.span)
}

func createObject(c call) model.Value {
	if len(c.args)%2 != 0 {
		return c.unknownf("createObject takes pairs of keys and values")
	}
	var members model.Members
	for i := 0; i < len(c.args); i += 2 {
		k, ok := c.args[i].Str()
		if !ok {
			return c.unknownf("createObject keys must be strings")
		}
		members = append(members, model.Member{Key: k, KeySpan: c.args[i].Span, Value: c.args[i+1]})
	}
	return model.ObjectValue(members, c.span)
}

func array(c call) model.Value {
	if c.args[0].Kind() == model.Array {
		return c.args[0]
	}
	return c.array([]model.Value{c.args[0]})
}

func union(c call) model.Value {
	switch c.args[0].Kind() {
	case model.Object:
		var members model.Members
		for _, a := range c.args {
			if a.Kind() != model.Object {
				return c.unknownf("union takes all objects or all arrays, got %s", a.Kind())
			}
			for _, m := range a.Members() {
				members = setMember(members, m)
			}
		}
		return model.ObjectValue(members, c.span)
	case model.Array:
		var items []model.Value
		for _, a := range c.args {
			if a.Kind() != model.Array {
				return c.unknownf("union takes all objects or all arrays, got %s", a.Kind())
			}
		next:
			for _, it := range a.Items() {
				for _, have := range items {
					if model.Equal(have, it) {
						continue next
					}
				}
				items = append(items, it)
				if len(items) > maxItems {
					return c.unknownf("value too large to evaluate")
				}
			}
		}
		return c.array(items)
	}
	return c.unknownf("union takes objects or arrays, got %s", c.args[0].Kind())
}

func setMember(ms model.Members, m model.Member) model.Members {
	for i := range ms {
		if strings.EqualFold(ms[i].Key, m.Key) {
			ms[i] = m
			return ms
		}
	}
	return append(ms, m)
}

func length(c call) model.Value {
	a := c.args[0]
	switch a.Kind() {
	case model.Array, model.Object:
		return model.IntValue(int64(a.Len()), c.span)
	case model.String:
		if a.IsSymbolic() {
			return c.unknownf("the length of %q is known only at deployment time", a.Text())
		}
		return model.IntValue(int64(len(utf16.Encode([]rune(a.Text())))), c.span)
	}
	return c.unknownf("length takes a string, array or object, got %s", a.Kind())
}

func equals(c call) model.Value {
	a, b := c.args[0], c.args[1]
	if symbolicIn(a) || symbolicIn(b) {
		if model.Equal(a, b) {
			return model.BoolValue(true, c.span)
		}
		return c.unknownf("comparing values known only at deployment time")
	}
	return model.BoolValue(model.Equal(a, b), c.span)
}

func not(c call) model.Value {
	b, ok := c.args[0].Bool()
	if !ok {
		return c.unknownf("not takes a bool, got %s", c.args[0].Kind())
	}
	return model.BoolValue(!b, c.span)
}

func andOr(isAnd bool) func(call) model.Value {
	return func(c call) model.Value {
		for _, a := range c.args {
			b, ok := a.Bool()
			if !ok {
				return c.unknownf("%s takes bools, got %s", c.c.Name, a.Kind())
			}
			if b != isAnd {
				return model.BoolValue(!isAnd, c.span)
			}
		}
		return model.BoolValue(isAnd, c.span)
	}
}

func empty(c call) model.Value {
	a := c.args[0]
	switch a.Kind() {
	case model.Null:
		return model.BoolValue(true, c.span)
	case model.String:
		return model.BoolValue(a.Text() == "", c.span)
	case model.Array, model.Object:
		return model.BoolValue(a.Len() == 0, c.span)
	}
	return c.unknownf("empty takes a string, array or object, got %s", a.Kind())
}

func contains(c call) model.Value {
	in, x := c.args[0], c.args[1]
	switch in.Kind() {
	case model.String:
		if in.IsSymbolic() || x.IsSymbolic() {
			return c.unknownf("comparing values known only at deployment time")
		}
		return model.BoolValue(strings.Contains(in.Text(), scalarText(x)), c.span)
	case model.Array:
		for _, it := range in.Items() {
			if model.Equal(it, x) {
				return model.BoolValue(true, c.span)
			}
		}
		return model.BoolValue(false, c.span)
	case model.Object:
		k, ok := x.Str()
		if !ok {
			return c.unknownf("contains on an object takes a string key")
		}
		_, found := in.Key(k)
		return model.BoolValue(found, c.span)
	}
	return c.unknownf("contains takes a string, array or object, got %s", in.Kind())
}

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
				return c.unknownf("%q is known only at deployment time", a.Text())
			}
			r := []rune(a.Text())
			if len(r) == 0 {
				return c.str("")
			}
			if first {
				return c.str(string(r[0]))
			}
			return c.str(string(r[len(r)-1]))
		}
		return c.unknownf("%s takes a string or array, got %s", c.c.Name, a.Kind())
	}
}

func coalesce(c call) model.Value {
	for _, a := range c.args {
		switch a.Kind() {
		case model.Null:
			continue
		case model.Unknown:
			return model.UnknownValue(a.Reason(), c.span)
		}
		return a
	}
	return model.NullValue(c.span)
}

func mapString(f func(string) string) func(call) model.Value {
	return func(c call) model.Value {
		s, ok := c.strArg(0)
		if !ok {
			return c.unknownf("%s takes a string, got %s", c.c.Name, c.args[0].Kind())
		}
		return c.str(f(s))
	}
}

func stringTest(f func(string, string) bool) func(call) model.Value {
	return func(c call) model.Value {
		parts, bad, ok := c.strArgs()
		if !ok {
			return bad
		}
		if c.sym() {
			return c.unknownf("comparing values known only at deployment time")
		}
		return model.BoolValue(f(strings.ToLower(parts[0]), strings.ToLower(parts[1])), c.span)
	}
}

func replace(c call) model.Value {
	parts, bad, ok := c.strArgs()
	if !ok {
		return bad
	}
	if parts[1] == "" {
		return c.unknownf("replace cannot replace an empty string")
	}
	if n := strings.Count(parts[0], parts[1]); n > 0 && len(parts[0])+n*len(parts[2]) > maxStringLen {
		return c.unknownf("value too large to evaluate")
	}
	return c.str(strings.ReplaceAll(parts[0], parts[1], parts[2]))
}

func substring(c call) model.Value {
	s, ok := c.strArg(0)
	if !ok || c.args[0].IsSymbolic() {
		return c.unknownf("substring takes a string known before deployment")
	}
	u := utf16.Encode([]rune(s))
	start, ok := c.args[1].Int()
	if !ok {
		return c.unknownf("substring takes an integer start")
	}
	n := int64(len(u)) - start
	if len(c.args) == 3 {
		if n, ok = c.args[2].Int(); !ok {
			return c.unknownf("substring takes an integer length")
		}
	}
	if start < 0 || n < 0 || start+n > int64(len(u)) {
		return c.unknownf("substring(%d, %d) is out of range for a string of %d characters", start, n, len(u))
	}
	return c.str(string(utf16.Decode(u[start : start+n])))
}

func split(c call) model.Value {
	s, ok := c.strArg(0)
	if !ok {
		return c.unknownf("split takes a string, got %s", c.args[0].Kind())
	}
	var seps []string
	switch d := c.args[1]; d.Kind() {
	case model.String:
		seps = []string{d.Text()}
	case model.Array:
		for _, it := range d.Items() {
			seps = append(seps, it.Text())
		}
	default:
		return c.unknownf("split takes a string or array of delimiters")
	}
	parts := []string{s}
	for _, sep := range seps {
		if sep == "" {
			continue
		}
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
		if len(parts) > maxItems {
			return c.unknownf("value too large to evaluate")
		}
	}
	items := make([]model.Value, len(parts))
	for i, p := range parts {
		items[i] = model.StringValue(p, c.span).WithSymbolic(c.sym())
	}
	return c.array(items)
}

func join(c call) model.Value {
	sep, ok := c.strArg(1)
	if !ok || c.args[0].Kind() != model.Array {
		return c.unknownf("join takes an array and a string delimiter")
	}
	var parts []string
	for _, it := range c.args[0].Items() {
		parts = append(parts, scalarText(it))
	}
	return c.str(strings.Join(parts, sep))
}

func toString(c call) model.Value { return c.str(scalarText(c.args[0])) }

func toInt(c call) model.Value {
	a := c.args[0]
	if n, ok := a.Int(); ok {
		return model.IntValue(n, c.span)
	}
	if s, ok := a.Str(); ok {
		if n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil {
			return model.IntValue(n, c.span)
		}
	}
	return c.unknownf("int cannot convert %s to an integer", a.Kind())
}

func toBool(c call) model.Value {
	a := c.args[0]
	if b, ok := a.Bool(); ok {
		return model.BoolValue(b, c.span)
	}
	if n, ok := a.Int(); ok {
		return model.BoolValue(n != 0, c.span)
	}
	if s, ok := a.Str(); ok {
		if b, err := strconv.ParseBool(strings.ToLower(s)); err == nil {
			return model.BoolValue(b, c.span)
		}
	}
	return c.unknownf("bool cannot convert %s to a bool", a.Kind())
}

func parseJSON(c call) model.Value {
	s, ok := c.args[0].Str()
	if !ok {
		return c.unknownf("json takes a string known before deployment")
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return c.unknownf("json cannot parse its argument: %v", err)
	}
	return fromJSON(v, c.span, 0)
}

func fromJSON(v any, span model.Span, depth int) model.Value {
	if depth > maxEvalDepth {
		return model.UnknownValue("value too deeply nested to evaluate", span)
	}
	switch v := v.(type) {
	case nil:
		return model.NullValue(span)
	case bool:
		return model.BoolValue(v, span)
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return model.IntValue(n, span)
		}
		return model.UnknownValue("lhlint reads only whole numbers: "+v.String(), span)
	case string:
		return model.StringValue(v, span)
	case []any:
		items := make([]model.Value, len(v))
		for i, it := range v {
			items[i] = fromJSON(it, span, depth+1)
		}
		return model.ArrayValue(items, span)
	case map[string]any:
		var members model.Members
		for k, it := range v {
			members = append(members, model.Member{Key: k, KeySpan: span, Value: fromJSON(it, span, depth+1)})
		}
		sortMembers(members)
		return model.ObjectValue(members, span)
	}
	return model.UnknownValue("unsupported JSON value", span)
}

func sortMembers(ms model.Members) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Key < ms[j-1].Key; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// jsonText writes a value as compact JSON, as string() does for objects and arrays.
func jsonText(v model.Value) string {
	var b strings.Builder
	writeJSON(&b, v)
	return b.String()
}

func writeJSON(b *strings.Builder, v model.Value) {
	switch v.Kind() {
	case model.String:
		q, _ := json.Marshal(v.Text())
		b.Write(q)
	case model.Int:
		n, _ := v.Int()
		b.WriteString(strconv.FormatInt(n, 10))
	case model.Bool:
		bv, _ := v.Bool()
		b.WriteString(strconv.FormatBool(bv))
	case model.Array:
		b.WriteByte('[')
		for i, it := range v.Items() {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, it)
		}
		b.WriteByte(']')
	case model.Object:
		b.WriteByte('{')
		for i, m := range v.Members() {
			if i > 0 {
				b.WriteByte(',')
			}
			q, _ := json.Marshal(m.Key)
			b.Write(q)
			b.WriteByte(':')
			writeJSON(b, m.Value)
		}
		b.WriteByte('}')
	default:
		b.WriteString("null")
	}
}

func arith(f func(a, b int64) (int64, bool)) func(call) model.Value {
	return func(c call) model.Value {
		a, ok1 := c.args[0].Int()
		b, ok2 := c.args[1].Int()
		if !ok1 || !ok2 {
			return c.unknownf("%s takes integers", c.c.Name)
		}
		r, ok := f(a, b)
		if !ok {
			return c.unknownf("%s divides by zero", c.c.Name)
		}
		return model.IntValue(r, c.span)
	}
}

func compare(test func(int) bool) func(call) model.Value {
	return func(c call) model.Value {
		a, b := c.args[0], c.args[1]
		if x, ok := a.Int(); ok {
			if y, ok := b.Int(); ok {
				return model.BoolValue(test(cmpInt(x, y)), c.span)
			}
		}
		if x, ok := a.Str(); ok {
			if y, ok := b.Str(); ok {
				return model.BoolValue(test(strings.Compare(x, y)), c.span)
			}
		}
		return c.unknownf("%s compares two integers or two strings", c.c.Name)
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
