// Package notationtest signs images as notation does, for tests: a test
// certificate authority and code-signing certificate, a notation
// configuration directory trusting it, and signatures pushed to a registry
// as OCI referrers.
package notationtest

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"github.com/notaryproject/notation-go"
	"github.com/notaryproject/notation-go/signer"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"
)

// PKI is a root certificate authority and the code-signing certificate it
// issued, with its key.
type PKI struct {
	Root *x509.Certificate
	Leaf *x509.Certificate
	key  *ecdsa.PrivateKey
}

// NewPKI makes a root CA and a leaf certificate for code signing, whose
// subject is "CN=<name>,O=customs test", as notation requires them.
func NewPKI(t testing.TB, name string) PKI {
	t.Helper()
	now := time.Now()
	rootKey := newKey(t)
	root := issue(t, &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: name + " root", Organization: []string{"customs test"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}, nil, rootKey, rootKey)
	leafKey := newKey(t)
	leaf := issue(t, &x509.Certificate{
		SerialNumber:          big.NewInt(2),
		Subject:               pkix.Name{CommonName: name, Organization: []string{"customs test"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(12 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageCodeSigning},
		BasicConstraintsValid: true,
	}, root, leafKey, rootKey)
	return PKI{Root: root, Leaf: leaf, key: leafKey}
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// issue signs tmpl with the issuer's key; a nil parent self-signs.
func issue(t testing.TB, tmpl, parent *x509.Certificate, key, parentKey *ecdsa.PrivateKey) *x509.Certificate {
	t.Helper()
	if parent == nil {
		parent = tmpl
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Sign makes a notation signature envelope of mediaType (JWS or COSE)
// over target with notation-go's signer.
func (p PKI) Sign(t testing.TB, target ocispec.Descriptor, mediaType string) []byte {
	t.Helper()
	s, err := signer.NewGenericSigner(p.key, []*x509.Certificate{p.Leaf, p.Root})
	if err != nil {
		t.Fatal(err)
	}
	env, _, err := s.Sign(context.Background(), target, notation.SignerSignOptions{SignatureMediaType: mediaType})
	if err != nil {
		t.Fatal(err)
	}
	return env
}
