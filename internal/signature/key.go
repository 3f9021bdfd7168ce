package signature

import (
	"crypto"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"

	"github.com/sigstore/sigstore/pkg/cryptoutils"
	sigstore "github.com/sigstore/sigstore/pkg/signature"
)

// maxKeyFile bounds a public key file: a PEM key is well under a kilobyte.
const maxKeyFile = 64 << 10

// Key is a public key that signatures are verified against.
type Key struct {
	verifier sigstore.Verifier
	// Fingerprint is "SHA256:" and the hex SHA-256 of the key's DER
	// encoding, so a report says which key vouched for an image.
	Fingerprint string
}

// ParseKey reads a PEM public key: ECDSA (as cosign generates), RSA or
// Ed25519.
func ParseKey(pemBytes []byte) (*Key, error) {
	pub, err := cryptoutils.UnmarshalPEMToPublicKey(pemBytes)
	if err != nil {
		return nil, fmt.Errorf("reading public key: %w", err)
	}
	v, err := sigstore.LoadVerifier(pub, crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf("loading public key: %w", err)
	}
	der, err := cryptoutils.MarshalPublicKeyToDER(pub)
	if err != nil {
		return nil, fmt.Errorf("encoding public key: %w", err)
	}
	sum := sha256.Sum256(der)
	return &Key{verifier: v, Fingerprint: "SHA256:" + hex.EncodeToString(sum[:])}, nil
}

// ReadKeyFile reads a PEM public key from path.
func ReadKeyFile(path string) (*Key, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening public key: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, fmt.Errorf("reading public key %s: %w", path, err)
	}
	if len(data) > maxKeyFile {
		return nil, fmt.Errorf("public key %s is over %d bytes", path, maxKeyFile)
	}
	k, err := ParseKey(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}
