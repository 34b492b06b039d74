package jsonc

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/lhlint/lhlint/internal/model"
)

// TestDuplicateMembers checks that of a member written twice in one object
// the model keeps the last, in the first one's place, and that each later
// one is recorded against the first, in small objects and in indexed ones.
func TestDuplicateMembers(t *testing.T) {
	var many []string
	for i := range indexFrom + 4 {
		many = append(many, fmt.Sprintf(`"m%d": %d`, i, i))
	}
	tests := []struct {
		name, json string
		want       string // the object's members, key=value
		dups       string // each duplicate: key@offset<-firstKey@offset
	}{
		{"none", `{"a": 1, "b": 2}`, "a=1 b=2", ""},
		{"twice", `{"a": 1, "b": 2, "a": 3}`, "a=3 b=2", "a@17<-a@1"},
		{"case differs", `{"managedByTenantId": 1, "ManagedByTenantID": 2}`, "ManagedByTenantID=2", "ManagedByTenantID@25<-managedByTenantId@1"},
		{"three times", `{"a": 1, "A": 2, "a": 3}`, "a=3", "A@9<-a@1 a@17<-a@1"},
		{"sibling copy blocks run both", `{"copy": [1], "b": 2, "Copy": [3]}`, "copy=[1 3] b=2", ""},
		{"resource copy twice", `{"copy": {"count": 1}, "copy": {"count": 2}}`, "copy={count=2}", "copy@23<-copy@1"},
		{"nested objects are apart", `{"a": {"a": 1}, "b": {"a": 2}}`, "a={a=1} b={a=2}", ""},
		{"many members", `{` + strings.Join(many, ", ") + `, "M3": 99, "m19": 100}`,
			"m0=0 m1=1 m2=2 M3=99 m4=4 m5=5 m6=6 m7=7 m8=8 m9=9 m10=10 m11=11 m12=12 m13=13 m14=14 m15=15 m16=16 m17=17 m18=18 m19=100",
			"M3@201<-m3@28 m19@211<-m19@190"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, _ := Parse(fset, "x.json", []byte(tt.json))
			if len(f.Problems) > 0 {
				t.Fatalf("problem: %s", f.Problems[0].Message)
			}
			if got := memberText(f.Root()); got != tt.want {
				t.Errorf("members %s, want %s", got, tt.want)
			}
			var dups []string
			for _, d := range f.Duplicates {
				dups = append(dups, fmt.Sprintf("%s@%d<-%s@%d", d.Key, f.Offset(d.Pos()), d.FirstKey, f.Offset(d.First.Pos())))
			}
			if got := strings.Join(dups, " "); got != tt.dups {
				t.Errorf("duplicates %s, want %s", got, tt.dups)
			}
		})
	}
}

// memberText writes an object's members as key=value, nested objects in braces.
func memberText(v model.Value) string {
	var parts []string
	for _, m := range v.Members() {
		if m.Value.Kind() == model.Object {
			parts = append(parts, m.Key+"={"+memberText(m.Value)+"}")
			continue
		}
		if m.Value.Kind() == model.Array {
			var items []string
			for _, it := range m.Value.Items() {
				n, _ := it.Int()
				items = append(items, fmt.Sprint(n))
			}
			parts = append(parts, m.Key+"=["+strings.Join(items, " ")+"]")
			continue
		}
		n, _ := m.Value.Int()
		parts = append(parts, fmt.Sprintf("%s=%d", m.Key, n))
	}
	return strings.Join(parts, " ")
}
