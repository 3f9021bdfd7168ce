package fetch

import (
	"bytes"
	"fmt"
	"io"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/signature"
)

// maxAnnotation bounds a certificate, chain or log entry annotated on a
// signature layer.
const maxAnnotation = 64 << 10

// readSimpleSigning reads one cosign simple signing payload and the
// signature, certificate, chain and log entry annotated on its descriptor.
func readSimpleSigning(img v1.Image, desc v1.Descriptor, origin string) (signature.Signature, error) {
	data, err := readBlob(img, desc, origin, signature.MaxPayloadSize)
	if err != nil {
		return signature.Signature{}, err
	}
	sig := signature.Signature{
		Format:  signature.FormatSimpleSigning,
		Origin:  origin,
		Payload: data,
		Base64:  desc.Annotations[signature.SignatureAnnotation],
	}
	for _, a := range []struct {
		key string
		dst *[]byte
	}{
		{signature.CertificateAnnotation, &sig.Certificate},
		{signature.ChainAnnotation, &sig.Chain},
		{signature.RekorBundleAnnotation, &sig.RekorBundle},
		{signature.TimestampAnnotation, &sig.Timestamp},
	} {
		v, ok := desc.Annotations[a.key]
		if !ok {
			continue
		}
		if len(v) > maxAnnotation {
			return signature.Signature{}, fmt.Errorf("annotation %s at %s is over %d bytes", a.key, origin, maxAnnotation)
		}
		*a.dst = []byte(v)
	}
	return sig, nil
}

// readEnvelope reads a sigstore bundle or notation envelope layer.
func readEnvelope(img v1.Image, desc v1.Descriptor, origin string) (signature.Signature, error) {
	data, err := readBlob(img, desc, origin, signature.MaxEnvelopeSize)
	if err != nil {
		return signature.Signature{}, err
	}
	format := signature.FormatNotation
	if string(desc.MediaType) == signature.BundleMediaType {
		format = signature.FormatBundle
	}
	return signature.Signature{Format: format, Origin: origin, Envelope: data, MediaType: string(desc.MediaType)}, nil
}

// readBlob reads one layer of a signature manifest, bounded and checked
// against its descriptor's digest.
func readBlob(img v1.Image, desc v1.Descriptor, origin string, limit int64) ([]byte, error) {
	if desc.Size > limit {
		return nil, fmt.Errorf("signature blob at %s is %d bytes, over the %d limit", origin, desc.Size, limit)
	}
	l, err := img.LayerByDigest(desc.Digest)
	if err != nil {
		return nil, fmt.Errorf("signature blob %s at %s: %w", desc.Digest, origin, err)
	}
	rc, err := l.Compressed()
	if err != nil {
		return nil, fmt.Errorf("reading signature blob %s at %s: %w", desc.Digest, origin, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading signature blob %s at %s: %w", desc.Digest, origin, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("signature blob at %s is over the %d byte limit", origin, limit)
	}
	got, _, err := v1.SHA256(bytes.NewReader(data))
	if err != nil || got != desc.Digest {
		return nil, fmt.Errorf("signature blob at %s does not match its digest %s", origin, desc.Digest)
	}
	return data, nil
}
