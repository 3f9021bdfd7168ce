package config

import (
	"regexp"
	"strings"

	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// found is one secret located in shell text or a history step.
type found struct {
	// word is the shell word holding the secret and value the secret in it;
	// word is empty when only internal/redact can locate the secret (a
	// private key block spread over many words).
	word, value string
	// what says how the secret is given: "ENV TOKEN", "curl -u".
	what string
	hit  secretHit
}

// shown is the secret's word with the secret masked, for evidence.
func (f found) shown() string {
	if f.word == "" {
		return redact.Mask
	}
	i := strings.LastIndex(f.word, f.value)
	if i < 0 {
		return redact.Mask
	}
	return redactText(f.word[:i] + redact.Value(f.value) + f.word[i+len(f.value):])
}

// authHeader matches credential-bearing HTTP headers given to curl -H,
// wget --header and the like, and captures the header name and value.
var authHeader = regexp.MustCompile(`(?i)^\s*([a-z0-9\-]+)\s*:\s*(?:(?:bearer|basic|token|digest|bot)\s+)?(\S.*)$`)

// userFlags are the options of download tools that take user:password.
var userFlags = map[string]bool{"-u": true, "--user": true, "-U": true, "--proxy-user": true}

// mysqlClients take a password glued to -p.
var mysqlClients = map[string]bool{"mysql": true, "mysqldump": true, "mysqladmin": true, "mariadb": true, "mariadb-dump": true, "mariadb-admin": true}

// scriptSecrets finds the secrets written in a shell script: variable
// assignments, --password style options, user:password options, HTTP
// authorization headers, passwords piped to chpasswd, credentials in URLs
// and tokens recognisable by their shape.
func scriptSecrets(sc script) []found {
	var out []found
	seen := map[string]bool{}
	add := func(f found) {
		if k := f.word + "\x00" + f.value; !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	sc.eachCommand(func(c command, p pipeline, pos int) {
		args := c.args()
		prog := program(args)
		name := ""
		if len(prog) > 0 {
			name = base(prog[0])
		}
		for i, a := range args {
			next := ""
			if i+1 < len(args) {
				next = args[i+1]
			}
			if f, ok := argSecret(name, a, next); ok {
				add(f)
			}
		}
		if name == "chpasswd" && pos > 0 && !containsString(prog, "-e") {
			for _, a := range p.commands[pos-1].args() {
				if f, ok := chpasswdSecret(a); ok {
					add(f)
				}
			}
		}
	})
	return out
}

// argSecret looks at one argument and the one after it.
func argSecret(prog, a, next string) (found, bool) {
	if strings.IndexByte(a, '=') > 0 && assignment.MatchString(a) {
		n, v, _ := strings.Cut(a, "=")
		if hit, ok := classify(n, v); ok {
			return found{word: a, value: v, what: n, hit: hit}, true
		}
		return found{}, false
	}
	if strings.HasPrefix(a, "--") && len(a) > 2 {
		flag, v, hasValue := strings.Cut(a, "=")
		word := a
		if !hasValue && !strings.HasPrefix(next, "-") {
			v, word = next, next
		}
		if isSecretName(strings.TrimLeft(flag, "-")) && v != "" {
			if hit, ok := classify(strings.TrimLeft(flag, "-"), v); ok {
				return found{word: word, value: v, what: prog + " " + flag, hit: hit}, true
			}
		}
	}
	if userFlags[a] || (strings.HasPrefix(a, "--user=") || strings.HasPrefix(a, "--proxy-user=")) {
		v := next
		if _, after, ok := strings.Cut(a, "="); ok {
			v = after
		}
		if user, pass, ok := strings.Cut(v, ":"); ok && user != "" && !isPlaceholder(pass) {
			return found{word: v, value: pass, what: prog + " " + strings.SplitN(a, "=", 2)[0], hit: passwordHit(pass)}, true
		}
	}
	if mysqlClients[prog] && strings.HasPrefix(a, "-p") && len(a) > 2 && !isPlaceholder(a[2:]) {
		return found{word: a, value: a[2:], what: prog + " -p", hit: passwordHit(a[2:])}, true
	}
	if m := headerOf(a); m != nil && (strings.Contains(strings.ToLower(m[1]), "authorization") || isSecretName(m[1])) && !isPlaceholder(m[2]) {
		return found{word: a, value: m[2], what: "header " + m[1], hit: passwordHit(m[2])}, true
	}
	if p, ok := urlPassword(a); ok {
		return found{word: a, value: p, what: "URL", hit: passwordHit(p)}, true
	}
	if k := tokenKind(a); k != "" {
		return found{word: a, value: a, what: "argument", hit: secretHit{severity: report.SeverityCritical, kind: k}}, true
	}
	return found{}, false
}

// headerOf matches a credential-bearing header, skipping the regular
// expression for words without a colon.
func headerOf(a string) []string {
	if strings.IndexByte(a, ':') < 0 {
		return nil
	}
	return authHeader.FindStringSubmatch(a)
}

// passwordHit rates a password: Critical when it has a token's shape.
func passwordHit(p string) secretHit {
	if k := tokenKind(p); k != "" {
		return secretHit{severity: report.SeverityCritical, kind: k}
	}
	return secretHit{severity: report.SeverityHigh, kind: "password"}
}

// chpasswdSecret reads "user:password" lines echoed into chpasswd.
func chpasswdSecret(a string) (found, bool) {
	for _, line := range strings.Split(strings.ReplaceAll(a, `\n`, "\n"), "\n") {
		user, pass, ok := strings.Cut(strings.TrimSpace(line), ":")
		if ok && user != "" && !strings.ContainsAny(user, " /") && !isPlaceholder(pass) {
			return found{word: a, value: pass, what: "chpasswd for " + user, hit: secretHit{severity: report.SeverityHigh, kind: "password"}}, true
		}
	}
	return found{}, false
}
