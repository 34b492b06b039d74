package bicep

import (
	"fmt"
	"go/token"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

const spanName = "Span"

// sexpr writes a node as an S-expression: (Kind field ...) with the fields
// in declaration order, names as bare words, strings quoted, nil fields as
// _, lists in [], and true booleans as :Field. Spans are left out; spans
// are checked by checkSpans.
func sexpr(n any) string {
	var b strings.Builder
	writeValue(&b, reflect.ValueOf(n))
	return b.String()
}

func writeValue(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			b.WriteString("_")
			return
		}
		writeValue(b, v.Elem())
		return
	case reflect.Slice:
		b.WriteString("[")
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(" ")
			}
			writeValue(b, v.Index(i))
		}
		b.WriteString("]")
		return
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
		return
	case reflect.Uint64, reflect.Uint8:
		if v.Type() == reflect.TypeFor[Kind]() {
			if s, ok := symbols[Kind(v.Uint())]; ok {
				b.WriteString(s)
				return
			}
		}
		fmt.Fprint(b, v.Uint())
		return
	case reflect.Bool:
		fmt.Fprint(b, v.Bool())
		return
	case reflect.Struct:
	default:
		fmt.Fprint(b, v.Interface())
		return
	}
	t := v.Type()
	switch t {
	case reflect.TypeFor[Ident]():
		b.WriteString(v.FieldByName("Name").String())
		return
	case reflect.TypeFor[IntLit]():
		b.WriteString(v.FieldByName("Text").String())
		return
	case reflect.TypeFor[BoolLit]():
		fmt.Fprint(b, v.FieldByName("Value").Bool())
		return
	case reflect.TypeFor[NullLit]():
		b.WriteString("null")
		return
	}
	b.WriteString("(" + t.Name())
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Name == spanName {
			continue
		}
		fv := v.Field(i)
		if fv.Kind() == reflect.Bool {
			if fv.Bool() {
				b.WriteString(" :" + f.Name)
			}
			continue
		}
		if fv.Kind() == reflect.Slice && fv.Len() == 0 && f.Name == "Decorators" {
			continue
		}
		b.WriteString(" ")
		writeValue(b, fv)
	}
	b.WriteString(")")
}

// checkSpans reports a node whose span is inverted or outside its file,
// or a child whose span is not inside its parent's. It also checks that
// Inspect visits every node, in the same order as a walk of the fields.
func checkSpans(t testing.TB, f *File) {
	t.Helper()
	var viaFields []Node
	lo, hi := token.Pos(f.Tok.Base()), token.Pos(f.Tok.Base()+f.Tok.Size())
	var walk func(v reflect.Value, parent Node)
	walk = func(v reflect.Value, parent Node) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return
			}
			if n, ok := v.Interface().(Node); ok && v.Kind() == reflect.Pointer {
				if n.Pos() > n.End() || n.Pos() < lo || n.End() > hi {
					t.Errorf("%T has span [%d,%d) outside its file [%d,%d]", n, n.Pos(), n.End(), lo, hi)
				}
				if parent != nil && (n.Pos() < parent.Pos() || n.End() > parent.End()) {
					t.Errorf("%T [%d,%d) is not inside its parent %T [%d,%d)", n, n.Pos(), n.End(), parent, parent.Pos(), parent.End())
				}
				parent = n
				viaFields = append(viaFields, n)
			}
			walk(v.Elem(), parent)
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), parent)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() && v.Type().Field(i).Name != spanName {
					walk(v.Field(i), parent)
				}
			}
		}
	}
	var viaInspect []Node
	for _, s := range f.Stmts {
		walk(reflect.ValueOf(s), nil)
		Inspect(s, func(n Node) bool {
			viaInspect = append(viaInspect, n)
			return true
		})
	}
	for i := range max(len(viaFields), len(viaInspect)) {
		if i >= len(viaFields) || i >= len(viaInspect) || viaFields[i] != viaInspect[i] {
			t.Errorf("Inspect visits %d nodes and the fields hold %d; they differ at node %d", len(viaInspect), len(viaFields), i)
			break
		}
	}
}
