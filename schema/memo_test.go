package schema

import (
	"encoding/json"
	"reflect"
	"sync"
	"testing"
)

// TestMemo checks that a remembered validation is the validation: for
// valid, invalid, repeated and unknown-holding documents, the first time
// and the second, and without a memo.
func TestMemo(t *testing.T) {
	def, _ := Resource("Microsoft.ManagedServices/registrationDefinitions", "2022-10-01")
	tests := []struct {
		s   *Schema
		doc string
	}{
		{Config(), `{"rules": {"owner_role": "warning"}}`},
		{Config(), `{"rulez": {}, "customerTenant": "contoso.com"}`},
		{Config(), `{"customerTenant": "fabrikam.com"}`},
		{Config(), `{"rulez": {}, "customerTenant": "contoso.com"}`},
		{def, `{"properties": {"managedByTenantId": "\u0000unknown", "authorizations": [{"roleDefinitionId": 7}]}}`},
		{def, `{"properties": {"managedByTenantId": "\u0000unknown", "authorizations": [{"roleDefinitionId": 7}]}}`},
		{Template(), `{"outputs": {"o": {"type": "string", "value": "", "metadata": {}}}}`},
	}
	m := NewMemo()
	for _, tt := range tests {
		var v any
		if err := json.Unmarshal([]byte(tt.doc), &v); err != nil {
			t.Fatal(err)
		}
		want := tt.s.Validate(v)
		for _, memo := range []*Memo{m, m, nil} {
			if got := memo.Validate(tt.s, []byte(tt.doc)); !reflect.DeepEqual(got, want) {
				t.Errorf("Memo.Validate(%s) = %+v, want %+v", tt.doc, got, want)
			}
		}
	}
	if len(m.seen) != 5 {
		t.Errorf("the memo holds %d documents, want the 5 distinct ones", len(m.seen))
	}
}

// TestMemoBounds checks that a full memo still validates, and remembers
// nothing more.
func TestMemoBounds(t *testing.T) {
	m := NewMemo()
	m.entries = 2
	for _, doc := range []string{`{"a": 1}`, `{"b": 1}`, `{"c": 1}`} {
		if got := m.Validate(Config(), []byte(doc)); len(got) != 1 || !got[0].Member {
			t.Errorf("Memo.Validate(%s) = %+v, want one unknown member", doc, got)
		}
	}
	if len(m.seen) != 2 {
		t.Errorf("the memo holds %d documents, want 2", len(m.seen))
	}
	m.budget = m.bytes
	m.entries = 10
	m.Validate(Config(), []byte(`{"d": 1}`))
	if len(m.seen) != 2 {
		t.Errorf("the memo holds %d documents past its budget, want 2", len(m.seen))
	}
}

// TestMemoConcurrent checks that jobs may share a memo (run with -race).
func TestMemoConcurrent(t *testing.T) {
	m := NewMemo()
	docs := []string{`{"rulez": {}}`, `{"customerTenant": "contoso.com"}`, `{}`}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, doc := range docs {
				m.Validate(Config(), []byte(doc))
			}
		})
	}
	wg.Wait()
	if len(m.seen) != len(docs) {
		t.Errorf("the memo holds %d documents, want %d", len(m.seen), len(docs))
	}
}
