// Package sarif renders a report as SARIF 2.1.0, the format code-scanning
// dashboards read.
//
// Each check that has findings becomes a rule and each finding a result.
// Paths inside the image are relative URIs against the base ID IMAGE_ROOT;
// config keys, history steps and layers are logical locations. Severities map
// to SARIF levels (critical and high are errors, medium a warning, low and
// info notes) and to the security-severity score that GitHub code scanning
// ranks alerts by.
package sarif

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/customs-oss/customs/internal/report"
)

const (
	// SchemaURI is the JSON schema the log declares.
	SchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	// Version is the SARIF version written.
	Version = "2.1.0"
	// InformationURI is where the tool is documented.
	InformationURI = "https://github.com/customs-oss/customs"
	// ImageRoot is the uriBaseId that paths inside the image are relative to.
	ImageRoot = "IMAGE_ROOT"
)

// Write renders r as a SARIF 2.1.0 log.
func Write(w io.Writer, r *report.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Build(r)); err != nil {
		return fmt.Errorf("writing SARIF log: %w", err)
	}
	return nil
}

// Build converts r into a SARIF log with one run. It does not modify r.
func Build(r *report.Report) Log {
	findings := slices.Clone(r.Findings)
	report.SortFindings(findings)
	rules, index := buildRules(findings)
	results := make([]Result, 0, len(findings))
	fps := fingerprinter{seen: map[string]int{}}
	for _, f := range findings {
		res := buildResult(f, index[f.Check], r.Image)
		res.PartialFingerprints = map[string]string{FingerprintKey: fps.next(f, r.Image)}
		results = append(results, res)
	}
	name := r.Tool.Name
	if name == "" {
		name = "customs"
	}
	return Log{
		Schema:  SchemaURI,
		Version: Version,
		Runs: []Run{{
			Tool: Tool{Driver: Driver{
				Name:           name,
				Version:        r.Tool.Version,
				InformationURI: InformationURI,
				Rules:          rules,
			}},
			Invocations: []Invocation{invocation(r.Checks)},
			OriginalURIBaseIDs: map[string]ArtifactLoc{
				ImageRoot: {Description: &Text{Text: "The root of the inspected image's merged filesystem."}},
			},
			Results:    results,
			Properties: runProperties(r),
		}},
	}
}
