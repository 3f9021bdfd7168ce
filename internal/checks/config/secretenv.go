package config

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// secretDescription is shared by the secret checks: what counts, and what
// does not.
const secretDescription = "A value is critical when its shape identifies a credential (AWS access key ID, AWS " +
	"secret access key under an AWS name, GitHub, GitLab, Slack, Stripe, npm, Google, Docker Hub, OpenAI, " +
	"SendGrid, Hugging Face and PyPI tokens, Azure storage keys, private keys), and high when only its name says " +
	"it is secret (`*_PASSWORD`, `*_TOKEN`, `*_SECRET`, `*_API_KEY`, ...; a name secret only by AUTH or SESSION " +
	"needs a value that looks generated) or it is a password in a URL. " +
	"References and placeholders are not reported: `$VAR` and `${VAR}`, file paths such as `/run/secrets/db`, " +
	"`*_FILE` names, templates (`<token>`, `{{ .Token }}`), masks (`xxxx`) and placeholder words (`changeme`, " +
	"`example`, `none`, `true`). Values are always redacted in the report."

var secretInEnvInfo = check.Info{
	ID:       "config/secret-in-env",
	Version:  1,
	Title:    "Secret in the environment",
	Severity: report.SeverityCritical,
	Item:     report.ItemLookInside,
	Description: "The image's ENV holds a credential. Anyone who can pull the image reads it with `docker inspect`, " +
		"and every container started from it carries it. " + secretDescription,
	Remediation: "Remove the value from the image and rotate the credential now: it has been published with the " +
		"image. Pass secrets at run time (orchestrator secrets, a mounted file with a `*_FILE` variable) and at " +
		"build time with `RUN --mount=type=secret`.",
	References: []string{"CIS Docker Benchmark 4.10", "https://docs.docker.com/build/building/secrets/"},
}

func secretInEnv() check.Constructor {
	return check.Image(secretInEnvInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		cfg, err := runConfig(img)
		if err != nil {
			return nil, err
		}
		var out []report.Finding
		for i, kv := range cfg.Env {
			name, value, _ := strings.Cut(kv, "=")
			hit, ok := classify(name, value)
			if !ok {
				continue
			}
			ev := report.Evidence{ConfigKey: fmt.Sprintf("config.Env[%d]", i), Value: clip(name + "=" + hit.mask(value))}
			f := info.New(fmt.Sprintf("ENV %s holds %s", redactText(name), withArticle(hit.kind)), ev)
			f.Severity = hit.severity
			out = append(out, f)
		}
		return out, nil
	})
}
