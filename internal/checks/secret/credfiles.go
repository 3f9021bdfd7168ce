package secret

import (
	"bytes"
	"path"
	"strings"
)

// storeParser finds the secrets of one credential-store format.
type storeParser func(data []byte) []leak

// credentialStore returns the parser for a file that a tool reads its
// credentials from, by the file's name, or nil.
func credentialStore(p string) storeParser {
	base := path.Base(p)
	switch {
	case base == ".npmrc" || base == "npmrc":
		return npmrcLeaks
	case base == ".pypirc":
		return pypircLeaks
	case base == ".netrc" || base == "_netrc":
		return netrcLeaks
	case base == ".git-credentials" || strings.HasSuffix(p, "git/credentials"):
		return gitCredentialLeaks
	case base == ".dockercfg" || base == "config.json" && (strings.HasSuffix(p, ".docker/config.json") || strings.Contains(p, "containers/auth")):
		return dockerConfigLeaks
	case strings.HasSuffix(p, "containers/auth.json"):
		return dockerConfigLeaks
	case isEnvFile(base):
		return envLeaks
	}
	return nil
}

// isEnvFile recognises dotenv files: .env, .env.production, app.env.
func isEnvFile(base string) bool {
	return base == ".env" || strings.HasPrefix(base, ".env.") || strings.HasSuffix(base, ".env")
}

// lines calls fn with each line of data (without its end of line) and the
// offset where it starts.
func lines(data []byte, fn func(line []byte, off int)) {
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		fn(bytes.TrimRight(data[off:off+end], "\r"), off)
		off += end + 1
	}
}

// keyValue splits "key = value" and "key: value", and returns the value's
// offset in line, with surrounding quotes removed.
func keyValue(line []byte, seps string) (key string, value []byte, off int, ok bool) {
	i := bytes.IndexAny(line, seps)
	if i <= 0 {
		return "", nil, 0, false
	}
	key = strings.TrimSpace(string(line[:i]))
	off = i + 1
	for off < len(line) && (line[off] == ' ' || line[off] == '\t') {
		off++
	}
	value = bytes.TrimRight(line[off:], " \t")
	if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
		value = value[1 : len(value)-1]
		off++
	}
	return key, value, off, true
}
