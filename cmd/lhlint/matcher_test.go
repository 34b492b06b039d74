package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// matcherScript applies the problem matcher to lines the way VS Code does,
// with JavaScript's own RegExp and the group numbers the matcher names.
const matcherScript = `
const fs = require("fs");
const [matcherFile, linesFile] = process.argv.slice(2);
const matchers = JSON.parse(fs.readFileSync(matcherFile, "utf8")).problemMatcher;
if (matchers.length !== 1 || matchers[0].pattern.length !== 1) {
  throw new Error("want one matcher with one pattern");
}
const p = matchers[0].pattern[0];
const re = new RegExp(p.regexp);
const out = JSON.parse(fs.readFileSync(linesFile, "utf8")).map((line) => {
  const g = re.exec(line);
  return g && { file: g[p.file], line: g[p.line], column: g[p.column],
    severity: g[p.severity], message: g[p.message], code: g[p.code] };
});
process.stdout.write(JSON.stringify(out));
`

// matched is what the matcher captures from a line.
type matched struct {
	File, Line, Column, Severity, Message, Code string
}

// TestProblemMatcher runs .github/lhlint-matcher.json with Node's RegExp
// over lhlint's real text output, on a file whose folder and name hold
// spaces, with one finding of each level, and over the same lines as they
// read on Windows (C:\ and C:/ paths) and with colour codes, and checks
// every field it captures against the json format's findings. Lines lhlint
// prints that are not findings must not match.
func TestProblemMatcher(t *testing.T) {
	node := requireProgram(t, "node")
	matcher, err := filepath.Abs(filepath.Join(repoRoot, ".github/lhlint-matcher.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := copyFixture(t, "bad")
	text, stderr, status := lhlint(t, dir, "-format", "text", "-fail-level", "note", ".")
	if status != 1 || stderr != "" {
		t.Fatalf("lhlint -format text: status %d, stderr %q", status, stderr)
	}
	js, _, _ := lhlint(t, dir, "-format", "json", ".")
	findings := decodeFindings(t, js).Findings
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != len(findings) {
		t.Fatalf("%d lines of text for %d findings:\n%s", len(lines), len(findings), text)
	}

	var input []string
	var want []*matched
	levels := map[string]bool{}
	for i, f := range findings {
		levels[f.Severity] = true
		if !strings.Contains(f.Path, " ") {
			t.Fatalf("fixture path %q has no space", f.Path)
		}
		m := matched{f.Path, strconv.Itoa(f.Start.Line), strconv.Itoa(f.Start.Column), f.Severity, f.Message, f.Rule}
		line := lines[i]
		if got := plain(m); got != line {
			t.Fatalf("text line %q, want %q from the json format", line, got)
		}
		for _, file := range []string{
			f.Path,
			`C:\Users\Dev\` + strings.ReplaceAll(f.Path, "/", `\`),
			"C:/Users/Dev/" + f.Path,
		} {
			m := m
			m.File = file
			input = append(input, plain(m), coloured(m))
			want = append(want, &m, &m)
		}
	}
	for _, level := range []string{"error", "warning", "note"} {
		if !levels[level] {
			t.Fatalf("the fixture has no finding at level %s", level)
		}
	}
	for _, line := range []string{
		"lhlint: reading onboard templates/contoso ops.json: permission denied",
		"   10 |       { \"principalId\": \"1b3d5f7a\" }",
		"    onboard templates/contoso ops.json:10:84: note: value flows through this expression",
		"::error file=a.json,line=1,col=2,title=owner_role::x",
	} {
		input = append(input, line)
		want = append(want, nil)
	}

	linesFile := filepath.Join(t.TempDir(), "lines.json")
	data, _ := json.Marshal(input)
	script := filepath.Join(t.TempDir(), "matcher.js")
	if err := os.WriteFile(linesFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(script, []byte(matcherScript), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, script, matcher, linesFile).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []*matched
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node's output: %v\n%s", err, out)
	}
	if len(got) != len(want) {
		t.Fatalf("node matched %d lines, want %d", len(got), len(want))
	}
	for i := range want {
		switch {
		case want[i] == nil && got[i] != nil:
			t.Errorf("%q matched as %+v, want no match", input[i], *got[i])
		case want[i] != nil && got[i] == nil:
			t.Errorf("%q did not match", input[i])
		case want[i] != nil && *got[i] != *want[i]:
			t.Errorf("%q\n got %+v\nwant %+v", input[i], *got[i], *want[i])
		}
	}
}

// plain is a finding's line of the text format.
func plain(m matched) string {
	return m.File + ":" + m.Line + ":" + m.Column + ": " + m.Severity + ": " + m.Message + " [" + m.Code + "]"
}

// coloured is the line as a terminal colours it, in the places compilers
// and lint wrappers such as grc put the codes: the position bold, the
// severity red, the rule dim.
func coloured(m matched) string {
	const bold, red, dim, reset = "\x1b[1m", "\x1b[1;31m", "\x1b[2m", "\x1b[0m"
	line := bold + m.File + ":" + m.Line + ":" + m.Column + ":" + reset + " " + red + m.Severity + reset + ": " +
		m.Message + " " + dim + "[" + m.Code + "]" + reset
	if stripped := ansi.ReplaceAllString(line, ""); stripped != plain(m) {
		panic("coloured line differs from the text line: " + stripped)
	}
	return line
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// matcherConfig is a problem matcher, as .github/lhlint-matcher.json and
// VS Code write it.
type matcherConfig struct {
	Owner, Severity string
	Pattern         []matcherPattern
}

type matcherPattern struct {
	Regexp                                      string
	File, Line, Column, Severity, Message, Code int
}

// TestVSCodeTask checks the tasks.json of docs/vscode.md and the README: it runs lhlint's
// text format on the workspace with the problem matcher of
// .github/lhlint-matcher.json, which TestProblemMatcher tests, and resolves
// paths against the workspace folder, lhlint's working directory.
func TestVSCodeTask(t *testing.T) {
	var matcher struct{ ProblemMatcher []matcherConfig }
	readJSON(t, filepath.Join(repoRoot, ".github/lhlint-matcher.json"), &matcher)

	for _, doc := range []string{"docs/vscode.md", "README.md"} {
		blocks := codeBlocks(t, filepath.Join(repoRoot, doc), "json")
		if len(blocks) != 1 {
			t.Fatalf("%s has %d json blocks, want the task", doc, len(blocks))
		}
		checkTask(t, doc, blocks[0], matcher.ProblemMatcher)
	}
}

// checkTask checks the tasks.json of doc against the matcher.
func checkTask(t *testing.T, doc, block string, matcher []matcherConfig) {
	var tasks struct {
		Version string
		Tasks   []struct {
			Label, Type, Command string
			Args                 []string
			Options              struct{ Cwd string }
			ProblemMatcher       struct {
				Owner, Severity string
				FileLocation    []string
				Pattern         matcherPattern
			}
		}
	}
	if err := json.Unmarshal([]byte(block), &tasks); err != nil {
		t.Fatalf("%s tasks.json: %v", doc, err)
	}
	if len(tasks.Tasks) != 1 || len(matcher) != 1 || len(matcher[0].Pattern) != 1 {
		t.Fatalf("%s: want one task and one matcher pattern", doc)
	}
	task, m := tasks.Tasks[0], matcher[0]
	if task.Command != "lhlint" || strings.Join(task.Args, " ") != "-format text ." || task.Options.Cwd != "${workspaceFolder}" {
		t.Errorf("%s: task runs %s %q in %q, want lhlint -format text . in ${workspaceFolder}", doc, task.Command, task.Args, task.Options.Cwd)
	}
	pm := task.ProblemMatcher
	if pm.Owner != m.Owner || pm.Severity != m.Severity || pm.Pattern != m.Pattern[0] {
		t.Errorf("%s: the task's problem matcher differs from .github/lhlint-matcher.json:\n%+v\n%+v", doc, pm, m)
	}
	if strings.Join(pm.FileLocation, " ") != "relative ${workspaceFolder}" {
		t.Errorf("%s: fileLocation %q, want relative to ${workspaceFolder}", doc, pm.FileLocation)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// codeBlocks returns the fenced code blocks of a markdown file whose info
// string is lang.
func codeBlocks(t *testing.T, path, lang string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	var cur *strings.Builder
	for line := range strings.Lines(string(data)) {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && trimmed == "```"+lang:
			cur = &strings.Builder{}
		case cur != nil && trimmed == "```":
			blocks = append(blocks, cur.String())
			cur = nil
		case cur != nil:
			cur.WriteString(line)
		}
	}
	return blocks
}
