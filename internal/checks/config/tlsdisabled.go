package config

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var tlsDisabledInfo = check.Info{
	ID:       "config/tls-disabled",
	Version:  1,
	Title:    "TLS or signature checks turned off",
	Severity: report.SeverityMedium,
	Item:     report.ItemScripts,
	Description: "A build step, the start command or the environment turns off certificate or package signature " +
		"checks: `curl -k`, `wget --no-check-certificate`, git `http.sslVerify=false` or `GIT_SSL_NO_VERIFY`, " +
		"`NODE_TLS_REJECT_UNAUTHORIZED=0`, npm `strict-ssl false`, pip `--trusted-host`, `PYTHONHTTPSVERIFY=0`, " +
		"`apk --allow-untrusted`, apt `--allow-unauthenticated` or `trusted=yes`, rpm `--nosignature`, yum/dnf " +
		"`--nogpgcheck` or `gpgcheck=0`. Anyone on the network path can then substitute what is downloaded; in " +
		"the environment the setting also weakens the running application.",
	Remediation: "Keep verification on; install the CA certificate the build needs (or the repository's signing " +
		"key) instead of turning checks off.",
	References: []string{"CWE-295"},
}

func tlsDisabled() check.Constructor {
	return check.Image(tlsDisabledInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		cfg, err := runConfig(img)
		if err != nil {
			return nil, err
		}
		var out []report.Finding
		for i, kv := range cfg.Env {
			name, value, _ := strings.Cut(kv, "=")
			if what, off := tlsEnv(name, value); off {
				ev := report.Evidence{ConfigKey: fmt.Sprintf("config.Env[%d]", i), Value: clip(safeEnv(kv))}
				out = append(out, info.New("in the environment, "+what, ev))
			}
		}
		for _, st := range steps(img) {
			for _, a := range st.buildArgs {
				name, value, _ := strings.Cut(a, "=")
				if what, off := tlsEnv(name, value); off {
					out = append(out, info.New(fmt.Sprintf("step %d: build argument %s", st.index, what), stepEvidence(img, st.index, safeStep(st))))
				}
			}
		}
		for _, src := range allScripts(img) {
			for _, h := range tlsOff(src.script) {
				out = append(out, info.New(src.where()+": "+h.what, src.evidence(img, h.text)))
			}
		}
		return out, nil
	})
}
