package secret

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

// Test material is generated on every run: no secret-shaped literal is
// committed, and every value is random so that nothing is a known example.

const (
	upperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	alnum       = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	digits      = "0123456789"
)

// randomString returns n random characters of alphabet.
func randomString(t testing.TB, alphabet string, n int) string {
	t.Helper()
	var b strings.Builder
	for range n {
		i, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteByte(alphabet[i.Int64()])
	}
	return b.String()
}

func awsKeyID(t testing.TB) string  { return "AKIA" + randomString(t, upperDigits, 16) }
func awsSecret(t testing.TB) string { return randomString(t, base64Chars, 40) }
func githubPAT(t testing.TB) string { return "ghp_" + randomString(t, alnum, 36) }
func stripeKey(t testing.TB) string { return "sk_" + "live_" + randomString(t, alnum, 24) }
func slackBot(t testing.TB) string {
	return "xoxb-" + randomString(t, digits, 12) + "-" + randomString(t, digits, 12) + "-" + randomString(t, alnum, 24)
}
func npmToken(t testing.TB) string { return "npm_" + randomString(t, alnum, 36) }

// rsaPEM returns a fresh PKCS #1 RSA private key.
func rsaPEM(t testing.TB) string {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}))
}

// ecPEM returns a fresh SEC 1 EC private key.
func ecPEM(t testing.TB) string {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der}))
}

// pkcs8PEM returns a fresh PKCS #8 ed25519 private key.
func pkcs8PEM(t testing.TB) string {
	t.Helper()
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}

// openSSHPEM returns a fresh OpenSSH ed25519 private key, encrypted when a
// passphrase is given.
func openSSHPEM(t testing.TB, passphrase string) string {
	t.Helper()
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var b *pem.Block
	if passphrase == "" {
		b, err = ssh.MarshalPrivateKey(k, "")
	} else {
		b, err = ssh.MarshalPrivateKeyWithPassphrase(k, "", []byte(passphrase))
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(b))
}

// publicHalves returns the public key and certificate-like text that must
// never be reported.
func publicHalves(t testing.TB) string {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ssh.NewPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})) + string(ssh.MarshalAuthorizedKey(pub))
}

// puttyKey returns a PuTTY key file with a random body.
func puttyKey(t testing.TB, encryption string) string {
	t.Helper()
	body := base64.StdEncoding.EncodeToString([]byte(randomString(t, alnum, 48)))
	return "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: " + encryption + "\nComment: deploy\nPublic-Lines: 1\n" +
		base64.StdEncoding.EncodeToString([]byte(randomString(t, alnum, 40))) + "\nPrivate-Lines: 1\n" + body + "\nPrivate-MAC: " + randomString(t, "0123456789abcdef", 64) + "\n"
}

// gcpServiceAccount returns a service-account key file with a fresh key.
func gcpServiceAccount(t testing.TB) string {
	t.Helper()
	key := strings.ReplaceAll(pkcs8RSA(t), "\n", `\n`)
	return `{
  "type": "service_account",
  "project_id": "shop-prod",
  "private_key_id": "` + randomString(t, "0123456789abcdef", 40) + `",
  "private_key": "` + key + `",
  "client_email": "deployer@shop-prod.iam.gserviceaccount.com",
  "client_id": "` + randomString(t, digits, 21) + `"
}
`
}

func pkcs8RSA(t testing.TB) string {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}
