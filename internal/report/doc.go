// Package report writes findings for people and machines, the last step of
// the pipeline. Resolve turns a lint.Finding, which holds token.Pos values,
// into a Finding with paths, lines, columns and the source line; Write then
// prints findings in one of six formats:
//
//   - text: one line per finding, "path:line:col: severity: message [rule]",
//     matched by the problem matcher;
//   - pretty: text's line, then the source line
//     with a caret underline, related locations as "note:" lines and fixes
//     as "fix:" lines (the format of rule golden files);
//   - json: one document, {"version", "toolVersion", "findings"}, described
//     field by field on the types in json.go;
//   - sarif: SARIF 2.1.0 with the whole rule catalog in tool.driver.rules,
//     fingerprints, fixes, and the silenced findings as suppressed results
//     (the other formats leave those out, see Reported);
//   - github: one GitHub Actions workflow command per finding, which the
//     runner shows as an annotation on the pull request's diff;
//   - markdown: the counts by level, a table per file and each deployment's
//     delegation summary (Summary), for a job summary or a pull request
//     comment, cut to GitHub's 1 MiB step summary limit.
//
// Printable, MarkdownText and MarkdownCode are how output other than a
// finding's message (which quotes values with %q) shows a value a template
// wrote, so that nothing a template says can change what a reviewer reads:
// plain text quotes a value holding control characters, and every markdown
// output, the summary's and any later one, escapes what it could read as
// syntax.
//
// Writers never see token.Pos. Columns count characters (Unicode code
// points) in every format; SARIF says so with columnKind. Output is sorted
// by path, start offset, rule and message, and depends on nothing but the
// findings and Options, so it can be compared byte for byte.
package report
