package config

import (
	"regexp"
	"strings"

	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// secretHit is a credential found in a name and value, with how sure the
// finding is: Critical when the value's shape identifies a credential, High
// when only the name says the value is secret.
type secretHit struct {
	severity report.Severity
	kind     string
	// byName is set when only the name says the value is secret.
	byName bool
}

// mask redacts the value a hit was found in. A value secret by its name is
// masked whole; otherwise redact.Text masks the credential and keeps the
// rest readable (a URL with its password masked), falling back to masking
// the whole value when it finds nothing to mask.
func (h secretHit) mask(v string) string {
	if h.byName {
		return redact.Value(v)
	}
	if t := redactText(v); t != v {
		return t
	}
	return redact.Value(v)
}

// extraTokens are credential shapes not in internal/redact, kept here
// because only the secret checks need to know them.
var extraTokens = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"OpenAI API key", regexp.MustCompile(`\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_\-]{32,}\b`)},
	{"SendGrid API key", regexp.MustCompile(`\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b`)},
	{"Azure storage account key", regexp.MustCompile(`AccountKey=[A-Za-z0-9+/]{80,}={0,2}`)},
	{"Hugging Face token", regexp.MustCompile(`\bhf_[A-Za-z0-9]{34}\b`)},
	{"PyPI token", regexp.MustCompile(`\bpypi-AgE[A-Za-z0-9_\-]{50,}\b`)},
}

// withArticle puts "a" or "an" before a kind of secret.
func withArticle(kind string) string {
	if kind != "" && strings.ContainsRune("AEIOUaeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// redactText is redact.Text plus the token shapes only this package knows.
// Everything this package puts in a report passes through it.
func redactText(s string) string {
	s = redact.Text(s)
	for _, t := range extraTokens {
		s = t.re.ReplaceAllStringFunc(s, redact.Value)
	}
	return s
}

// tokenKinds name the shapes internal/redact recognises, by prefix.
var tokenKinds = []struct{ prefix, kind string }{
	{"AKIA", "AWS access key ID"}, {"ASIA", "AWS temporary access key ID"},
	{"ghp_", "GitHub token"}, {"gho_", "GitHub token"}, {"ghu_", "GitHub token"},
	{"ghs_", "GitHub token"}, {"ghr_", "GitHub token"}, {"github_pat_", "GitHub token"},
	{"glpat-", "GitLab token"}, {"xox", "Slack token"}, {"sk_live_", "Stripe key"},
	{"rk_live_", "Stripe key"}, {"sk_test_", "Stripe test key"}, {"npm_", "npm token"},
	{"AIza", "Google API key"}, {"dckr_pat_", "Docker Hub token"},
}

// tokenHints are substrings every recognised credential shape contains.
// Looking for them first keeps the regular expressions off ordinary words;
// stepSecrets still asks internal/redact about the whole text, so a shape
// added there is never missed for want of a hint.
var tokenHints = []string{
	"AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
	"github_pat_", "glpat-", "xox", "k_live_", "k_test_", "npm_", "AIza", "dckr_pat_", "PRIVATE KEY",
	"sk-", "SG.", "AccountKey=", "hf_", "pypi-",
}

// minTokenLen is shorter than every credential shape.
const minTokenLen = 15

// mayHoldToken is a cheap test that s may contain a credential shape.
func mayHoldToken(s string) bool {
	if len(s) < minTokenLen {
		return false
	}
	for _, h := range tokenHints {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}

// urlCredentials matches scheme://user:password@ and captures the password.
var urlCredentials = regexp.MustCompile(`[a-zA-Z][a-zA-Z0-9+.\-]*://[^:/@\s]+:([^@\s/]+)@`)

// privateKeyHeader starts a PEM or OpenSSH private key.
var privateKeyHeader = regexp.MustCompile(`-----BEGIN[ A-Z]*PRIVATE KEY( BLOCK)?-----`)

// awsSecretKey is the shape of an AWS secret access key, which only its name
// tells apart from other base64 text.
var awsSecretKey = regexp.MustCompile(`^[A-Za-z0-9/+=]{40}$`)

// tokenKind names the credential whose shape s contains, or "" for none.
// Passwords in URLs are not shapes: they are found by urlPassword.
func tokenKind(s string) string {
	if !mayHoldToken(s) {
		return ""
	}
	for _, t := range extraTokens {
		if t.re.MatchString(s) {
			return t.kind
		}
	}
	if !redact.HasToken(urlCredentials.ReplaceAllString(s, "")) {
		return ""
	}
	if privateKeyHeader.MatchString(s) {
		return "private key"
	}
	for _, k := range tokenKinds {
		if strings.Contains(s, k.prefix) {
			return k.kind
		}
	}
	return "credential"
}

// urlPassword returns the first password written in a URL in s that is not
// a placeholder.
func urlPassword(s string) (string, bool) {
	if !strings.Contains(s, "://") || !strings.Contains(s, "@") {
		return "", false
	}
	for _, m := range urlCredentials.FindAllStringSubmatch(s, 8) {
		if !isPlaceholder(m[1]) {
			return m[1], true
		}
	}
	return "", false
}

// classify decides whether the value assigned to name is a credential.
func classify(name, value string) (secretHit, bool) {
	if value == "" {
		return secretHit{}, false
	}
	if k := tokenKind(value); k != "" {
		return secretHit{severity: report.SeverityCritical, kind: k}, true
	}
	u := strings.ToUpper(name)
	if strings.Contains(u, "SECRET") && (strings.Contains(u, "AWS") || strings.Contains(u, "ACCESS_KEY")) && awsSecretKey.MatchString(value) {
		return secretHit{severity: report.SeverityCritical, kind: "AWS secret access key"}, true
	}
	if p, ok := urlPassword(value); ok {
		if k := tokenKind(p); k != "" {
			return secretHit{severity: report.SeverityCritical, kind: k + " in a URL"}, true
		}
		return secretHit{severity: report.SeverityHigh, kind: "password in a URL"}, true
	}
	if isSecretName(name) && !isPlaceholder(value) && (strongName(name) || looksRandom(value)) {
		return secretHit{severity: report.SeverityHigh, kind: "value of a secret-named setting", byName: true}, true
	}
	return secretHit{}, false
}

// strongWords in a name leave no doubt that the value is a secret. Names
// secret only by AUTH or SESSION (NGINX_AUTH=basic) often hold a mode,
// so their value must also look random.
var strongWords = []string{"PASS", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "PWD", "PRIVATE"}

func strongName(name string) bool {
	u := strings.ToUpper(name)
	for _, w := range strongWords {
		if strings.Contains(u, w) {
			return true
		}
	}
	return false
}

// looksRandom reports whether v could be a generated secret: long enough,
// without spaces, mixing at least two kinds of characters.
func looksRandom(v string) bool {
	if len(v) < 12 || strings.ContainsAny(v, " \t") {
		return false
	}
	var lower, upper, digit, other bool
	for _, r := range v {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		default:
			other = true
		}
	}
	kinds := 0
	for _, k := range []bool{lower, upper, digit, other} {
		if k {
			kinds++
		}
	}
	return kinds >= 2
}

// notSecretSuffix lists name endings that hold something about a secret
// (where it is, how long it lives) rather than the secret, beyond those
// internal/redact already knows.
var notSecretSuffix = []string{
	"_ID", "_NAME", "_REF", "_ARN", "_URL", "_URI", "_ENDPOINT", "_TIMEOUT", "_SECONDS",
	"_SIZE", "_COUNT", "_LIMIT", "_RETRIES", "_INTERVAL", "_VERSION", "_ALGORITHM", "_ALG",
	"_ISSUER", "_AUDIENCE", "_SCOPE", "_SCOPES", "_PREFIX", "_SUFFIX", "_FORMAT", "_POLICY",
	"_PROVIDER", "_REGION", "_BUCKET", "_LOCATION", "_SOURCE", "_STDIN", "_ENV", "_PROMPT",
	"_COMMAND", "_CMD", "_MIN", "_MAX", "_REQUIRED", "_DISABLED", "_ENABLE", "_KEYS_DIR",
}

// isSecretName reports whether a variable, label or option name says its
// value is a credential.
func isSecretName(name string) bool {
	u := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(name))
	for _, s := range notSecretSuffix {
		if strings.HasSuffix(u, s) {
			return false
		}
	}
	for _, p := range []string{"NO_", "ASK_", "PROMPT_", "SKIP_", "ENABLE_", "USE_", "REQUIRE_"} {
		if strings.HasPrefix(u, p) {
			return false
		}
	}
	return redact.IsSecretName(u)
}
