package report

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strconv"
	"strings"
)

// FingerprintKey is the key of lhlint's fingerprint in SARIF's
// partialFingerprints. Its version changes when the hash does, so that a
// baseline of the old hash matches nothing instead of the wrong findings.
const FingerprintKey = "lhlint/v1"

// fingerprint identifies a finding across runs: the rule, the role of its
// file in the deployment, the file's folder, the path of the value it is on
// and the text written there. Lines and columns are left out, so lines
// moving above the finding keep it; the file's name is left out, so a file
// renamed in its folder keeps it. The text of a value written over several
// lines (an array, an object) is left out too when the value has a path:
// adding an authorization to an array does not make a finding about the
// array another one.
func fingerprint(rule, role, uri, valuePath, text string) string {
	if valuePath != "" && strings.ContainsAny(text, "\r\n") {
		text = ""
	}
	h := sha256.New()
	for _, part := range []string{rule, role, path.Dir(uri), valuePath, text} {
		h.Write([]byte(strconv.Itoa(len(part))))
		h.Write([]byte{':'})
		h.Write([]byte(part))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// NumberFingerprints makes the fingerprints of findings distinct, in their
// order: the second finding with a fingerprint gets ":2" after it, the
// third ":3". Two findings differ by path or text unless lint could place
// neither on a value, such as two findings of one rule on one template.
// Silenced findings are numbered on their own, so that the numbers of the
// others do not depend on whether the format records silenced ones.
func NumberFingerprints(findings []Finding) {
	type key struct {
		fp         string
		suppressed bool
	}
	seen := map[key]int{}
	for i := range findings {
		k := key{findings[i].Fingerprint, findings[i].Suppressed != nil}
		if k.fp == "" {
			continue
		}
		seen[k]++
		if n := seen[k]; n > 1 {
			findings[i].Fingerprint = k.fp + ":" + strconv.Itoa(n)
		}
	}
}
