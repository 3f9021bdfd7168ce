package backdoor

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"strings"
)

const (
	// maxKeyLines bounds the lines of an authorized_keys file parsed.
	maxKeyLines = 4096
	// maxKeyLine bounds one line: an 16384-bit RSA key with options fits.
	maxKeyLine = 16 << 10
)

// keyTypes are the public key algorithms of OpenSSH.
var keyTypes = map[string]bool{
	"ssh-rsa": true, "ssh-dss": true, "ssh-ed25519": true, "ssh-ed448": true,
	"ecdsa-sha2-nistp256": true, "ecdsa-sha2-nistp384": true, "ecdsa-sha2-nistp521": true,
	"sk-ssh-ed25519@openssh.com": true, "sk-ecdsa-sha2-nistp256@openssh.com": true,
	"ssh-rsa-cert-v01@openssh.com": true, "ssh-dss-cert-v01@openssh.com": true, "ssh-ed25519-cert-v01@openssh.com": true,
	"ecdsa-sha2-nistp256-cert-v01@openssh.com": true, "ecdsa-sha2-nistp384-cert-v01@openssh.com": true,
	"ecdsa-sha2-nistp521-cert-v01@openssh.com": true, "sk-ssh-ed25519-cert-v01@openssh.com": true,
	"sk-ecdsa-sha2-nistp256-cert-v01@openssh.com": true,
}

// authKey is one key of an authorized_keys file, without its key material.
type authKey struct {
	line        int
	typ         string
	fingerprint string // SHA256:base64, as ssh-keygen -l prints it
	comment     string
	options     string
}

// parseAuthorizedKeys returns the well-formed keys of an authorized_keys
// file: a known type followed by base64 whose blob names the same type.
func parseAuthorizedKeys(data []byte) []authKey {
	var out []authKey
	for n, line := range bytes.SplitN(data, []byte{'\n'}, maxKeyLines+1) {
		if n == maxKeyLines {
			break
		}
		if len(line) > maxKeyLine {
			continue
		}
		s := strings.TrimSpace(string(line))
		if s == "" || s[0] == '#' {
			continue
		}
		if k, ok := parseKeyLine(s); ok {
			k.line = n + 1
			out = append(out, k)
		}
	}
	return out
}

func parseKeyLine(s string) (authKey, bool) {
	fields := strings.Fields(s)
	for i := 0; i+1 < len(fields); i++ {
		if !keyTypes[fields[i]] {
			continue
		}
		blob, err := base64.StdEncoding.DecodeString(fields[i+1])
		if err != nil || blobType(blob) != fields[i] {
			continue
		}
		sum := sha256.Sum256(blob)
		k := authKey{
			typ:         fields[i],
			fingerprint: "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:]),
			comment:     strings.Join(fields[i+2:], " "),
		}
		if i > 0 {
			k.options = strings.Join(fields[:i], " ")
		}
		return k, true
	}
	return authKey{}, false
}

// blobType reads the algorithm name that starts an SSH public key blob.
func blobType(blob []byte) string {
	if len(blob) < 4 {
		return ""
	}
	n := binary.BigEndian.Uint32(blob)
	if n > 64 || int(n) > len(blob)-4 {
		return ""
	}
	return string(blob[4 : 4+n])
}
