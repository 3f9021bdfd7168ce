package samples

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestPEMKeys(t *testing.T) {
	tests := []struct {
		name  string
		pem   []byte
		typ   string
		parse func([]byte) error
	}{
		{name: "RSA", pem: RSAKeyPEM(t), typ: "RSA PRIVATE KEY", parse: func(der []byte) error {
			_, err := x509.ParsePKCS1PrivateKey(der)
			return err
		}},
		{name: "EC", pem: ECKeyPEM(t), typ: "EC PRIVATE KEY", parse: func(der []byte) error {
			_, err := x509.ParseECPrivateKey(der)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			block, rest := pem.Decode(tt.pem)
			if block == nil || len(bytes.TrimSpace(rest)) != 0 {
				t.Fatalf("not a single PEM block:\n%s", tt.pem)
			}
			if block.Type != tt.typ {
				t.Errorf("PEM type %q, want %q", block.Type, tt.typ)
			}
			if err := tt.parse(block.Bytes); err != nil {
				t.Errorf("parsing the key: %v", err)
			}
		})
	}
	if bytes.Equal(RSAKeyPEM(t), RSAKeyPEM(t)) {
		t.Error("two RSA keys are equal; each call must generate a new one")
	}
}

// TestOpenSSHKey checks the layout against a known key and, where
// ssh-keygen is installed, that OpenSSH itself reads the generated key.
func TestOpenSSHKey(t *testing.T) {
	seed := bytes.Repeat([]byte{7}, ed25519.SeedSize)
	priv := ed25519.NewKeyFromSeed(seed)
	pub := priv.Public().(ed25519.PublicKey)
	got := encodeOpenSSH(pub, priv, []byte{1, 2, 3, 4}, "c")
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if lines[0] != "-----BEGIN OPENSSH PRIVATE KEY-----" || lines[len(lines)-1] != "-----END OPENSSH PRIVATE KEY-----" {
		t.Fatalf("armour wrong:\n%s", got)
	}
	for _, l := range lines[1 : len(lines)-2] {
		if len(l) != 70 {
			t.Errorf("body line %q is %d columns, want 70", l, len(l))
		}
	}
	blob, err := base64.StdEncoding.DecodeString(strings.Join(lines[1:len(lines)-1], ""))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(blob, []byte("openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01")) {
		t.Errorf("header %q is not an unencrypted one-key openssh-key-v1", blob[:min(50, len(blob))])
	}
	// After the header: the public key blob, then the private section,
	// whose length the "none" cipher's block size of 8 divides.
	rest := blob[len("openssh-key-v1\x00")+len("\x00\x00\x00\x04none")*2+4+4:]
	pubLen := binary.BigEndian.Uint32(rest)
	rest = rest[4+pubLen:]
	secLen := binary.BigEndian.Uint32(rest)
	secret := rest[4:]
	if int(secLen) != len(secret) || secLen%8 != 0 || !bytes.Contains(secret, priv) {
		t.Errorf("private section: length %d of %d bytes, want a multiple of 8 holding the key", secLen, len(secret))
	}

	keygen, err := exec.LookPath("ssh-keygen")
	if err != nil {
		t.Skip("ssh-keygen not installed: layout checked, OpenSSH's reading of it not")
	}
	path := filepath.Join(t.TempDir(), "id_ed25519")
	if err := os.WriteFile(path, OpenSSHKey(t), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(keygen, "-y", "-f", path).CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "ssh-ed25519 AAAA") {
		t.Errorf("ssh-keygen -y: %v: %s", err, out)
	}
}
