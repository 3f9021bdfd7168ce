package signature

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sigstore/sigstore-go/pkg/bundle"
	"github.com/sigstore/sigstore-go/pkg/tlog"
	"github.com/sigstore/sigstore-go/pkg/verify"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
)

// maxAnnotationSize bounds a certificate, log entry or timestamp annotated
// on a cosign signature layer.
const maxAnnotationSize = 64 << 10

// rekorBundle is cosign's dev.sigstore.cosign/bundle annotation: a
// transparency-log entry and the log's signed promise to include it.
type rekorBundle struct {
	SignedEntryTimestamp []byte
	Payload              struct {
		Body           string `json:"body"`
		IntegratedTime int64  `json:"integratedTime"`
		LogIndex       int64  `json:"logIndex"`
		LogID          string `json:"logID"`
	}
}

// cosignEntity is a keyless cosign signature seen as the sigstore
// verifiable entity it amounts to: a signature over the SHA-256 digest of
// the payload, the signing certificate, the log entry with its inclusion
// promise and any RFC 3161 timestamp over the signature.
type cosignEntity struct {
	verify.BaseSignedEntity
	cert       *x509.Certificate
	sig        *bundle.MessageSignature
	entries    []*tlog.Entry
	timestamps [][]byte
}

func (e *cosignEntity) HasInclusionPromise() bool { return len(e.entries) > 0 }

func (e *cosignEntity) VerificationContent() (verify.VerificationContent, error) {
	return bundle.NewCertificate(e.cert), nil
}

func (e *cosignEntity) SignatureContent() (verify.SignatureContent, error) { return e.sig, nil }

func (e *cosignEntity) Timestamps() ([][]byte, error) { return e.timestamps, nil }

func (e *cosignEntity) TlogEntries() ([]*tlog.Entry, error) { return e.entries, nil }

// Version says which checks the library applies: cosign's annotations
// predate bundles and match the first version, with a promise and no proof.
func (e *cosignEntity) Version() (string, error) { return "v0.1", nil }

// ParseCosignKeyless reads the pieces of a keyless cosign signature into a
// verifiable entity, bounded; it verifies nothing.
func ParseCosignKeyless(sig Signature) (verify.SignedEntity, error) {
	if len(sig.Certificate) == 0 {
		return nil, errors.New("no certificate: signed with a key, not keylessly")
	}
	for _, f := range []struct {
		name string
		n    int
	}{{"certificate", len(sig.Certificate)}, {"log entry", len(sig.RekorBundle)}, {"timestamp", len(sig.Timestamp)}, {"signature", len(sig.Base64)}} {
		if f.n > maxAnnotationSize {
			return nil, fmt.Errorf("%s of %d bytes is over the %d byte limit", f.name, f.n, maxAnnotationSize)
		}
	}
	if len(sig.Payload) > MaxPayloadSize {
		return nil, fmt.Errorf("signature payload of %d bytes is over the %d byte limit", len(sig.Payload), MaxPayloadSize)
	}
	certs, err := cryptoutils.UnmarshalCertificatesFromPEM(sig.Certificate)
	if err != nil {
		return nil, fmt.Errorf("reading signing certificate: %w", err)
	}
	if len(certs) != 1 {
		return nil, fmt.Errorf("signing certificate annotation holds %d certificates, want 1", len(certs))
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(sig.Base64))
	if err != nil {
		return nil, fmt.Errorf("decoding signature: %w", err)
	}
	sum := sha256.Sum256(sig.Payload)
	e := &cosignEntity{cert: certs[0], sig: bundle.NewMessageSignature(sum[:], "SHA2_256", raw)}
	if len(sig.RekorBundle) > 0 {
		entry, err := parseRekorBundle(sig.RekorBundle)
		if err != nil {
			return nil, err
		}
		e.entries = append(e.entries, entry)
	}
	if len(sig.Timestamp) > 0 {
		var ts struct{ SignedRFC3161Timestamp []byte }
		if err := json.Unmarshal(sig.Timestamp, &ts); err != nil {
			return nil, fmt.Errorf("reading RFC 3161 timestamp: %w", err)
		}
		if len(ts.SignedRFC3161Timestamp) == 0 {
			return nil, errors.New("RFC 3161 timestamp annotation is empty")
		}
		e.timestamps = append(e.timestamps, ts.SignedRFC3161Timestamp)
	}
	return e, nil
}

// parseRekorBundle reads cosign's log entry annotation.
func parseRekorBundle(data []byte) (*tlog.Entry, error) {
	var rb rekorBundle
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&rb); err != nil {
		return nil, fmt.Errorf("reading log entry: %w", err)
	}
	if len(rb.SignedEntryTimestamp) == 0 {
		return nil, errors.New("log entry has no signed entry timestamp")
	}
	body, err := base64.StdEncoding.DecodeString(rb.Payload.Body)
	if err != nil {
		return nil, fmt.Errorf("decoding log entry body: %w", err)
	}
	logID, err := hex.DecodeString(rb.Payload.LogID)
	if err != nil {
		return nil, fmt.Errorf("decoding log ID: %w", err)
	}
	entry, err := tlog.NewEntry(body, rb.Payload.IntegratedTime, rb.Payload.LogIndex, logID, rb.SignedEntryTimestamp, nil) //nolint:staticcheck // the promise-only entries of cosign's annotation are what NewEntry reads.
	if err != nil {
		return nil, fmt.Errorf("reading log entry body: %w", err)
	}
	return entry, nil
}

// verifyCosign checks a keyless cosign signature: its certificate chains to
// the trusted root and names the expected identity, its log entry and
// timestamps are valid, it signs the payload, and the payload names one of
// targets.
func (k *Keyless) verifyCosign(sig Signature, targets []Target) (Verified, error) {
	e, err := ParseCosignKeyless(sig)
	if err != nil {
		return Verified{}, err
	}
	res, err := k.verifier.Verify(e, verify.NewPolicy(verify.WithArtifact(bytes.NewReader(sig.Payload)), verify.WithCertificateIdentity(k.identity)))
	if err != nil {
		return Verified{}, fmt.Errorf("keyless signature: %w", err)
	}
	who, detail := signer(res)
	v, err := checkPayload(sig.Payload, targets, who)
	if v.Detail == "" {
		v.Detail = detail
	} else if detail != "" {
		v.Detail += ", " + detail
	}
	return v, err
}
