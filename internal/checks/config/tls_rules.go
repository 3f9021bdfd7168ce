package config

import (
	"regexp"
	"strings"
)

// optionRules are options that turn off TLS or signature checks in one
// program family; the option alone is not enough elsewhere.
var optionRules = []struct {
	programs []string
	options  []string
	what     string
}{
	{[]string{"wget"}, []string{"--no-check-certificate"}, "wget --no-check-certificate skips TLS certificate checks"},
	{[]string{"apk"}, []string{"--allow-untrusted"}, "apk --allow-untrusted installs packages with unverified signatures"},
	{[]string{"apt", "apt-get", "aptitude"}, []string{"--allow-unauthenticated", "--allow-insecure-repositories", "--force-yes"}, "apt installs unauthenticated packages"},
	{[]string{"rpm"}, []string{"--nosignature", "--nodigest", "--nosig"}, "rpm skips package signature checks"},
	{[]string{"yum", "dnf", "microdnf", "tdnf"}, []string{"--nogpgcheck"}, "yum/dnf --nogpgcheck skips package signature checks"},
	{[]string{"zypper"}, []string{"--no-gpg-checks"}, "zypper --no-gpg-checks skips package signature checks"},
}

// textRules are settings written on a command line or into a configuration
// file (by echo, tee, sed, git config, npm config, ...) that turn off TLS or
// signature checks. Their spelling is specific enough to match in any
// command.
var textRules = []struct {
	// hint is a lower-case substring every match contains, tested before
	// the regular expression.
	hint string
	re   *regexp.Regexp
	what string
}{
	{"verify", regexp.MustCompile(`(?i)ssl[-_]?verify\s*[=\s]\s*"?(false|0|no|off)\b`), "sslVerify is turned off (git, yum, conda)"},
	{"strict", regexp.MustCompile(`(?i)strict[-_]ssl\s*[=\s]\s*"?false\b`), "npm strict-ssl is turned off"},
	{"trusted", regexp.MustCompile(`(?i)\btrusted[-_]host\b`), "pip trusts a host without TLS checks (--trusted-host)"},
	{"check_certificate", regexp.MustCompile(`(?i)check_certificate\s*=\s*off`), "wget certificate checks are turned off in wgetrc"},
	{"allowunauthenticated", regexp.MustCompile(`(?i)AllowUnauthenticated\s*[=\s]\s*"?(true|1|yes)`), "apt is configured to allow unauthenticated packages"},
	{"allowinsecurerepositories", regexp.MustCompile(`(?i)AllowInsecureRepositories\s*[=\s]\s*"?(true|1|yes)`), "apt is configured to allow insecure repositories"},
	{"trusted=yes", regexp.MustCompile(`\[\s*(?:[a-z-]+=\S+\s+)*trusted=yes`), "an apt source is marked trusted=yes, so its signatures are not checked"},
	{"verify-", regexp.MustCompile(`(?i)Verify-(?:Peer|Host)\s*[=\s]\s*"?(false|0|no)`), "apt HTTPS certificate checks are turned off"},
	{"gpgcheck", regexp.MustCompile(`(?i)\bgpgcheck\s*=\s*0`), "a yum/dnf repository has gpgcheck=0"},
	{"tls-verify", regexp.MustCompile(`(?i)--(?:src-|dest-)?tls-verify(?:=|\s+)false`), "--tls-verify=false skips registry TLS checks"},
	{"insecure-skip-tls-verify", regexp.MustCompile(`(?i)--insecure-skip-tls-verify\b`), "--insecure-skip-tls-verify skips TLS checks"},
}

// tlsEnvRules are environment variables whose value turns off TLS checks.
var tlsEnvRules = map[string]struct {
	off  func(v string) bool
	what string
}{
	"GIT_SSL_NO_VERIFY":            {truthy, "GIT_SSL_NO_VERIFY turns off git's TLS certificate checks"},
	"NODE_TLS_REJECT_UNAUTHORIZED": {func(v string) bool { return v == "0" }, "NODE_TLS_REJECT_UNAUTHORIZED=0 turns off Node.js TLS certificate checks"},
	"PYTHONHTTPSVERIFY":            {func(v string) bool { return v == "0" }, "PYTHONHTTPSVERIFY=0 turns off Python's HTTPS certificate checks"},
	"NPM_CONFIG_STRICT_SSL":        {falsy, "npm_config_strict_ssl=false turns off npm's TLS checks"},
	"PIP_TRUSTED_HOST":             {func(v string) bool { return v != "" }, "PIP_TRUSTED_HOST makes pip trust hosts without TLS checks"},
	"GOINSECURE":                   {func(v string) bool { return v != "" }, "GOINSECURE fetches Go modules without TLS checks"},
}

func truthy(v string) bool {
	return v != "" && !falsy(v) && v != "0"
}

func falsy(v string) bool {
	switch strings.ToLower(strings.Trim(v, `"'`)) {
	case "false", "no", "off", "0":
		return true
	}
	return false
}

// tlsEnv reports whether NAME=value turns off TLS checks.
func tlsEnv(name, value string) (string, bool) {
	r, ok := tlsEnvRules[strings.ToUpper(name)]
	if !ok || !r.off(strings.Trim(value, `"'`)) {
		return "", false
	}
	return r.what, true
}

// tlsOff lists what in a script turns off TLS or signature checks, each
// once, with the command that does it.
func tlsOff(sc script) []runHit {
	var out []runHit
	seen := map[string]bool{}
	add := func(what string, c command) {
		if !seen[what] {
			seen[what] = true
			out = append(out, runHit{what: what, text: commandText(c)})
		}
	}
	sc.eachCommand(func(c command, _ pipeline, _ int) {
		args := c.args()
		prog := program(args)
		for _, a := range args {
			if n, v, ok := strings.Cut(a, "="); ok && assignment.MatchString(a) {
				if what, off := tlsEnv(n, v); off {
					add(what, c)
				}
			}
		}
		if len(prog) == 0 {
			return
		}
		name := base(prog[0])
		if d, ok := asDownload(prog); ok && d.name == "curl" && d.has("-k", "--insecure", "--proxy-insecure", "--doh-insecure") {
			add("curl --insecure skips TLS certificate checks", c)
		}
		for _, r := range optionRules {
			if containsString(r.programs, name) && anyOption(prog[1:], r.options) {
				add(r.what, c)
			}
		}
		texts := []string{strings.Join(prog, " ")}
		for _, r := range c.redirects {
			texts = append(texts, r.body)
		}
		for _, t := range texts {
			lower := strings.ToLower(t)
			for _, r := range textRules {
				if strings.Contains(lower, r.hint) && r.re.MatchString(t) {
					add(r.what, c)
				}
			}
		}
	})
	return out
}

// anyOption reports whether args hold one of options, alone or as --opt=value.
func anyOption(args, options []string) bool {
	for _, a := range args {
		name, _, _ := strings.Cut(a, "=")
		if containsString(options, name) {
			return true
		}
	}
	return false
}
