package notation

import (
	"testing"

	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/signature/notation/notationtest"
)

// FuzzSignedTarget feeds arbitrary envelopes to the reading of the
// artifact they claim to sign: it must never panic, and what it accepts
// names a well-formed digest.
func FuzzSignedTarget(f *testing.F) {
	pki := notationtest.NewPKI(f, "fuzz")
	f.Add(pki.Sign(f, descriptor(image), signature.NotationJWSMediaType), false)
	f.Add(pki.Sign(f, descriptor(image), signature.NotationCOSEMediaType), true)
	f.Add([]byte(`{"payload":"e30","protected":"e30","signature":"c2ln"}`), false)
	f.Add([]byte{0xd2, 0x84, 0x40, 0xa0, 0xf6, 0x40}, true)
	f.Fuzz(func(t *testing.T, envelope []byte, cose bool) {
		mt := signature.NotationJWSMediaType
		if cose {
			mt = signature.NotationCOSEMediaType
		}
		d, err := signedTarget(mt, envelope)
		if err != nil {
			return
		}
		if d.Digest.Validate() != nil {
			t.Fatalf("accepted malformed digest %q", d.Digest)
		}
	})
}

// FuzzParsePolicy feeds arbitrary documents to the trust policy parser: it
// must never panic, and what it accepts is a valid policy.
func FuzzParsePolicy(f *testing.F) {
	f.Add(notationtest.Policy(f, strict(repo)))
	f.Add(notationtest.Policy(f, notationtest.Statement{Name: "all", Level: "skip", Scopes: []string{"*"}}))
	f.Add([]byte(`{"version":"1.0","trustPolicies":[]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ParsePolicy(data)
		if err != nil {
			return
		}
		if err := doc.Validate(); err != nil {
			t.Fatalf("accepted an invalid policy: %v", err)
		}
		if len(doc.TrustPolicies) == 0 {
			t.Fatal("accepted a policy without statements")
		}
	})
}
