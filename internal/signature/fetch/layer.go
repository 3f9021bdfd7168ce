package fetch

import (
	"bytes"
	"fmt"
	"io"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/signature"
)

// readLayer reads one simple signing payload, bounded and checked against
// its descriptor's digest, and the signature annotated on the descriptor.
func readLayer(img v1.Image, desc v1.Descriptor, origin string) (signature.Signature, error) {
	if desc.Size > signature.MaxPayloadSize {
		return signature.Signature{}, fmt.Errorf("signature payload at %s is %d bytes, over the %d limit", origin, desc.Size, signature.MaxPayloadSize)
	}
	l, err := img.LayerByDigest(desc.Digest)
	if err != nil {
		return signature.Signature{}, fmt.Errorf("signature payload %s at %s: %w", desc.Digest, origin, err)
	}
	rc, err := l.Compressed()
	if err != nil {
		return signature.Signature{}, fmt.Errorf("reading signature payload %s at %s: %w", desc.Digest, origin, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, signature.MaxPayloadSize+1))
	if err != nil {
		return signature.Signature{}, fmt.Errorf("reading signature payload %s at %s: %w", desc.Digest, origin, err)
	}
	if len(data) > signature.MaxPayloadSize {
		return signature.Signature{}, fmt.Errorf("signature payload at %s is over the %d byte limit", origin, signature.MaxPayloadSize)
	}
	got, _, err := v1.SHA256(bytes.NewReader(data))
	if err != nil || got != desc.Digest {
		return signature.Signature{}, fmt.Errorf("signature payload at %s does not match its digest %s", origin, desc.Digest)
	}
	return signature.Signature{
		Payload: data,
		Base64:  desc.Annotations[signature.SignatureAnnotation],
		Origin:  origin,
	}, nil
}
