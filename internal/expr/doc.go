// Package expr is the expression evaluator shared by both front ends: the
// ARM template expression syntax parses into its nodes, Bicep expressions
// lower into the same nodes, and one function library evaluates them with
// Azure's semantics. Whatever cannot be known before deployment (reference(),
// list*(), a parameter with no value) evaluates to an unknown model.Value
// that carries its reason; deployment-context values such as
// subscription().subscriptionId are symbolic strings.
package expr
