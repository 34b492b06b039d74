package schema

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"sync"
)

// Memo remembers the violations of the documents validated during one run,
// so that a document validated again costs a hash: the violations of a
// document depend on the document and the schema alone, and onboarding
// templates repeat the same few structures thousands of times. It is safe
// for concurrent use and bounded: past its bounds it validates without
// remembering. The zero Memo is not usable; a nil *Memo remembers nothing.
type Memo struct {
	mu      sync.Mutex
	seen    map[memoKey][]Violation
	bytes   int // what the remembered violations hold, roughly
	entries int // at most this many documents
	budget  int // at most this many bytes of violations
}

// memoKey names a document by its schema and the SHA-256 of its text.
type memoKey struct {
	s   *Schema
	sum [sha256.Size]byte
}

// The bounds of a Memo: a run that meets more distinct shapes than this
// validates the rest each time, in constant memory.
const (
	memoEntries = 1 << 14
	memoBytes   = 8 << 20
)

// NewMemo returns an empty memo for one run.
func NewMemo() *Memo {
	return &Memo{seen: map[memoKey][]Violation{}, entries: memoEntries, budget: memoBytes}
}

// Validate returns what s.Validate returns of the document doc, written as
// JSON text (with AppendUnknown where a value is not known), validating it
// only the first time. The violations are shared by every caller: they
// must not be changed.
func (m *Memo) Validate(s *Schema, doc []byte) []Violation {
	if m == nil {
		return s.validateText(doc)
	}
	k := memoKey{s, sha256.Sum256(doc)}
	m.mu.Lock()
	vs, ok := m.seen[k]
	m.mu.Unlock()
	if ok {
		return vs
	}
	vs = s.validateText(doc)
	size := memoSize(vs)
	m.mu.Lock()
	if len(m.seen) < m.entries && m.bytes+size <= m.budget {
		m.seen[k] = vs
		m.bytes += size
	}
	m.mu.Unlock()
	return vs
}

// validateText validates the document written as JSON text in doc. It
// decodes a copy: doc itself does not escape, so callers may write it on
// the stack.
func (s *Schema) validateText(doc []byte) []Violation {
	var v any
	if err := json.Unmarshal(bytes.Clone(doc), &v); err != nil {
		return []Violation{{Message: err.Error()}} // a bug in the caller's encoding
	}
	return s.Validate(v)
}

// memoSize is roughly the memory the violations vs hold, their key and
// the map's entry included.
func memoSize(vs []Violation) int {
	n := 64
	for _, v := range vs {
		n += 96 + len(v.Message) + len(v.Suggest)
		for _, tok := range v.Path {
			n += 16 + len(tok)
		}
	}
	return n
}

// AppendUnknown appends to dst the JSON text that stands for an Unknown
// value in a document given to Memo.Validate.
func AppendUnknown(dst []byte) []byte {
	return append(dst, `"\u0000unknown"`...)
}
