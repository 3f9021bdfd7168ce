package secret

import (
	"bytes"
	"encoding/base64"
	"encoding/json"

	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// registryAuth is one entry of a Docker or Podman auth file.
type registryAuth struct {
	Auth          string `json:"auth"`
	IdentityToken string `json:"identitytoken"`
	Password      string `json:"password"`
}

// dockerConfigLeaks finds registry credentials in a Docker config.json
// ("auths"), a Podman auth.json or a legacy .dockercfg (the map itself).
// The auth value is decoded to confirm it holds user:password; only its
// fingerprint is shown.
func dockerConfigLeaks(data []byte) []leak {
	var cfg struct {
		Auths map[string]registryAuth `json:"auths"`
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil
	}
	if cfg.Auths == nil {
		var legacy map[string]registryAuth
		if json.Unmarshal(data, &legacy) != nil {
			return nil
		}
		cfg.Auths = legacy
	}
	var out []leak
	for registry, a := range cfg.Auths {
		what := "credentials for the registry " + redact.Text(registry) + ": they pull and push its images"
		if a.Auth != "" {
			dec, err := base64.StdEncoding.DecodeString(a.Auth)
			if user, pass, ok := bytes.Cut(dec, []byte{':'}); err == nil && ok && len(user) > 0 && len(pass) > 0 {
				out = append(out, located(data, a.Auth, "docker-registry-auth", what, report.SeverityCritical)...)
			}
		}
		if a.IdentityToken != "" {
			out = append(out, located(data, a.IdentityToken, "docker-identity-token", "an identity token for the registry "+redact.Text(registry), report.SeverityCritical)...)
		}
		if a.Password != "" && !isPlaceholder(a.Password) {
			out = append(out, located(data, a.Password, "docker-registry-password", what, report.SeverityCritical)...)
		}
	}
	return out
}

// located finds where a decoded JSON string value sits in the file. Values
// with escapes are not found and are reported at line 1.
func located(data []byte, value, id, what string, sev report.Severity) []leak {
	q := []byte(`"` + value + `"`)
	i := bytes.Index(data, q)
	if i < 0 {
		return nil
	}
	return []leak{leakAt(data, id, what, sev, i+1, i+1+len(value))}
}
