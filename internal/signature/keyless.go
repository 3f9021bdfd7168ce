package signature

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/sigstore/sigstore-go/pkg/root"
	"github.com/sigstore/sigstore-go/pkg/verify"
)

// Limits on keyless material: a trusted root lists a few certificate
// authorities and logs, a bundle one certificate chain and a log entry.
const (
	MaxTrustedRootSize = 1 << 20
	MaxBundleSize      = 1 << 20
)

// Keyless verifies keyless cosign signatures and sigstore bundles against a
// trusted root and the identity the signing certificate must carry, with no
// network call: the transparency-log entry and timestamps that come with a
// signature vouch for when it was signed, while its certificate was valid.
type Keyless struct {
	verifier *verify.Verifier
	identity verify.CertificateIdentity
	want     Identity
}

// NewKeyless reads a sigstore trusted_root.json (as `cosign verify
// --trusted-root` takes) and the identity a signature's certificate must
// name. A signature must have a transparency-log entry of a log in the
// root; when the root lists certificate transparency logs, the certificate
// must also carry a timestamp from one of them, as cosign requires.
func NewKeyless(trustedRoot []byte, id Identity) (*Keyless, error) {
	ci, err := id.policy()
	if err != nil {
		return nil, err
	}
	if len(trustedRoot) > MaxTrustedRootSize {
		return nil, fmt.Errorf("trusted root of %d bytes is over the %d byte limit", len(trustedRoot), MaxTrustedRootSize)
	}
	tr, err := root.NewTrustedRootFromJSON(trustedRoot)
	if err != nil {
		return nil, fmt.Errorf("reading trusted root: %w", err)
	}
	if len(tr.FulcioCertificateAuthorities()) == 0 {
		return nil, errors.New("trusted root lists no certificate authority")
	}
	if len(tr.RekorLogs()) == 0 {
		return nil, errors.New("trusted root lists no transparency log")
	}
	opts := []verify.VerifierOption{verify.WithTransparencyLog(1), verify.WithObserverTimestamps(1)}
	if len(tr.CTLogs()) > 0 {
		opts = append(opts, verify.WithSignedCertificateTimestamps(1))
	}
	v, err := verify.NewVerifier(tr, opts...)
	if err != nil {
		return nil, fmt.Errorf("configuring keyless verification: %w", err)
	}
	return &Keyless{verifier: v, identity: ci, want: id}, nil
}

// ReadKeyless reads the trusted root at path; see NewKeyless.
func ReadKeyless(path string, id Identity) (*Keyless, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening trusted root: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxTrustedRootSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading trusted root %s: %w", path, err)
	}
	k, err := NewKeyless(data, id)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// Trust implements Verifier.
func (k *Keyless) Trust() string { return k.want.String() }

// Verify implements Verifier for sigstore bundles and keyless cosign
// signatures. A cosign signature without a certificate was made with a key
// and fails here rather than being skipped: the identity was required.
func (k *Keyless) Verify(_ context.Context, sig Signature, targets []Target) (Verified, error) {
	switch sig.Format {
	case FormatBundle:
		return k.verifySignatureBundle(sig.Envelope, targets)
	case FormatSimpleSigning:
		return k.verifyCosign(sig, targets)
	}
	return Verified{}, ErrNotApplicable
}

// signer names the identity and issuer the verified certificate carries,
// and detail when the signature was logged or timestamped.
func signer(res *verify.VerificationResult) (who, detail string) {
	who = "an unnamed certificate"
	if res.Signature != nil && res.Signature.Certificate != nil {
		c := res.Signature.Certificate
		who = fmt.Sprintf("%s (issuer %s)", c.SubjectAlternativeName, c.Issuer)
	}
	// The log's time comes first: it is the one every signature has.
	var logged, stamped string
	for _, ts := range res.VerifiedTimestamps {
		at := ts.Timestamp.UTC().Format(time.RFC3339)
		switch {
		case ts.Type == "Tlog" && logged == "":
			logged = "logged at " + at
		case ts.Type != "Tlog" && stamped == "":
			stamped = "timestamped at " + at
		}
	}
	switch {
	case logged != "" && stamped != "":
		return who, logged + ", " + stamped
	case logged != "":
		return who, logged
	}
	return who, stamped
}
