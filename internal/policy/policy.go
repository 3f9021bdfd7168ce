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
//	popularity:           # when a Docker Hub repository is a risk
//	  minPulls: 1000      # fewer pulls: little used
//	  minAgeDays: 30      # younger: new (new and little used is high)
//	  staleDays: 730      # no push for longer: abandoned
type File struct {
	FailOn     string      `yaml:"failOn"`
	ReviewOn   string      `yaml:"reviewOn"`
	Ignore     []string    `yaml:"ignore"`
	Popularity *Popularity `yaml:"popularity"`
}

// Popularity is the popularity section of a policy file.
type Popularity struct {
	MinPulls   int64 `yaml:"minPulls"`
	MinAgeDays int   `yaml:"minAgeDays"`
	StaleDays  int   `yaml:"staleDays"`
}

// maxDays bounds the day thresholds (a century).
const maxDays = 36500

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
	if pop := f.Popularity; pop != nil {
		if pop.MinPulls < 0 || pop.MinAgeDays < 0 || pop.StaleDays < 0 || pop.MinAgeDays > maxDays || pop.StaleDays > maxDays {
			return p, fmt.Errorf("popularity: thresholds must be between 0 and %d days and pulls must not be negative", maxDays)
		}
		p.Popularity = report.Popularity{MinPulls: pop.MinPulls, MinAgeDays: pop.MinAgeDays, StaleDays: pop.StaleDays}
	}
	return p, nil
}
