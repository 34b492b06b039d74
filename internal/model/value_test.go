package model

import "testing"

// TestEqualSharedParts compares values that share their parts: trees of
// 2^60 nodes in a few kilobytes, as sixty template variables that each
// double the one before build them. Equal gives up rather than run for
// ever; smaller values compare as ever.
func TestEqualSharedParts(t *testing.T) {
	doubling := func(depth int) Value {
		v := ArrayValue([]Value{IntValue(1, Span{})}, Span{})
		for range depth {
			v = ArrayValue([]Value{v, v}, Span{})
		}
		return ObjectValue(Members{{Key: "mfa", Value: StringValue("Azure", Span{})}, {Key: "extra", Value: v}}, Span{})
	}
	if Equal(doubling(59), doubling(59)) {
		t.Errorf("Equal of two trees of 2^60 nodes = true, want false: too large to compare")
	}
	if !Equal(doubling(10), doubling(10)) {
		t.Errorf("Equal of two trees of 2^11 nodes = false, want true")
	}
	if Equal(doubling(10), doubling(11)) {
		t.Errorf("Equal of trees of different depths = true, want false")
	}
}
