package vulns

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// MaxIgnoreFile bounds an ignore file; a long one is a few kilobytes.
const MaxIgnoreFile = 1 << 20

// maxIgnoreRules bounds the entries of an ignore file.
const maxIgnoreRules = 10_000

// IgnoreRule is one entry of an ignore file: a vulnerability (by any of its
// IDs) the user accepts, in one package or in all, for a reason, until a
// day.
type IgnoreRule struct {
	ID string `yaml:"id"`
	// Package limits the rule to the package or source package of that
	// name; empty means every package.
	Package string `yaml:"package"`
	Reason  string `yaml:"reason"`
	// Expires is the last day the rule applies, "" for no end.
	Expires string `yaml:"expires"`
	// until is the first instant the rule no longer applies.
	until time.Time
}

// ParseIgnore reads an ignore file:
//
//	ignore:
//	  - id: CVE-2020-1967
//	    package: openssl          # optional
//	    reason: "not reachable: no TLS server in this image"
//	    expires: 2026-12-31       # optional, last day it applies
//
// Every entry needs an id and a reason; unknown keys are refused so that a
// misspelt "expires" does not silently make a rule permanent.
func ParseIgnore(data []byte) ([]IgnoreRule, error) {
	if len(data) > MaxIgnoreFile {
		return nil, fmt.Errorf("ignore file of %d bytes is over the %d byte limit", len(data), MaxIgnoreFile)
	}
	var doc struct {
		Ignore []IgnoreRule `yaml:"ignore"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("parsing ignore file: %w", err)
	}
	if len(doc.Ignore) > maxIgnoreRules {
		return nil, fmt.Errorf("ignore file has %d entries, over the limit of %d", len(doc.Ignore), maxIgnoreRules)
	}
	for i := range doc.Ignore {
		r := &doc.Ignore[i]
		r.ID, r.Package, r.Reason = strings.TrimSpace(r.ID), strings.TrimSpace(r.Package), strings.TrimSpace(r.Reason)
		switch {
		case r.ID == "":
			return nil, fmt.Errorf("ignore entry %d: no id", i+1)
		case r.Reason == "":
			return nil, fmt.Errorf("ignore entry %d (%s): no reason; say why the vulnerability is accepted", i+1, r.ID)
		}
		if r.Expires != "" {
			day, err := time.Parse(time.DateOnly, r.Expires)
			if err != nil {
				return nil, fmt.Errorf("ignore entry %d (%s): expires %q is not a day like 2026-12-31", i+1, r.ID, r.Expires)
			}
			r.until = day.AddDate(0, 0, 1)
		}
	}
	return doc.Ignore, nil
}

// Expired reports whether the rule no longer applies at now.
func (r IgnoreRule) Expired(now time.Time) bool {
	return !r.until.IsZero() && !now.Before(r.until)
}

// matches reports whether the rule names m.
func (r IgnoreRule) matches(m Match) bool {
	if r.Package != "" && r.Package != m.Package.Name && r.Package != m.Package.Source {
		return false
	}
	for _, id := range m.IDs() {
		if strings.EqualFold(id, r.ID) {
			return true
		}
	}
	return false
}
