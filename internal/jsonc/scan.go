package jsonc

import (
	"fmt"
	"unicode/utf8"
)

// maxDepth bounds how deeply lhlint reads nested JSON. Real templates nest
// a few dozen levels; the bound keeps hostile input from costing stack or time.
const maxDepth = 256

// syntaxError is malformed JSON at a byte offset.
type syntaxError struct {
	off int
	msg string
}

// validate checks that data (comments and trailing commas already blanked)
// is one JSON value, and says where and why it is not. gjson trusts its
// input, so nothing reaches it that validate has not accepted.
func validate(data []byte) *syntaxError {
	s := scanner{data: data}
	s.skipSpace()
	if s.i == len(data) {
		return &syntaxError{0, "file is empty"}
	}
	if err := s.value(); err != nil {
		return err
	}
	s.skipSpace()
	if s.i < len(data) {
		return s.errorf("unexpected %s after the end of the JSON value", s.describe())
	}
	return nil
}

type scanner struct {
	data []byte
	i    int
}

func (s *scanner) errorf(format string, args ...any) *syntaxError {
	return &syntaxError{s.i, fmt.Sprintf(format, args...)}
}

// describe names the byte at the current offset for a message.
func (s *scanner) describe() string {
	if s.i >= len(s.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(s.data[s.i:])
	if r == utf8.RuneError {
		return "invalid UTF-8"
	}
	return fmt.Sprintf("character %q", r)
}

func (s *scanner) skipSpace() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// value scans one value. Containers are scanned with an explicit stack, so
// deep nesting costs no recursion.
func (s *scanner) value() *syntaxError {
	var stack []byte // '{' or '['
	for {
		s.skipSpace()
		if err := s.scalarOrOpen(&stack); err != nil {
			return err
		}
		// After a value: close containers or move to the next member.
		for {
			if len(stack) == 0 {
				return nil
			}
			s.skipSpace()
			top := stack[len(stack)-1]
			if s.i < len(s.data) && s.data[s.i] == ',' {
				s.i++
				if top == '{' {
					if err := s.key(); err != nil {
						return err
					}
				}
				break
			}
			if s.i < len(s.data) && s.data[s.i] == closer(top) {
				s.i++
				stack = stack[:len(stack)-1]
				continue
			}
			if top == '{' {
				return s.errorf("expected ',' or '}' after an object member, found %s", s.describe())
			}
			return s.errorf("expected ',' or ']' after an array element, found %s", s.describe())
		}
	}
}

func closer(open byte) byte {
	if open == '{' {
		return '}'
	}
	return ']'
}

// scalarOrOpen scans a scalar, or opens a container and positions at its
// first value (after the key for objects). An empty container is consumed whole.
func (s *scanner) scalarOrOpen(stack *[]byte) *syntaxError {
	if s.i >= len(s.data) {
		return s.errorf("unexpected end of file, expected a value")
	}
	switch c := s.data[s.i]; c {
	case '{', '[':
		if len(*stack) >= maxDepth {
			return s.errorf("JSON nests more than %d levels deep", maxDepth)
		}
		s.i++
		s.skipSpace()
		if s.i < len(s.data) && s.data[s.i] == closer(c) {
			s.i++
			return nil
		}
		*stack = append(*stack, c)
		if c == '{' {
			if err := s.key(); err != nil {
				return err
			}
		}
		s.skipSpace()
		return s.scalarOrOpen(stack)
	case '"':
		return s.str()
	case 't':
		return s.word("true")
	case 'f':
		return s.word("false")
	case 'n':
		return s.word("null")
	default:
		if c == '-' || (c >= '0' && c <= '9') {
			return s.number()
		}
		return s.errorf("unexpected %s, expected a value", s.describe())
	}
}

// key scans an object key and its colon.
func (s *scanner) key() *syntaxError {
	s.skipSpace()
	if s.i >= len(s.data) || s.data[s.i] != '"' {
		return s.errorf("expected a string key, found %s", s.describe())
	}
	if err := s.str(); err != nil {
		return err
	}
	s.skipSpace()
	if s.i >= len(s.data) || s.data[s.i] != ':' {
		return s.errorf("expected ':' after the object key, found %s", s.describe())
	}
	s.i++
	return nil
}

func (s *scanner) word(w string) *syntaxError {
	if len(s.data)-s.i >= len(w) && string(s.data[s.i:s.i+len(w)]) == w {
		s.i += len(w)
		return nil
	}
	return s.errorf("unexpected %s, expected a value", s.describe())
}

func (s *scanner) number() *syntaxError {
	start := s.i
	if s.data[s.i] == '-' {
		s.i++
	}
	digits := func() int {
		n := 0
		for s.i < len(s.data) && s.data[s.i] >= '0' && s.data[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.i < len(s.data) && s.data[s.i] == '0' {
		s.i++
	} else if digits() == 0 {
		return s.errorf("invalid number")
	}
	if s.i < len(s.data) && s.data[s.i] == '.' {
		s.i++
		if digits() == 0 {
			return s.errorf("invalid number: expected digits after '.'")
		}
	}
	if s.i < len(s.data) && (s.data[s.i] == 'e' || s.data[s.i] == 'E') {
		s.i++
		if s.i < len(s.data) && (s.data[s.i] == '+' || s.data[s.i] == '-') {
			s.i++
		}
		if digits() == 0 {
			return s.errorf("invalid number: expected digits in the exponent")
		}
	}
	if s.i-start > 400 {
		s.i = start
		return s.errorf("number is too long")
	}
	return nil
}

func (s *scanner) str() *syntaxError {
	start := s.i
	s.i++ // opening quote
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '"':
			s.i++
			return nil
		case c == '\\':
			if s.i+1 >= len(s.data) {
				s.i = start
				return s.errorf("unterminated string")
			}
			switch s.data[s.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i += 2
			case 'u':
				if s.i+6 > len(s.data) || !isHex4(s.data[s.i+2:s.i+6]) {
					return s.errorf(`invalid \u escape: expected four hexadecimal digits`)
				}
				s.i += 6
			default:
				return s.errorf("invalid escape %q in string", string(s.data[s.i:s.i+2]))
			}
		case c < 0x20:
			if c == '\n' {
				s.i = start
				return s.errorf("unterminated string: a line break must be written \\n")
			}
			return s.errorf("control character %#02x in string; escape it", c)
		case c < utf8.RuneSelf:
			s.i++
		default:
			r, n := utf8.DecodeRune(s.data[s.i:])
			if r == utf8.RuneError && n == 1 {
				return s.errorf("invalid UTF-8 in string")
			}
			s.i += n
		}
	}
	s.i = start
	return s.errorf("unterminated string")
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
