package config

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var secretInHistoryInfo = check.Info{
	ID:       "config/secret-in-history",
	Version:  1,
	Title:    "Secret in the build history",
	Severity: report.SeverityCritical,
	Item:     report.ItemLookInside,
	Description: "A history step of the image records a credential: an ENV, ARG or LABEL value, a build argument " +
		"(`|2 TOKEN=...` in front of a RUN), a `--password` style option, `curl -u user:password`, an " +
		"Authorization header, a password piped to chpasswd, or a URL with `user:password@`. History is part of " +
		"the image: `docker history --no-trunc` shows it to anyone who can pull, even when a later step unsets " +
		"the variable or deletes the file. " + secretDescription,
	Remediation: "Rebuild without the secret and rotate it now. Use `RUN --mount=type=secret` for build-time " +
		"credentials; build arguments are recorded in history.",
	References: []string{"CIS Docker Benchmark 4.10", "https://docs.docker.com/build/building/secrets/"},
}

func secretInHistory() check.Constructor {
	return check.Image(secretInHistoryInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		if img.Config == nil {
			return nil, errNoConfig
		}
		var out []report.Finding
		partial := -1
		for _, st := range steps(img) {
			if st.partial && partial < 0 {
				partial = st.index
			}
			found := stepSecrets(st)
			for i, f := range found {
				if i == maxMasked {
					out = append(out, moreSecrets(info, img, st.index, found[i:]))
					break
				}
				finding := info.New(fmt.Sprintf("step %d records %s (%s)", st.index, withArticle(f.hit.kind), redactText(f.what)), stepEvidence(img, st.index, f.shown()))
				finding.Severity = f.hit.severity
				out = append(out, finding)
			}
		}
		if partial >= 0 {
			finding := info.New(fmt.Sprintf("the history is too large to search whole: from step %d on, steps longer than %d KiB or past the first %d MiB of history were searched in part or not at all", partial, maxScript>>10, maxHistoryText>>20),
				stepEvidence(img, partial, ""))
			finding.Severity = report.SeverityMedium
			out = append(out, finding)
		}
		return out, nil
	})
}

// moreSecrets sums up the secrets of a step beyond those reported one by
// one, at the severity of the worst.
func moreSecrets(info check.Info, img *facts.Image, step int, rest []found) report.Finding {
	f := info.New(fmt.Sprintf("step %d records %d more secrets", step, len(rest)), stepEvidence(img, step, ""))
	f.Severity = report.SeverityHigh
	for _, r := range rest {
		f.Severity = max(f.Severity, r.hit.severity)
	}
	return f
}
