package report

import (
	"fmt"
	"strings"
)

// Severity ranks a finding. The zero value is SeverityInfo.
type Severity int

// Severities from least to most serious.
const (
	SeverityInfo Severity = iota
	SeverityLow
	SeverityMedium
	SeverityHigh
	SeverityCritical
	// SeverityNone is a threshold above every severity: a policy that fails
	// on "none" never rejects. No finding has it.
	SeverityNone
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

// String returns the lower-case name used in every output format.
func (s Severity) String() string {
	if s == SeverityNone {
		return "none"
	}
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(name, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want one of %s)", name, strings.Join(severityNames[:], ", "))
}

// ParseThreshold reads a policy threshold: a severity name or "none".
func ParseThreshold(name string) (Severity, error) {
	if strings.EqualFold(name, "none") {
		return SeverityNone, nil
	}
	s, err := ParseSeverity(name)
	if err != nil {
		return 0, fmt.Errorf("%w, or none", err)
	}
	return s, nil
}

// MarshalText encodes the severity by name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseThreshold(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
