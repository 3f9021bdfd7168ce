// Package keylesstest signs images keylessly in tests, as cosign does with
// Fulcio and Rekor, but with an in-memory certificate authority,
// transparency log and timestamp authority (sigstore-go's virtual
// sigstore), and gives the trusted root that verifies what it signed.
package keylesstest

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	protorekor "github.com/sigstore/protobuf-specs/gen/pb-go/rekor/v1"
	"github.com/sigstore/sigstore-go/pkg/root"
	"github.com/sigstore/sigstore-go/pkg/testing/ca"
	"github.com/sigstore/sigstore-go/pkg/tlog"
	"github.com/sigstore/sigstore/pkg/signature/payload"
	"google.golang.org/protobuf/proto"
)

// Sigstore is a test certificate authority, transparency log and
// timestamp authority.
type Sigstore struct {
	vs *ca.VirtualSigstore
}

// New starts a Sigstore with fresh keys.
func New(t testing.TB) *Sigstore {
	t.Helper()
	vs, err := ca.NewVirtualSigstore()
	if err != nil {
		t.Fatal(err)
	}
	return &Sigstore{vs: vs}
}

// TrustedRoot is the trusted_root.json of s: its certificate authority,
// log and timestamp authority, and no certificate transparency log (its
// certificates carry no SCT).
func (s *Sigstore) TrustedRoot(t testing.TB) []byte {
	t.Helper()
	// The virtual log names itself by its hex key ID; a trusted root file
	// holds the raw bytes of the ID.
	logs := map[string]*root.TransparencyLog{}
	for id, l := range s.vs.RekorLogs() {
		raw, err := hex.DecodeString(id)
		if err != nil {
			t.Fatal(err)
		}
		fixed := *l
		fixed.ID = raw
		logs[id] = &fixed
	}
	tr, err := root.NewTrustedRoot(root.TrustedRootMediaType01, s.vs.FulcioCertificateAuthorities(), nil,
		s.vs.TimestampingAuthorities(), logs)
	if err != nil {
		t.Fatal(err)
	}
	data, err := tr.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// WriteTrustedRoot writes TrustedRoot to a file in a fresh directory and
// returns its path.
func (s *Sigstore) WriteTrustedRoot(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "trusted_root.json")
	if err := os.WriteFile(path, s.TrustedRoot(t), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// CosignPayload is the simple signing payload cosign signs for image.
func CosignPayload(t testing.TB, image name.Digest) []byte {
	t.Helper()
	body, err := payload.Cosign{Image: image}.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// withPromise returns the proto form of entry with the kind it holds and
// the log's signed promise to include it, as cosign and bundles carry it.
func (s *Sigstore) withPromise(t testing.TB, entry *tlog.Entry, kind, version string) *protorekor.TransparencyLogEntry {
	t.Helper()
	tle := proto.Clone(entry.TransparencyLogEntry()).(*protorekor.TransparencyLogEntry)
	set, err := s.vs.RekorSignPayload(tlog.RekorPayload{
		Body:           base64.StdEncoding.EncodeToString(tle.GetCanonicalizedBody()),
		IntegratedTime: tle.GetIntegratedTime(),
		LogIndex:       tle.GetLogIndex(),
		LogID:          hex.EncodeToString(tle.GetLogId().GetKeyId()),
	})
	if err != nil {
		t.Fatal(err)
	}
	tle.KindVersion = &protorekor.KindVersion{Kind: kind, Version: version}
	tle.InclusionPromise = &protorekor.InclusionPromise{SignedEntryTimestamp: set}
	return tle
}

// rekorBundle is cosign's dev.sigstore.cosign/bundle annotation for tle.
func rekorBundle(t testing.TB, tle *protorekor.TransparencyLogEntry) []byte {
	t.Helper()
	data, err := json.Marshal(map[string]any{
		"SignedEntryTimestamp": tle.GetInclusionPromise().GetSignedEntryTimestamp(),
		"Payload": map[string]any{
			"body":           base64.StdEncoding.EncodeToString(tle.GetCanonicalizedBody()),
			"integratedTime": tle.GetIntegratedTime(),
			"logIndex":       tle.GetLogIndex(),
			"logID":          hex.EncodeToString(tle.GetLogId().GetKeyId()),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return data
}
