package signed_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/checks/signed"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/signature"
)

// fakeFetcher answers with fixed signatures or a fixed error, counting calls.
type fakeFetcher struct {
	sigs  []signature.Signature
	err   error
	calls int
}

func (f *fakeFetcher) Fetch(context.Context, *facts.Image) ([]signature.Signature, error) {
	f.calls++
	return f.sigs, f.err
}

// TestChecks runs both checks on one image as the scanner does, sharing one
// fetch: bundles are reported as not verified, a fetch failure is an error
// of the checks rather than an unsigned image.
func TestChecks(t *testing.T) {
	kp := newKeyPair(t)
	bundle := signature.Signature{Format: signature.FormatBundle, Origin: "referrer sha256:1", Envelope: []byte("{}")}
	notation := signature.Signature{Format: signature.FormatNotation, Origin: "referrer sha256:2", Envelope: []byte("{}")}
	garbage := signature.Signature{Format: signature.FormatSimpleSigning, Payload: []byte("{}"), Base64: "!!", Origin: "t"}
	trust := "key " + kp.key.Fingerprint
	tests := []struct {
		name    string
		fetch   *fakeFetcher
		key     *signature.Key
		want    []string // severity: message of each finding
		wantErr bool
	}{
		{"bundle only", &fakeFetcher{sigs: []signature.Signature{bundle}}, kp.key,
			[]string{"critical: no signature verifies: " + trust + " was required, but the image only has signatures it does not cover: 1 sigstore bundle signature(s)"}, false},
		{"nothing to verify with", &fakeFetcher{sigs: []signature.Signature{bundle, notation, bundle}}, nil,
			[]string{"low: signed, not verified: no trust material given (--key, --certificate-identity, --notation-trust-policy); found 1 notation signature(s), 2 sigstore bundle signature(s)"}, false},
		{"garbage signature", &fakeFetcher{sigs: []signature.Signature{garbage}}, kp.key,
			[]string{"critical: cosign signature does not verify with " + trust + ": decoding signature: illegal base64 data at input byte 0"}, false},
		{"unsigned with a key", &fakeFetcher{}, kp.key,
			[]string{"critical: no signature to verify: " + trust + " was required, but the registry has no signature for sha256:" + strings.Repeat("0", 64),
				"high: no signature found: the registry has no cosign signature for sha256:" + strings.Repeat("0", 64) + " and lists no signature referrer"}, false},
		{"fetch fails", &fakeFetcher{err: errors.New("registry said no")}, kp.key, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := check.Env{Signatures: tt.fetch, Shared: &check.Shared{}}
			if tt.key != nil {
				env.Verifiers = []signature.Verifier{tt.key}
			}
			img := &facts.Image{Ref: facts.Reference{Source: "registry", Name: "r.example/app:1"}, Digest: "sha256:" + strings.Repeat("0", 64)}
			var got []string
			errs := 0
			for _, c := range signed.Checks() {
				chk := c()
				chk.(check.EnvSetter).SetEnv(env)
				fs, err := chk.(check.ImageChecker).CheckImage(context.Background(), img)
				if err != nil {
					errs++
				}
				for _, f := range fs {
					got = append(got, f.Severity.String()+": "+f.Message)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if (errs == 2) != tt.wantErr || (!tt.wantErr && errs != 0) {
				t.Errorf("%d checks failed, want errors: %v", errs, tt.wantErr)
			}
			if tt.fetch.calls != 1 {
				t.Errorf("%d fetches, want 1 shared by both checks", tt.fetch.calls)
			}
		})
	}
}
