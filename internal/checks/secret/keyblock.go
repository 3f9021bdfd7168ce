package secret

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"strconv"
	"strings"
)

// maxKeyBlock bounds one key block (an RSA 16384-bit PEM key is about 13 KiB)
// and maxKeyBlocks the blocks read from one file.
const (
	maxKeyBlock  = 64 << 10
	maxKeyBlocks = 16
)

// keyBlock is a private key found in a file.
type keyBlock struct {
	// label is the armor label ("RSA PRIVATE KEY", "OPENSSH PRIVATE KEY",
	// "PuTTY-User-Key-File-3").
	label string
	// algorithm is what the key is, when customs could tell ("RSA 2048",
	// "ed25519"), else "".
	algorithm string
	encrypted bool
	line      int
}

var (
	beginMarker = []byte("-----BEGIN ")
	puttyMarker = []byte("PuTTY-User-Key-File-")
)

// findKeys returns the private keys in data whose body really decodes: an
// armor header around a placeholder or a truncated body is not a key.
func findKeys(data []byte) []keyBlock {
	var out []keyBlock
	for off := 0; off < len(data) && len(out) < maxKeyBlocks; {
		i := bytes.Index(data[off:], beginMarker)
		if i < 0 {
			break
		}
		start := off + i
		off = start + len(beginMarker)
		labelEnd := bytes.Index(data[off:min(len(data), off+100)], []byte("-----"))
		if labelEnd < 0 {
			continue
		}
		label := string(data[off : off+labelEnd])
		if !strings.Contains(label, "PRIVATE KEY") {
			continue
		}
		endMarker := []byte("-----END " + label + "-----")
		j := bytes.Index(data[off:min(len(data), off+maxKeyBlock)], endMarker)
		if j < 0 {
			continue
		}
		end := off + j + len(endMarker)
		block := data[start:end]
		off = end
		if k, ok := decodeKey(label, block); ok {
			k.line = 1 + bytes.Count(data[:start], []byte{'\n'})
			out = append(out, k)
		}
	}
	for off := 0; off < len(data) && len(out) < maxKeyBlocks; {
		i := bytes.Index(data[off:], puttyMarker)
		if i < 0 {
			break
		}
		start := off + i
		off = start + len(puttyMarker)
		if k, ok := decodePutty(data[start:min(len(data), start+maxKeyBlock)]); ok {
			k.line = 1 + bytes.Count(data[:start], []byte{'\n'})
			out = append(out, k)
		}
	}
	return out
}

// decodeKey checks that an armored block holds key material. Blocks quoted
// in JSON, YAML or source code carry their line breaks as `\n`.
func decodeKey(label string, block []byte) (keyBlock, bool) {
	k := keyBlock{label: label}
	text := block
	if bytes.Contains(text, []byte(`\n`)) {
		text = bytes.ReplaceAll(text, []byte(`\n`), []byte{'\n'})
		text = bytes.ReplaceAll(text, []byte(`\r`), nil)
	}
	if strings.HasPrefix(label, "PGP ") {
		return k, pgpBody(text) >= 64
	}
	p, _ := pem.Decode(text)
	if p == nil && label == "OPENSSH PRIVATE KEY" {
		// A body cut short of its padding still shows the format's magic.
		p = &pem.Block{Type: label, Bytes: lenientBody(text)}
	}
	if p == nil || len(p.Bytes) < 32 {
		return k, false
	}
	k.encrypted = strings.Contains(label, "ENCRYPTED") || strings.Contains(p.Headers["Proc-Type"], "ENCRYPTED")
	switch label {
	case "OPENSSH PRIVATE KEY":
		alg, cipher, ok := openSSHKey(p.Bytes)
		if !ok {
			return k, false
		}
		k.algorithm, k.encrypted = alg, cipher != "none"
	case "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY":
		if !k.encrypted {
			k.algorithm = parsedAlgorithm(label, p.Bytes)
		}
	case "DSA PRIVATE KEY":
		k.algorithm = "DSA"
	}
	return k, true
}

// lenientBody decodes the base64 lines of an armored block, dropping a
// trailing partial quantum.
func lenientBody(text []byte) []byte {
	var body []byte
	for _, l := range bytes.Split(text, []byte{'\n'}) {
		l = bytes.TrimSpace(l)
		if !bytes.HasPrefix(l, []byte("-----")) {
			body = append(body, l...)
		}
	}
	body = body[:len(body)-len(body)%4]
	dec, err := base64.StdEncoding.DecodeString(string(body))
	if err != nil {
		return nil
	}
	return dec
}

// parsedAlgorithm names the algorithm of an unencrypted DER key, or "" when
// it does not parse (the block is still reported: a corrupt key is still a
// leak of what it was).
func parsedAlgorithm(label string, der []byte) string {
	var key any
	var err error
	switch label {
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(der)
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(der)
	default:
		key, err = x509.ParsePKCS8PrivateKey(der)
	}
	if err != nil {
		return ""
	}
	switch k := key.(type) {
	case *rsa.PrivateKey:
		return "RSA " + strconv.Itoa(k.N.BitLen())
	case *ecdsa.PrivateKey:
		return "ECDSA " + k.Curve.Params().Name
	case ed25519.PrivateKey:
		return "ed25519"
	}
	return ""
}

// openSSHKey reads the cipher and key type of an openssh-key-v1 blob. The
// magic and a cipher name make a key; a body cut short after them still is
// one, of an unknown type.
func openSSHKey(b []byte) (alg, cipher string, ok bool) {
	const magic = "openssh-key-v1\x00"
	if !bytes.HasPrefix(b, []byte(magic)) {
		return "", "", false
	}
	c, b, ok := sshString(b[len(magic):])
	if !ok || len(c) == 0 {
		return "", "", false
	}
	cipher = string(c)
	kdf, b, ok := sshString(b)
	if !ok || len(kdf) == 0 {
		return "", cipher, true
	}
	if _, b, ok = sshString(b); !ok || len(b) < 4 { // KDF options, then the key count
		return "", cipher, true
	}
	pub, _, ok := sshString(b[4:])
	if !ok {
		return "", cipher, true
	}
	keyType, _, ok := sshString(pub)
	if !ok {
		return "", cipher, true
	}
	return strings.TrimPrefix(string(keyType), "ssh-"), cipher, true
}

// sshString reads one length-prefixed SSH wire string.
func sshString(b []byte) (s, rest []byte, ok bool) {
	if len(b) < 4 {
		return nil, nil, false
	}
	n := binary.BigEndian.Uint32(b)
	if uint64(n) > uint64(len(b)-4) {
		return nil, nil, false
	}
	return b[4 : 4+n], b[4+n:], true
}

// pgpBody counts the decodable base64 bytes of an armored PGP block, after
// its header lines and without its checksum line.
func pgpBody(text []byte) int {
	lines := bytes.Split(text, []byte{'\n'})
	n := 0
	inBody := false
	for _, l := range lines[1:] {
		l = bytes.TrimSpace(l)
		switch {
		case !inBody && len(l) == 0:
			inBody = true
		case !inBody && bytes.IndexByte(l, ':') > 0:
		case bytes.HasPrefix(l, []byte("-----END")), bytes.HasPrefix(l, []byte("=")):
			return n
		default:
			inBody = true
			dec, err := base64.StdEncoding.DecodeString(string(l))
			if err != nil {
				return 0
			}
			n += len(dec)
		}
	}
	return n
}

// decodePutty checks a PuTTY key file: the header, an encryption line and
// private lines that decode.
func decodePutty(b []byte) (keyBlock, bool) {
	k := keyBlock{}
	lines := bytes.Split(b, []byte{'\n'})
	head, alg, ok := bytes.Cut(bytes.TrimSpace(lines[0]), []byte(": "))
	if !ok || len(alg) == 0 {
		return k, false
	}
	k.label, k.algorithm = string(head), strings.TrimPrefix(string(alg), "ssh-")
	encSeen := false
	for i, l := range lines[1:] {
		l = bytes.TrimSpace(l)
		if v, ok := bytes.CutPrefix(l, []byte("Encryption: ")); ok {
			k.encrypted, encSeen = string(v) != "none", true
		}
		if v, ok := bytes.CutPrefix(l, []byte("Private-Lines: ")); ok {
			n, err := strconv.Atoi(string(v))
			if err != nil || !encSeen || n < 1 || n > maxKeyBlock || 1+i+n >= len(lines) {
				return k, false
			}
			var body []byte
			for _, pl := range lines[2+i : 2+i+n] {
				body = append(body, bytes.TrimSpace(pl)...)
			}
			dec, err := base64.StdEncoding.DecodeString(string(body))
			return k, err == nil && len(dec) >= 32
		}
	}
	return k, false
}
