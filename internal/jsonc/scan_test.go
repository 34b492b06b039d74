package jsonc

import "testing"

func TestValidate(t *testing.T) {
	tests := []struct {
		in   string
		off  int // -1: valid
		want string
	}{
		{`{"a": [1, -2.5e3, true, false, null, "x\u00e9\n"]}`, -1, ""},
		{`  [ ]  `, -1, ""},
		{``, 0, "file is empty"},
		{`{"a": 1 "b": 2}`, 8, "expected ',' or '}' after an object member, found character '\"'"},
		{`[1 2]`, 3, "expected ',' or ']' after an array element, found character '2'"},
		{`{"a" 1}`, 5, "expected ':' after the object key, found character '1'"},
		{`{1: 2}`, 1, "expected a string key, found character '1'"},
		{`{"a": tru}`, 6, "unexpected character 't', expected a value"},
		{`{"a": "b`, 6, "unterminated string"},
		{"{\"a\": \"b\nc\"}", 6, "unterminated string: a line break must be written \\n"},
		{`{"a": "\q"}`, 7, `invalid escape "\\q" in string`},
		{`{"a": "\u12"}`, 7, `invalid \u escape: expected four hexadecimal digits`},
		{"{\"a\": \"\xff\"}", 7, "invalid UTF-8 in string"},
		{`{"a": 01}`, 7, "expected ',' or '}' after an object member, found character '1'"},
		{`{"a": -}`, 7, "invalid number"},
		{`{"a": 1.}`, 8, "invalid number: expected digits after '.'"},
		{`{} {}`, 3, "unexpected character '{' after the end of the JSON value"},
		{`{"a": [`, 7, "unexpected end of file, expected a value"},
		{`{"a": [1,`, 9, "unexpected end of file, expected a value"},
		{`{"a": 1`, 7, "expected ',' or '}' after an object member, found end of file"},
	}
	for _, tt := range tests {
		err := validate([]byte(tt.in))
		switch {
		case tt.off < 0 && err != nil:
			t.Errorf("validate(%q) = %d: %s, want valid", tt.in, err.off, err.msg)
		case tt.off >= 0 && err == nil:
			t.Errorf("validate(%q) = valid, want %d: %s", tt.in, tt.off, tt.want)
		case tt.off >= 0 && (err.off != tt.off || err.msg != tt.want):
			t.Errorf("validate(%q) = %d: %s, want %d: %s", tt.in, err.off, err.msg, tt.off, tt.want)
		}
	}
}

func TestValidateDeepNesting(t *testing.T) {
	deep := make([]byte, 0, 20002)
	for range 10000 {
		deep = append(deep, '[')
	}
	for range 10000 {
		deep = append(deep, ']')
	}
	err := validate(deep)
	if err == nil || err.off != maxDepth || err.msg != "JSON nests more than 256 levels deep" {
		t.Fatalf("validate(10000 nested arrays) = %+v, want the nesting bound at offset %d", err, maxDepth)
	}
}
