package report

import (
	"strings"
	"testing"
)

// The hostile values a template can write into a display name, an offer
// name or an ID, with the exact text each must become.
var hostile = []struct {
	name, in                 string
	printable, text, codeOut string
}{
	{"plain", "Contoso NOC", "Contoso NOC", "Contoso NOC", "`Contoso NOC`"},
	{"guid", "6a8c0e2f-4b6d-4f8a-9c1e-3a5c7e9b1d3f", "6a8c0e2f-4b6d-4f8a-9c1e-3a5c7e9b1d3f",
		"6a8c0e2f-4b6d-4f8a-9c1e-3a5c7e9b1d3f", "`6a8c0e2f-4b6d-4f8a-9c1e-3a5c7e9b1d3f`"},
	{"empty", "", "", "", ""},
	{"pipe", "Ops | Tier 2", "Ops | Tier 2", `Ops \| Tier 2`, `Ops \| Tier 2`},
	{"row forgery", "NOC | `x` | Reader |\n<!--", "\"NOC | `x` | Reader |\\n<!--\"",
		"\"NOC \\| \\`x\\` \\| Reader \\|\\\\n\\<!--\"", "\"NOC \\| \\`x\\` \\| Reader \\|\\\\n\\<!--\""},
	{"comment end", "--> Ops", "--> Ops", `--\> Ops`, "`--> Ops`"},
	{"backtick", "a`b", "a`b", "a\\`b", "a\\`b"},
	{"backslash", `a\b`, `a\b`, `a\\b`, "`a\\b`"},
	{"emphasis", "*x* _y_ ~~z~~", "*x* _y_ ~~z~~", `\*x\* \_y\_ \~\~z\~\~`, "`*x* _y_ ~~z~~`"},
	{"link", "[x](http://evil)", "[x](http://evil)", `\[x\](http://evil)`, "`[x](http://evil)`"},
	{"html", "<img src=x>", "<img src=x>", `\<img src=x\>`, "`<img src=x>`"},
	{"entity", "&amp;", "&amp;", `\&amp;`, "`&amp;`"},
	{"heading close", "main #", "main #", `main \#`, "`main #`"},
	{"math", "$x$", "$x$", "&#36;x&#36;", "`$x$`"},
	{"carriage return", "a\rb", `"a\rb"`, `"a\\rb"`, "`\"a\\rb\"`"},
	{"escape sequence", "\x1b[31mred", `"\x1b[31mred"`, `"\\x1b\[31mred"`, "`\"\\x1b[31mred\"`"},
	{"bidi override", "exe.\u202etxt", `"exe.\u202etxt"`, `"exe.\\u202etxt"`, "`\"exe.\\u202etxt\"`"},
	{"line separator", "a\u2028b", `"a\u2028b"`, `"a\\u2028b"`, "`\"a\\u2028b\"`"},
	{"invalid UTF-8", "a\xffb", `"a\xffb"`, `"a\\xffb"`, "`\"a\\xffb\"`"},
	{"spaces at both ends", " a ", " a ", " a ", " a "},
	{"wide", "Contoso 日本 🚀", "Contoso 日本 🚀", "Contoso 日本 🚀", "`Contoso 日本 🚀`"},
}

func TestPrintable(t *testing.T) {
	for _, tc := range hostile {
		if got := Printable(tc.in); got != tc.printable {
			t.Errorf("%s: Printable(%q) = %q, want %q", tc.name, tc.in, got, tc.printable)
		}
	}
}

func TestMarkdownText(t *testing.T) {
	for _, tc := range hostile {
		if got := MarkdownText(tc.in); got != tc.text {
			t.Errorf("%s: MarkdownText(%q) = %q, want %q", tc.name, tc.in, got, tc.text)
		}
	}
}

func TestMarkdownCode(t *testing.T) {
	for _, tc := range hostile {
		if got := MarkdownCode(tc.in); got != tc.codeOut {
			t.Errorf("%s: MarkdownCode(%q) = %q, want %q", tc.name, tc.in, got, tc.codeOut)
		}
	}
}

// unescapeMarkdown undoes MarkdownText's escapes as a renderer reads them.
var unescapeMarkdown = strings.NewReplacer(`\\`, `\`, "\\`", "`", `\*`, `*`, `\_`, `_`, `\~`, `~`,
	`\[`, `[`, `\]`, `]`, `\<`, `<`, `\>`, `>`, `\&`, `&`, `\|`, `|`, `\#`, `#`, `&#36;`, `$`)

// FuzzMarkdownText checks that any value becomes one line of inline text
// that reads back as the value (quoted when Printable quotes it), with every
// character markdown could read as syntax escaped.
func FuzzMarkdownText(f *testing.F) {
	for _, tc := range hostile {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := MarkdownText(s)
		if strings.ContainsAny(got, "\n\r") {
			t.Fatalf("MarkdownText(%q) = %q breaks the line", s, got)
		}
		if back := unescapeMarkdown.Replace(got); back != Printable(s) {
			t.Fatalf("MarkdownText(%q) = %q reads back as %q", s, got, back)
		}
		if r, ok := unescaped(got); ok {
			t.Fatalf("MarkdownText(%q) = %q leaves %q unescaped", s, got, r)
		}
		if code := MarkdownCode(s); code != got && code != "`"+Printable(s)+"`" {
			t.Fatalf("MarkdownCode(%q) = %q is neither a code span nor MarkdownText", s, code)
		}
	})
}

// unescaped returns the first character of md that markdown could read as
// syntax and that no backslash escapes.
func unescaped(md string) (rune, bool) {
	for i := 0; i < len(md); i++ {
		switch {
		case md[i] == '\\':
			i++
		case strings.HasPrefix(md[i:], "&#36;"):
			i += len("&#36;") - 1
		case strings.IndexByte("`*_~[]<>&|#$", md[i]) >= 0:
			return rune(md[i]), true
		}
	}
	return 0, false
}
