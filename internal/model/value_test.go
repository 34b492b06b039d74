package model

import "testing"

// TestCompareSharedParts compares values that share their parts: trees of
// 2^60 nodes in a few kilobytes, as sixty template variables that each
// double the one before build them. The comparison gives up rather than
// run for ever, and then neither Equal nor Differ holds; smaller values
// compare as ever.
func TestCompareSharedParts(t *testing.T) {
	doubling := func(depth int) Value {
		v := ArrayValue([]Value{IntValue(1, Span{})}, Span{})
		for range depth {
			v = ArrayValue([]Value{v, v}, Span{})
		}
		return ObjectValue(Members{{Key: "mfa", Value: StringValue("Azure", Span{})}, {Key: "extra", Value: v}}, Span{})
	}
	for _, tc := range []struct {
		name          string
		a, b          Value
		equal, differ bool
	}{
		{"trees of 2^60 nodes", doubling(59), doubling(59), false, false},
		{"trees of 2^11 nodes", doubling(10), doubling(10), true, false},
		{"trees of different depths", doubling(10), doubling(11), false, true},
	} {
		if got := Equal(tc.a, tc.b); got != tc.equal {
			t.Errorf("%s: Equal = %t, want %t", tc.name, got, tc.equal)
		}
		if got := Differ(tc.a, tc.b); got != tc.differ {
			t.Errorf("%s: Differ = %t, want %t", tc.name, got, tc.differ)
		}
	}
}

// TestCompareUnknown checks that values differing only where one is
// unknown are neither equal nor known to differ, while a difference in a
// known part is a difference whatever else is unknown.
func TestCompareUnknown(t *testing.T) {
	policy := func(mfa, duration Value) Value {
		return ObjectValue(Members{{Key: "multiFactorAuthProvider", Value: mfa}, {Key: "maximumActivationDuration", Value: duration}}, Span{})
	}
	str := func(s string) Value { return StringValue(s, Span{}) }
	unknown := UnknownValue("parameter \"duration\" has no value", Span{})
	for _, tc := range []struct {
		name          string
		a, b          Value
		equal, differ bool
	}{
		{"same", policy(str("Azure"), str("PT1H")), policy(str("Azure"), str("PT1H")), true, false},
		{"known difference", policy(str("Azure"), str("PT1H")), policy(str("None"), str("PT1H")), false, true},
		{"unknown in both", policy(str("Azure"), unknown), policy(str("Azure"), unknown), false, false},
		{"unknown and a known difference", policy(str("Azure"), unknown), policy(str("None"), str("PT1H")), false, true},
		{"different kinds", str("1"), IntValue(1, Span{}), false, true},
		{"placeholder and text", str("x").WithSymbolic(true), str("y"), false, false},
	} {
		if got := Equal(tc.a, tc.b); got != tc.equal {
			t.Errorf("%s: Equal = %t, want %t", tc.name, got, tc.equal)
		}
		if got := Differ(tc.a, tc.b); got != tc.differ {
			t.Errorf("%s: Differ = %t, want %t", tc.name, got, tc.differ)
		}
	}
}
