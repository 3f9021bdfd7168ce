package backdoor

import (
	"bytes"
	"strings"
)

const (
	// maxAccounts bounds the lines of a passwd or shadow file read.
	maxAccounts = 65536
	// maxAccountLine bounds one line.
	maxAccountLine = 4 << 10
)

// account is one line of /etc/passwd or /etc/shadow.
type account struct {
	line     int
	name     string
	password string
	uid      string // passwd only
	shell    string // passwd only
}

// parseAccounts splits passwd or shadow lines into their fields; lines
// with too few fields are skipped, as the C library does.
func parseAccounts(data []byte, shadow bool) []account {
	var out []account
	want := 7
	if shadow {
		want = 2
	}
	for n, raw := range bytes.SplitN(data, []byte{'\n'}, maxAccounts+1) {
		if n == maxAccounts {
			break
		}
		if len(raw) > maxAccountLine {
			continue
		}
		s := strings.TrimRight(string(raw), "\r")
		if s == "" || s[0] == '#' || s[0] == '+' || s[0] == '-' {
			continue
		}
		f := strings.Split(s, ":")
		if len(f) < want {
			continue
		}
		a := account{line: n + 1, name: f[0], password: f[1]}
		if !shadow {
			a.uid, a.shell = f[2], f[6]
		}
		out = append(out, a)
	}
	return out
}

// noLogin are the shells that refuse a login.
var noLogin = map[string]bool{
	"/usr/sbin/nologin": true, "/sbin/nologin": true, "/bin/false": true, "/usr/bin/false": true,
	"/bin/sync": true, "/usr/sbin/halt": true, "/sbin/halt": true, "/sbin/shutdown": true,
}

// canLogin reports whether a passwd entry has a shell that accepts a login.
func (a account) canLogin() bool {
	return a.shell != "" && !noLogin[a.shell]
}

// locked reports whether a password field means no password can match.
func locked(pw string) bool {
	return pw == "x" || pw == "*" || strings.HasPrefix(pw, "!") || strings.HasPrefix(pw, "*")
}

// looksHashed reports whether a password field holds a crypt(3) hash: a
// $id$ hash or a 13-character DES one.
func looksHashed(pw string) bool {
	if strings.HasPrefix(pw, "$") && strings.Count(pw, "$") >= 3 {
		return true
	}
	if len(pw) != 13 {
		return false
	}
	for _, c := range pw {
		if !(c == '.' || c == '/' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
