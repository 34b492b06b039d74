package jsonc

import (
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

func TestLiteral(t *testing.T) {
	var at model.Span
	tests := []struct {
		v    model.Value
		want string // "" when it cannot be written
	}{
		{model.StringValue("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", at), `"8e3af657-a8ff-443c-a75c-2fe8c4bcb635"`},
		{model.StringValue("a \"b\" \\ é\n", at), `"a \"b\" \\ é\u000a"`},
		{model.IntValue(-3, at), `-3`},
		{model.BoolValue(true, at), `true`},
		{model.NullValue(at), `null`},
		{model.SymbolicString("{subscription().tenantId}", at), ""},
		{model.ArrayValue(nil, at), ""},
		{model.UnknownValue("why", at), ""},
	}
	for _, tt := range tests {
		got, ok := Literal(tt.v)
		if string(got) != tt.want || ok != (tt.want != "") {
			t.Errorf("Literal(%v) = %q, %v; want %q", tt.v.Text(), got, ok, tt.want)
		}
	}
}
