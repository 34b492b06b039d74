// Package bicep reads Bicep: the lexer and recursive-descent parser for
// .bicep templates and .bicepparam parameters files, which turn a file into
// a syntax tree whose every node has its token.Pos span in the shared
// FileSet.
//
// In the pipeline (discover and pair files, load each deployment into
// internal/model, run the rules, report) it is the Bicep front-end
// (FrontEnd). Its expressions are lowered to the nodes of internal/expr as
// the Bicep compiler translates them to ARM expressions, and Env evaluates
// them with the same functions and unknowns as ARM: parameters, variables,
// func declarations, loops and lambdas, targetScope. Load builds the same
// model.Deployment that internal/arm builds from the compiled template:
// registration resources with their conditions and loops, references to
// resources and modules (through the Resolver), the dependencies the
// compiler infers, local modules (.bicep files, and ARM JSON templates
// loaded by the front-end FrontEnd.Modules gives) deployed to the scope
// they name as nested deployments, and variables imported from local
// files, which the compiler copies into the template. Suppressions, in
// lhlint-ignore comments and in Bicep's #disable-next-line pragmas, become
// the model's (suppress.go). Modules from a registry or a template spec are
// never fetched: what they deploy is unknown, with the reason, except the
// public registry's AVM registration-definition module, understood from its
// parameters (remote.go). internal/frontends lists this front-end beside
// ARM's, so the command line lints .bicep and .bicepparam files as it lints
// JSON ones.
//
// The parser covers the whole current language, not an onboarding subset:
// decorators, every declaration (targetScope, metadata, param, var,
// output, resource with existing and nested children, module, type, func,
// compile-time import, extension, test, assert, and using, extends and
// extensionConfig in .bicepparam files), if and for bodies, interpolated
// and multi-line strings, lambdas, spread, safe access, user-defined types
// and every operator at the compiler's precedence. Newlines are
// significant where Bicep makes them so.
//
// Parsing never fails and never panics. A syntax error is a SyntaxError at
// the exact span with a message in the words of a finding; the parser then
// skips to the end of the line or to the closing bracket and goes on, so one
// typo costs one error. Nesting is bounded and the work is linear in the
// size of the file.
package bicep
