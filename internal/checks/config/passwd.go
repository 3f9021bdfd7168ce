package config

import (
	"bytes"
	"math"
	"strconv"
)

// Bounds of /etc/passwd parsing: the scanner collects small files only, but
// the parser does not rely on it.
const (
	maxPasswdBytes   = 1 << 20
	maxPasswdEntries = 1 << 16
)

// account is one /etc/passwd entry.
type account struct {
	name string
	uid  uint32
}

// parsePasswd reads name:password:uid:... lines. Comments, blank lines, NIS
// entries (+/-) and lines whose UID is not a 32-bit number are skipped, as
// getpwnam would never return them.
func parsePasswd(b []byte) []account {
	if len(b) > maxPasswdBytes {
		b = b[:maxPasswdBytes]
	}
	var out []account
	for len(b) > 0 && len(out) < maxPasswdEntries {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 || line[0] == '#' || line[0] == '+' || line[0] == '-' {
			continue
		}
		fields := bytes.SplitN(line, []byte(":"), 4)
		if len(fields) < 3 || len(fields[0]) == 0 {
			continue
		}
		uid, err := strconv.ParseUint(string(fields[2]), 10, 32)
		if err != nil || uid > math.MaxUint32 {
			continue
		}
		out = append(out, account{name: string(fields[0]), uid: uint32(uid)})
	}
	return out
}

// lookupUser returns the UID of name, taking the first entry as the C
// library does.
func lookupUser(accounts []account, name string) (uint32, bool) {
	for _, a := range accounts {
		if a.name == name {
			return a.uid, true
		}
	}
	return 0, false
}
