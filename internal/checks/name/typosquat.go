package name

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/typosquat"
)

var typosquatInfo = check.Info{
	ID:       "name/typosquat",
	Version:  2,
	Title:    "Name imitates a well-known image",
	Severity: report.SeverityCritical,
	Item:     report.ItemName,
	Description: "Compares the image's reference, and every tag an archive, a layout or the engine records for it, " +
		"with the Docker Official Images (current and removed), well-known publisher namespaces and repositories, " +
		"and well-known registry hosts. A misspelling (swapped, doubled, dropped or extra letters, lookalike " +
		"characters such as 0 for o or Cyrillic letters, changed separators) of an official image under " +
		"library/, of a publisher's namespace or of a registry host is critical: nobody publishes under such a " +
		"name by accident. Five-letter names count a changed letter only when it is the neighbouring key on the " +
		"keyboard (ngimx) and a dropped one only from inside the name (ngnx). Internationalised hosts, written in " +
		"punycode (xn--...) or in Unicode, are decoded and compared without their accents and lookalike letters, " +
		"so that xn--dcker-jye.io, displayed as docker.io with a Cyrillic o, is reported as imitating docker.io. " +
		"Weaker signals ask for review: an added word (nginx-official, docker-nginx), a " +
		"namespace that claims to be official, or a misspelled official name under an unrelated namespace. " +
		"A name that is exactly a well-known one is never reported; publishers' own namespaces are not judged.",
	Remediation: "Check the spelling of the reference against the publisher's documentation and pull the " +
		"image it imitates instead; if this image already ran, treat the host as compromised until shown otherwise.",
	References: []string{
		"https://docs.docker.com/docker-hub/image-library/trusted-content/",
		"https://github.com/docker-library/official-images",
		"https://unit42.paloaltonetworks.com/malicious-cryptojacking-images/",
	},
}

func squat() check.Constructor {
	return func() check.Check {
		d, err := typosquat.Default()
		return typosquatCheck{detector: d, err: err}
	}
}

type typosquatCheck struct {
	detector *typosquat.Detector
	err      error
}

func (typosquatCheck) Info() check.Info { return typosquatInfo }

func (c typosquatCheck) CheckImage(_ context.Context, img *facts.Image) ([]report.Finding, error) {
	if c.err != nil {
		return nil, fmt.Errorf("loading the well-known names: %w", c.err)
	}
	var out []report.Finding
	seen := map[string]bool{}
	for _, n := range names(img.Ref) {
		ref, err := typosquat.Parse(n.value)
		if err != nil || seen[ref.String()] {
			// A name that does not parse imitates nothing a pull could reach.
			continue
		}
		seen[ref.String()] = true
		for _, h := range c.detector.JudgeRef(ref) {
			value := redact.Text(n.value)
			f := typosquatInfo.New(fmt.Sprintf("%s: %s", value, h),
				report.Evidence{ConfigKey: n.key, Reference: value, Value: fmt.Sprintf("%s (%s)", h.Imitates, how(h))})
			if !h.Strong {
				f.Severity = report.SeverityHigh
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// how names the technique of a hit, with its added words.
func how(h typosquat.Hit) string {
	if h.Technique == typosquat.Affix && len(h.Words) > 0 {
		return fmt.Sprintf("%s: %s", h.Technique, strings.Join(h.Words, ", "))
	}
	return h.Technique.String()
}
