// Package redact hides secret values before they reach any output. Every
// string customs prints from an image's config, history or files passes
// through here when it may carry a credential.
package redact

import (
	"regexp"
	"strings"
)

// Mask is what replaces a secret.
const Mask = "[REDACTED]"

// secretName matches variable and label names that conventionally hold
// credentials. It is matched against the upper-cased name.
var secretName = regexp.MustCompile(`(^|[^A-Z])(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SECRET_?KEY|CLIENT_?SECRET|CREDENTIALS?|AUTH|SESSION_?KEY|SIGNING_?KEY|ENCRYPTION_?KEY|DB_?PASS|PWD)($|[^A-Z])`)

// notSecretName lists names matching secretName that conventionally hold
// paths or switches rather than the secret itself.
var notSecretName = regexp.MustCompile(`(_FILE|_PATH|_DIR|_URL_FILE|_HOST|_PORT|_USER|_USERNAME|_ENABLED|_TYPE|_METHOD|_MODE|_LENGTH|_TTL|_EXPIRY|_HEADER)$`)

// IsSecretName reports whether a variable or label name suggests a credential.
func IsSecretName(name string) bool {
	u := strings.ToUpper(name)
	if u == "PWD" || u == "OLDPWD" {
		return false // the shell's working directory
	}
	return secretName.MatchString(u) && !notSecretName.MatchString(u)
}

// token patterns whose shape alone identifies a credential.
var tokenPatterns = []*regexp.Regexp{
	regexp.MustCompile(`\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b`),                                    // AWS access key ID
	regexp.MustCompile(`\bgh[pousr]_[A-Za-z0-9]{36,255}\b`),                                                              // GitHub token
	regexp.MustCompile(`\bgithub_pat_[A-Za-z0-9_]{22,255}\b`),                                                            // GitHub fine-grained token
	regexp.MustCompile(`\bglpat-[A-Za-z0-9_\-]{20,}\b`),                                                                  // GitLab token
	regexp.MustCompile(`\bxox[abposr]-[A-Za-z0-9\-]{10,}\b`),                                                             // Slack token
	regexp.MustCompile(`\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}\b`),                                                       // Stripe key
	regexp.MustCompile(`\bnpm_[A-Za-z0-9]{36}\b`),                                                                        // npm token
	regexp.MustCompile(`\bAIza[0-9A-Za-z_\-]{35}\b`),                                                                     // Google API key
	regexp.MustCompile(`\bdckr_pat_[A-Za-z0-9_\-]{20,}\b`),                                                               // Docker Hub token
	regexp.MustCompile(`-----BEGIN[ A-Z]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END[ A-Z]*PRIVATE KEY( BLOCK)?-----|$)`), // private key
}

// urlCredentials matches the password of user:password@ in a URL.
var urlCredentials = regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9+.\-]*://[^:/@\s]+:)([^@\s/]+)(@)`)

// assignment matches NAME=value and NAME: value pairs in commands and files,
// and --password value style flags.
var assignment = regexp.MustCompile(`(?i)(--?|\b)([A-Z0-9_.\-]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)[A-Z0-9_]*)(\s*[=:]\s*|\s+)("[^"]*"|'[^']*'|[^\s;&|"']+)`)

// Value hides a secret value while keeping enough to recognise it: values of
// 16 bytes or more keep their first four characters.
func Value(v string) string {
	if v == "" {
		return ""
	}
	if len(v) >= 16 && !strings.HasPrefix(v, "-----") {
		return v[:4] + "..." + Mask
	}
	return Mask
}

// Text redacts every recognisable secret in free text: tokens by their shape,
// passwords in URLs, and values assigned to secret-looking names.
func Text(s string) string {
	for _, re := range tokenPatterns {
		s = re.ReplaceAllStringFunc(s, Value)
	}
	s = urlCredentials.ReplaceAllString(s, "${1}"+Mask+"${3}")
	s = assignment.ReplaceAllStringFunc(s, func(m string) string {
		sub := assignment.FindStringSubmatch(m)
		flag, name, sep, val := sub[1], sub[2], sub[3], sub[4]
		if !IsSecretName(strings.Trim(name, "-_.")) || strings.HasPrefix(val, "$") || strings.Contains(val, Mask) {
			return m
		}
		if strings.TrimSpace(sep) == "" && flag == "" {
			// "TOKEN value" without = or : is prose, not an assignment,
			// unless it is a --flag.
			return m
		}
		return flag + name + sep + Value(strings.Trim(val, `"'`))
	})
	return s
}

// Env redacts the value of KEY=VALUE when KEY suggests a credential, and any
// recognisable token in the value otherwise.
func Env(kv string) string {
	k, v, ok := strings.Cut(kv, "=")
	if !ok {
		return Text(kv)
	}
	if IsSecretName(k) && v != "" {
		return k + "=" + Value(v)
	}
	return k + "=" + Text(v)
}

// HasToken reports whether s contains a credential recognisable by its shape.
func HasToken(s string) bool {
	for _, re := range tokenPatterns {
		if re.MatchString(s) {
			return true
		}
	}
	return urlCredentials.MatchString(s)
}
