package samples

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"strings"
	"testing"
)

// OpenSSHKey returns a freshly generated, unencrypted Ed25519 private key
// in the OpenSSH format ssh-keygen writes by default ("-----BEGIN OPENSSH
// PRIVATE KEY-----", base64 in 70-column lines), as found in a planted
// ~/.ssh/id_ed25519.
func OpenSSHKey(t testing.TB) []byte {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatalf("generating Ed25519 key: %v", err)
	}
	var check [4]byte
	if _, err := rand.Read(check[:]); err != nil {
		t.Fatalf("generating Ed25519 key: %v", err)
	}
	return encodeOpenSSH(pub, priv, check[:], "customs-test@example.com")
}

// encodeOpenSSH lays out the openssh-key-v1 container (OpenSSH's
// PROTOCOL.key) for one unencrypted Ed25519 key.
func encodeOpenSSH(pub ed25519.PublicKey, priv ed25519.PrivateKey, check []byte, comment string) []byte {
	const keyType = "ssh-ed25519"
	var pubBlob []byte
	pubBlob = appendString(pubBlob, []byte(keyType))
	pubBlob = appendString(pubBlob, pub)

	var secret []byte
	secret = append(secret, check...)
	secret = append(secret, check...)
	secret = appendString(secret, []byte(keyType))
	secret = appendString(secret, pub)
	secret = appendString(secret, priv)
	secret = appendString(secret, []byte(comment))
	for i := byte(1); len(secret)%8 != 0; i++ {
		secret = append(secret, i)
	}

	blob := []byte("openssh-key-v1\x00")
	blob = appendString(blob, []byte("none"))
	blob = appendString(blob, []byte("none"))
	blob = appendString(blob, nil)
	blob = binary.BigEndian.AppendUint32(blob, 1)
	blob = appendString(blob, pubBlob)
	blob = appendString(blob, secret)

	enc := base64.StdEncoding.EncodeToString(blob)
	var b strings.Builder
	b.WriteString("-----BEGIN OPENSSH PRIVATE KEY-----\n")
	for len(enc) > 70 {
		b.WriteString(enc[:70] + "\n")
		enc = enc[70:]
	}
	b.WriteString(enc + "\n-----END OPENSSH PRIVATE KEY-----\n")
	return []byte(b.String())
}

// appendString appends an SSH wire-format string: a uint32 length, then data.
func appendString(b, data []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	return append(b, data...)
}
