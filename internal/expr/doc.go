// Package expr is the expression evaluator the front-ends share
// (docs/architecture.md): the ARM template expression syntax parses into
// its nodes (Parse), another language's expressions lower into the same
// nodes, and one function library evaluates them with Azure's semantics
// (Eval).
//
// Evaluation never fails. Whatever cannot be known before deployment
// (reference(), list*(), a parameter with no value, a misused function)
// evaluates to an unknown model.Value that carries its reason. Values
// Azure fills in at deployment time, such as subscription().subscriptionId,
// are symbolic strings: "{subscription().subscriptionId}". Functions
// propagate them, so that resourceId() and concat() give IDs a rule can
// compare, under one invariant: two symbolic strings with the same text
// stand for the same value. Where applying a function to the placeholder
// text would break it (replace, substring), the result names the call
// instead; where the result depends on the hidden text (length, equals with
// another text), it is unknown.
//
// Every value knows where it is written: literals at their quotes, function
// results at their call, and values read from parameters, variables and
// containers where they are written, with the parameters() or variables()
// call recorded as a hop, so that a finding lands in the parameters file
// with the template expression as a related location. A user-defined
// function (namespace.name(args), from the template's functions section,
// which the Env evaluates) works the same way: its value keeps the span
// where the function writes it, and the call is a hop.
//
// Work is bounded (nesting, string and array sizes, work per evaluation and
// per deployment), so hostile templates cannot exhaust the stack, memory or
// time. Values share their parts, so a value of a few kilobytes can stand
// for a tree of 2^60 nodes: whatever walks a value (serialising, comparing,
// searching it) charges every node it visits.
package expr
