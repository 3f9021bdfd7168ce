package config

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var downloadExecInfo = check.Info{
	ID:       "config/download-exec",
	Version:  1,
	Title:    "Script downloaded and run without verification",
	Severity: report.SeverityHigh,
	Item:     report.ItemScripts,
	Description: "A build step or the start command pipes a download into a shell or interpreter (`curl ... | sh`, " +
		"`wget -O- ... | bash`, `bash <(curl ...)`, `sh -c \"$(curl ...)\"`), or saves a script and runs it in the " +
		"same step without checking a checksum or signature. Whoever controls that URL, its DNS or the network path " +
		"decides what runs in the image. `ADD https://...` without `--checksum` is reported at medium severity: " +
		"the file is not run, but nothing proves it is the one intended.",
	Remediation: "Download to a file, verify it against a pinned checksum (`sha256sum -c`) or signature, then run " +
		"it; prefer packages from a signed repository. For ADD, use `ADD --checksum=sha256:...`.",
	References: []string{"https://docs.docker.com/reference/dockerfile/#add---checksum"},
}

func downloadExec() check.Constructor {
	return check.Image(downloadExecInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		if img.Config == nil {
			return nil, errNoConfig
		}
		var out []report.Finding
		for _, src := range allScripts(img) {
			hits := downloadRuns(src.script)
			if len(hits) > maxPerSource {
				hits = hits[:maxPerSource]
			}
			for _, h := range hits {
				msg := fmt.Sprintf("%s %s", src.where(), h.what)
				if src.step == nil {
					msg += ", each time the container starts"
				}
				out = append(out, info.New(msg, src.evidence(img, h.text)))
			}
		}
		for _, st := range steps(img) {
			if u, ok := unverifiedAdd(st); ok {
				f := info.New(fmt.Sprintf("step %d adds %s without --checksum", st.index, safeText(u)), stepEvidence(img, st.index, safeStep(st)))
				f.Severity = report.SeverityMedium
				out = append(out, f)
			}
		}
		return out, nil
	})
}

// unverifiedAdd returns the URL an ADD step downloads without a checksum.
func unverifiedAdd(st step) (string, bool) {
	if st.instruction != "ADD" {
		return "", false
	}
	for _, f := range st.flags {
		if strings.HasPrefix(f, "--checksum") {
			return "", false
		}
	}
	for _, w := range strings.Fields(st.text) {
		if strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") {
			return w, true
		}
	}
	return "", false
}
