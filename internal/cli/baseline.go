package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/lhlint/lhlint/internal/report"
)

// readBaseline returns the fingerprints of the results of a SARIF log that
// lhlint wrote (--baseline), the findings a repository has accepted.
func readBaseline(path string) (map[string]bool, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the baseline %s: %w", path, unwrapPath(err))
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return nil, fmt.Errorf("reading the baseline %s: not a SARIF 2.1.0 log: %w", path, err)
	}
	if log.Version != "2.1.0" {
		return nil, fmt.Errorf("reading the baseline %s: not a SARIF 2.1.0 log", path)
	}
	known := map[string]bool{}
	for _, run := range log.Runs {
		for _, r := range run.Results {
			if fp := r.PartialFingerprints[report.FingerprintKey]; fp != "" {
				known[fp] = true
			}
		}
	}
	return known, nil
}

// subtractBaseline returns the findings whose fingerprint known does not
// hold, and how many it held.
func subtractBaseline(findings []report.Finding, known map[string]bool) (left []report.Finding, matched int) {
	for _, f := range findings {
		if f.Suppressed == nil && known[f.Fingerprint] {
			matched++
			continue
		}
		left = append(left, f)
	}
	return left, matched
}

// writeBaseline writes the findings nothing silences to path as a SARIF log,
// for --baseline to read later.
func writeBaseline(path string, findings []report.Finding, stderr io.Writer) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	reported := report.Reported(findings)
	opts := report.Options{ToolVersion: Version(), Rules: nil}
	err = report.Write(f, "sarif", reported, opts)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	fmt.Fprintf(stderr, "lhlint: wrote %d findings to the baseline %s\n", len(reported), path)
	return nil
}
