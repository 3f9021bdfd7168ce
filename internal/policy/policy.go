// Package policy reads a policy file: the severity thresholds that turn
// findings into a verdict and the checks a team chooses to ignore.
package policy

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/customs-oss/customs/internal/report"
)

// maxSize bounds a policy file; real ones are a few lines.
const maxSize = 1 << 20

// File is the YAML (or JSON) policy file format:
//
//	failOn: critical      # reject when a finding is at or above this
//	reviewOn: high        # ask for review at or above this
//	ignore:               # checks whose findings never count
//	  - config/no-healthcheck
type File struct {
	FailOn   string   `yaml:"failOn"`
	ReviewOn string   `yaml:"reviewOn"`
	Ignore   []string `yaml:"ignore"`
}

// Load reads the policy at path on top of the default policy.
func Load(path string) (report.Policy, error) {
	f, err := os.Open(path)
	if err != nil {
		return report.Policy{}, fmt.Errorf("opening policy: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return report.Policy{}, fmt.Errorf("reading policy %q: %w", path, err)
	}
	if len(b) > maxSize {
		return report.Policy{}, fmt.Errorf("policy %q is larger than %d bytes", path, maxSize)
	}
	p, err := Parse(b)
	if err != nil {
		return report.Policy{}, fmt.Errorf("policy %q: %w", path, err)
	}
	return p, nil
}

// Parse reads a policy document on top of the default policy.
func Parse(b []byte) (report.Policy, error) {
	p := report.DefaultPolicy()
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && err != io.EOF {
		return p, fmt.Errorf("parsing: %w", err)
	}
	if f.FailOn != "" {
		s, err := report.ParseThreshold(f.FailOn)
		if err != nil {
			return p, fmt.Errorf("failOn: %w", err)
		}
		p.FailOn = s
	}
	if f.ReviewOn != "" {
		s, err := report.ParseThreshold(f.ReviewOn)
		if err != nil {
			return p, fmt.Errorf("reviewOn: %w", err)
		}
		p.ReviewOn = s
	}
	p.Ignore = f.Ignore
	return p, nil
}
