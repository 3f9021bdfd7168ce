// Package osv reads vulnerability records in the Open Source Vulnerability
// format (https://ossf.github.io/osv-schema/): the shape of OSV's own
// database, the Go vulnerability database and the per-ecosystem archives
// customs stores locally. Parsing is bounded; deciding whether a version is
// affected lives in affected.go.
package osv

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// MaxRecordSize bounds one OSV record; the largest real records (many
// affected versions listed one by one) are a few hundred kilobytes.
const MaxRecordSize = 4 << 20

// Vulnerability is one OSV record.
type Vulnerability struct {
	SchemaVersion string      `json:"schema_version,omitempty"`
	ID            string      `json:"id"`
	Modified      time.Time   `json:"modified"`
	Published     time.Time   `json:"published,omitempty"`
	Withdrawn     *time.Time  `json:"withdrawn,omitempty"`
	Aliases       []string    `json:"aliases,omitempty"`
	Related       []string    `json:"related,omitempty"`
	Upstream      []string    `json:"upstream,omitempty"`
	Summary       string      `json:"summary,omitempty"`
	Details       string      `json:"details,omitempty"`
	Severity      []Severity  `json:"severity,omitempty"`
	Affected      []Affected  `json:"affected,omitempty"`
	References    []Reference `json:"references,omitempty"`
	// DatabaseSpecific is kept raw: some databases put their own severity
	// rating there (GitHub's "severity": "HIGH", Ubuntu's priorities).
	DatabaseSpecific json.RawMessage `json:"database_specific,omitempty"`
}

// Severity is a scored severity: a CVSS vector for the types CVSS_V2,
// CVSS_V3 and CVSS_V4, or a qualitative value for Ubuntu.
type Severity struct {
	Type  string `json:"type"`
	Score string `json:"score"`
}

// Affected is one package a record affects and the versions affected.
type Affected struct {
	Package           Package         `json:"package"`
	Severity          []Severity      `json:"severity,omitempty"`
	Ranges            []Range         `json:"ranges,omitempty"`
	Versions          []string        `json:"versions,omitempty"`
	EcosystemSpecific json.RawMessage `json:"ecosystem_specific,omitempty"`
	DatabaseSpecific  json.RawMessage `json:"database_specific,omitempty"`
}

// Package names a package in an ecosystem, such as "Alpine:v3.10" and
// "openssl", or "Go" and "stdlib".
type Package struct {
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	Purl      string `json:"purl,omitempty"`
}

// Range is a list of events over versions of type ECOSYSTEM, SEMVER or GIT.
type Range struct {
	Type   string  `json:"type"`
	Repo   string  `json:"repo,omitempty"`
	Events []Event `json:"events"`
}

// Event is one boundary of a range: exactly one field is set.
type Event struct {
	Introduced   string `json:"introduced,omitempty"`
	Fixed        string `json:"fixed,omitempty"`
	LastAffected string `json:"last_affected,omitempty"`
	Limit        string `json:"limit,omitempty"`
}

// Reference is a link about a record, with its type (ADVISORY, FIX, WEB...).
type Reference struct {
	Type string `json:"type"`
	URL  string `json:"url"`
}

// BaseEcosystem is the ecosystem without its release suffix: "Alpine" for
// "Alpine:v3.10", "Debian" for "Debian:12", "Ubuntu" for "Ubuntu:22.04:LTS".
func BaseEcosystem(eco string) string {
	base, _, _ := strings.Cut(eco, ":")
	return base
}

// Parse reads one OSV record, refusing records over MaxRecordSize, without
// an ID or with trailing data.
func Parse(data []byte) (*Vulnerability, error) {
	if len(data) > MaxRecordSize {
		return nil, fmt.Errorf("OSV record of %d bytes is over the %d byte limit", len(data), MaxRecordSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v Vulnerability
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("parsing OSV record: %w", err)
	}
	if dec.More() {
		return nil, errors.New("parsing OSV record: data after the record")
	}
	if v.ID == "" {
		return nil, errors.New("OSV record has no id")
	}
	return &v, nil
}

// IDs returns the record's ID and its aliases, the names under which the
// same vulnerability may appear in other databases.
func (v *Vulnerability) IDs() []string {
	return append([]string{v.ID}, v.Aliases...)
}
