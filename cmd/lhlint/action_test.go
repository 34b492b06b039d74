package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// action is the part of action.yml that a runner reads.
type action struct {
	Inputs map[string]struct {
		Description string
		Default     string
		Required    bool
	}
	Outputs map[string]struct {
		Description string
		Value       string
	}
	Runs struct {
		Using string
		Steps []actionStep
	}
}

type actionStep struct {
	Name             string
	ID               string
	Uses             string
	With             map[string]string
	Shell            string
	Run              string
	Env              map[string]string
	WorkingDirectory string `yaml:"working-directory"`
	If               string
}

func readAction(t *testing.T) (action, string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a, string(data)
}

var (
	expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)
	pinned     = regexp.MustCompile(`(?m)^\s*uses: actions/setup-go@[0-9a-f]{40} # v\d+\.\d+\.\d+$`)
)

// TestActionShape checks action.yml without running it: a composite action
// whose every input is used and every output is set by a step, whose
// scripts take no ${{ }} expression (script injection), and whose one
// action, setup-go, is pinned by commit.
func TestActionShape(t *testing.T) {
	a, raw := readAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using %q, want composite", a.Runs.Using)
	}
	used := map[string]bool{}
	for _, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q writes an expression into its script; pass it through env:", s.Name)
		}
		if s.Run != "" && s.Shell != "bash" {
			t.Errorf("step %q runs with shell %q, want bash", s.Name, s.Shell)
		}
		if s.Uses != "" && !strings.HasPrefix(s.Uses, "actions/setup-go@") {
			t.Errorf("step %q uses %s; the test runs every step but setup-go", s.Name, s.Uses)
		}
		fields := slices.Concat(slices.Collect(maps.Values(s.Env)), slices.Collect(maps.Values(s.With)), []string{s.WorkingDirectory, s.If})
		for _, f := range fields {
			for _, m := range expression.FindAllStringSubmatch(f, -1) {
				if name, ok := strings.CutPrefix(m[1], "inputs."); ok {
					used[name] = true
				}
			}
		}
	}
	for name, in := range a.Inputs {
		if !used[name] {
			t.Errorf("input %q is not used", name)
		}
		if in.Description == "" {
			t.Errorf("input %q has no description", name)
		}
	}
	for name, out := range a.Outputs {
		if out.Value != "${{ steps.lint.outputs."+name+" }}" {
			t.Errorf("output %q is %q, want the lint step's output of that name", name, out.Value)
		}
	}
	if !pinned.MatchString(raw) {
		t.Errorf("action.yml does not pin actions/setup-go by commit SHA with its version in a comment")
	}
}

// runner runs the run: steps of action.yml as a GitHub runner does.
type runner struct {
	t          *testing.T
	a          action
	inputs     map[string]string
	workspace  string
	actionPath string
	temp       string
	event      map[string]string // github.event_name and github.event.… expressions, "" when not set

	path    []string                     // GITHUB_PATH entries, newest first
	outputs map[string]map[string]string // step id → its outputs
	summary strings.Builder              // the job summary
	stdout  map[string]string            // step name → its standard output
	stderr  map[string]string
}

// runAction runs action.yml with inputs in workspace and returns the runner
// and the status of the first step that failed, or 0.
func runAction(t *testing.T, workspace string, inputs map[string]string) (*runner, int) {
	t.Helper()
	return runActionOn(t, workspace, inputs, nil)
}

// runActionOn is runAction for a workflow that event started: its
// github.event_name and github.event.… values.
func runActionOn(t *testing.T, workspace string, inputs, event map[string]string) (*runner, int) {
	t.Helper()
	a, _ := readAction(t)
	checkout, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	r := &runner{t: t, a: a, inputs: inputs, workspace: workspace, actionPath: checkout, temp: t.TempDir(), event: event,
		outputs: map[string]map[string]string{}, stdout: map[string]string{}, stderr: map[string]string{}}
	for name := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
	}
	for _, s := range a.Runs.Steps {
		if s.Uses != "" {
			continue // setup-go: the Go running this test is the runner's
		}
		if status := r.step(s); status != 0 {
			return r, status
		}
	}
	return r, 0
}

// eval replaces the expressions of s: the ones action.yml uses, and no
// other, so that a new one must be taught to this runner.
func (r *runner) eval(s string) string {
	return expression.ReplaceAllStringFunc(s, func(e string) string {
		e = expression.FindStringSubmatch(e)[1]
		if name, ok := strings.CutPrefix(e, "inputs."); ok {
			if v, ok := r.inputs[name]; ok {
				return v
			}
			return r.a.Inputs[name].Default
		}
		if e == "github.event_name" || strings.HasPrefix(e, "github.event.") {
			return r.event[e]
		}
		switch e {
		case "github.action_path":
			return r.actionPath
		case "github.workspace":
			return r.workspace
		}
		if rest, ok := strings.CutPrefix(e, "steps."); ok {
			if id, name, ok := strings.Cut(rest, ".outputs."); ok {
				return r.outputs[id][name]
			}
		}
		r.t.Fatalf("the test runner does not know the expression %q", e)
		return ""
	})
}

// step runs one run: step: its script in a file, with bash --noprofile
// --norc -eo pipefail as the runner runs shell: bash, in its working
// directory, with the runner's variables and the step's env:.
func (r *runner) step(s actionStep) int {
	t := r.t
	dir := t.TempDir()
	script := filepath.Join(dir, "script.sh")
	files := map[string]string{}
	for _, name := range []string{"GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_PATH", "GITHUB_ENV"} {
		files[name] = filepath.Join(dir, strings.ToLower(name))
		if err := os.WriteFile(files[name], nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = r.workspace
	if wd := r.eval(s.WorkingDirectory); wd != "" {
		cmd.Dir = filepath.Join(r.workspace, wd)
	}
	env := []string{
		"PATH=" + strings.Join(append(slices.Clone(r.path), os.Getenv("PATH")), string(os.PathListSeparator)),
		"HOME=" + os.Getenv("HOME"),
		"GITHUB_ACTIONS=true", "CI=true",
		"GITHUB_ACTION_PATH=" + r.actionPath,
		"GITHUB_WORKSPACE=" + r.workspace,
		"RUNNER_TEMP=" + r.temp,
	}
	for _, name := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOFLAGS", "GOPROXY", "GOTOOLCHAIN"} {
		if v, ok := os.LookupEnv(name); ok {
			env = append(env, name+"="+v)
		}
	}
	for name, file := range files {
		env = append(env, name+"="+file)
	}
	for name, value := range s.Env {
		env = append(env, name+"="+r.eval(value))
	}
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r.stdout[s.Name], r.stderr[s.Name] = stdout.String(), stderr.String()
	status := 0
	if exit, ok := err.(*exec.ExitError); ok {
		status = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("step %q: %v", s.Name, err)
	}

	read := func(name string) string {
		data, err := os.ReadFile(files[name])
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if s.ID != "" {
		r.outputs[s.ID] = parseOutputs(t, read("GITHUB_OUTPUT"))
	} else if read("GITHUB_OUTPUT") != "" {
		t.Errorf("step %q sets outputs but has no id", s.Name)
	}
	r.summary.WriteString(read("GITHUB_STEP_SUMMARY"))
	for line := range strings.Lines(read("GITHUB_PATH")) {
		r.path = append([]string{strings.TrimRight(line, "\r\n")}, r.path...)
	}
	return status
}

// parseOutputs reads a GITHUB_OUTPUT file: name=value lines, and
// name<<DELIMITER blocks for values with line breaks.
func parseOutputs(t *testing.T, s string) map[string]string {
	out := map[string]string{}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if line == "" {
			continue
		}
		if name, value, ok := strings.Cut(line, "="); ok && !strings.Contains(name, "<<") {
			out[name] = value
			continue
		}
		name, delim, ok := strings.Cut(line, "<<")
		if !ok {
			t.Fatalf("GITHUB_OUTPUT line %q", line)
		}
		var value []string
		for i++; i < len(lines) && lines[i] != delim; i++ {
			value = append(value, lines[i])
		}
		out[name] = strings.Join(value, "\n")
	}
	return out
}

// actionOutputs are the action's outputs, evaluated as the runner does.
func (r *runner) actionOutputs() map[string]string {
	out := map[string]string{}
	for name, o := range r.a.Outputs {
		out[name] = r.eval(o.Value)
	}
	return out
}

// sarifResults returns the rule IDs of the results of the SARIF log at
// path that no suppression silenced.
func sarifResults(t *testing.T, path string) []string {
	t.Helper()
	var log struct {
		Version string
		Runs    []struct {
			Results []struct {
				RuleID       string
				Suppressions []struct{ Kind string }
			}
		}
	}
	readJSON(t, path, &log)
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("%s: version %q with %d runs, want one SARIF 2.1.0 run", path, log.Version, len(log.Runs))
	}
	var ids []string
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) == 0 { // a silenced finding is recorded, not reported
			ids = append(ids, r.RuleID)
		}
	}
	return ids
}

// actionWorkspace returns a workspace that is a repository's checkout,
// with the templates of the fixtures in sub, a folder under it.
func actionWorkspace(t *testing.T, sub string, fixtures ...string) string {
	t.Helper()
	ws := t.TempDir()
	if err := os.Mkdir(filepath.Join(ws, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtures {
		if err := os.CopyFS(filepath.Join(ws, sub), os.DirFS(filepath.Join(repoRoot, "testdata/integrations", f))); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

// TestActionBad runs the action on a bad template, with the templates in a
// working directory whose name holds a space, two paths, a configuration
// file and a fail level: the step fails, its log holds the annotations of
// -format github (files relative to the repository root), the job summary
// the markdown report, the SARIF log every finding, and the outputs say so.
func TestActionBad(t *testing.T) {
	requireProgram(t, "bash")
	ws := actionWorkspace(t, "customer templates", "bad", "good")
	config := `{ "rules": { "missing_display_name": "off" } }`
	if err := os.WriteFile(filepath.Join(ws, "customer templates", "lint config.json"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{
		"working-directory": "customer templates",
		"path":              "onboard templates\nfabrikam.json\n",
		"config":            "lint config.json",
		"fail-level":        "warning",
		"sarif-file":        "reports/lhlint results.sarif",
		"customer-tenant":   "5d7f9b1c-3e5a-4c7e-9a1b-3d5f7b9d1f3a",
	}
	r, status := runAction(t, ws, inputs)
	if status != 1 {
		t.Fatalf("the action exited %d, want 1\n%s%s", status, r.stdout["Run lhlint"], r.stderr["Run lhlint"])
	}
	flags := []string{"--config", "lint config.json", "--customer-tenant", inputs["customer-tenant"]}
	paths := []string{"--", "onboard templates", "fabrikam.json"}
	wd := filepath.Join(ws, "customer templates")
	annotations, _, _ := lhlint(t, wd, slices.Concat(flags, []string{"-format", "github"}, paths)...)
	markdown, _, _ := lhlint(t, wd, slices.Concat(flags, []string{"-format", "markdown"}, paths)...)
	if strings.Count(annotations, "\n") != 2 || !strings.Contains(annotations, "::error file=customer templates/onboard templates/contoso ops.json,line=10,") {
		t.Fatalf("unexpected annotations from lhlint itself:\n%s", annotations)
	}
	checkRun(t, r, annotations, markdown, map[string]string{
		"sarif-file": filepath.Join(wd, "reports/lhlint results.sarif"),
		"findings":   "2",
		"exit-code":  "1",
	})
	if got := sarifResults(t, r.actionOutputs()["sarif-file"]); !slices.Equal(got, []string{"owner_role", "duplicate_authorization"}) {
		t.Errorf("SARIF results %q, want owner_role and duplicate_authorization", got)
	}
}

// TestActionClean runs the action with its defaults on a clean template:
// the step passes, the log has no annotation, the summary says there are no
// findings and what the deployment delegates.
func TestActionClean(t *testing.T) {
	requireProgram(t, "bash")
	ws := actionWorkspace(t, ".", "good")
	r, status := runAction(t, ws, nil)
	if status != 0 {
		t.Fatalf("the action exited %d, want 0\n%s%s", status, r.stdout["Run lhlint"], r.stderr["Run lhlint"])
	}
	markdown, _, _ := lhlint(t, ws, "-format", "markdown", ".")
	if !strings.HasPrefix(markdown, "## lhlint: no findings\n") || !strings.Contains(markdown, "Fabrikam Operators") {
		t.Fatalf("unexpected markdown from lhlint itself:\n%s", markdown)
	}
	checkRun(t, r, "", markdown, map[string]string{
		"sarif-file": filepath.Join(ws, "lhlint.sarif"),
		"findings":   "0",
		"exit-code":  "0",
	})
	if got := sarifResults(t, filepath.Join(ws, "lhlint.sarif")); len(got) != 0 {
		t.Errorf("SARIF results %q, want none", got)
	}
}

// TestActionInjection gives paths that are shell code: they stay paths,
// which do not exist, so lhlint exits 2 and nothing runs.
func TestActionInjection(t *testing.T) {
	requireProgram(t, "bash")
	ws := actionWorkspace(t, ".", "good")
	r, status := runAction(t, ws, map[string]string{
		"path":       "$(touch pwned-1)\n`touch pwned-2`\n\"; touch pwned-3; \"",
		"sarif-file": "x'$(touch pwned-4)'.sarif",
	})
	if status != 2 {
		t.Fatalf("the action exited %d, want 2\n%s%s", status, r.stdout["Run lhlint"], r.stderr["Run lhlint"])
	}
	if !strings.Contains(r.stderr["Run lhlint"], "lhlint: ") {
		t.Errorf("lhlint did not say why it failed:\n%s", r.stderr["Run lhlint"])
	}
	matches, _ := filepath.Glob(filepath.Join(ws, "pwned*"))
	if len(matches) > 0 {
		t.Errorf("an input ran as shell code: %q", matches)
	}
	if got := r.actionOutputs()["exit-code"]; got != "2" {
		t.Errorf("exit-code %q, want 2", got)
	}
}

// checkRun checks what every run of the action must give: the steps print
// nothing on standard error; the build step puts lhlint on the PATH; the
// matcher is registered, then removed after lhlint's log; the log and the
// job summary are what lhlint prints; the outputs are want.
func checkRun(t *testing.T, r *runner, annotations, summary string, want map[string]string) {
	t.Helper()
	for name, s := range r.stderr {
		if s != "" && name != "Build lhlint" { // go build may say it downloads modules
			t.Errorf("step %q wrote to standard error:\n%s", name, s)
		}
	}
	if len(r.path) != 1 || filepath.Join(r.path[0], "lhlint") != filepath.Join(r.temp, "lhlint-bin", "lhlint") {
		t.Errorf("GITHUB_PATH %q, want the folder of the lhlint it built", r.path)
	}
	matcher := filepath.Join(r.actionPath, ".github/lhlint-matcher.json")
	if got, want := r.stdout["Register the problem matcher"], "::add-matcher::"+matcher+"\n"; got != want {
		t.Errorf("matcher step printed %q, want %q", got, want)
	}
	if _, err := os.Stat(matcher); err != nil {
		t.Error(err)
	}
	if got, want := r.stdout["Run lhlint"], annotations+"::remove-matcher owner=lhlint::\n"; got != want {
		t.Errorf("the log:\n%s\nwant:\n%s", got, want)
	}
	if got := r.summary.String(); got != summary {
		t.Errorf("the job summary:\n%s\nwant:\n%s", got, summary)
	}
	got := r.actionOutputs()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("outputs %v, want %v", got, want)
	}
	if _, err := os.Stat(got["sarif-file"]); err != nil {
		t.Errorf("sarif-file: %v", err)
	}
}
