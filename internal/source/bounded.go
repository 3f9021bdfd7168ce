package source

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// Limits on metadata documents. Real manifests are a few KiB and configs
// rarely above a MiB; anything far larger is hostile.
const (
	maxManifestSize = 4 << 20
	maxConfigSize   = 32 << 20
)

// readLimited reads all of r, failing when it holds more than max bytes.
func readLimited(r io.Reader, max int64, what string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", what, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s is larger than %d bytes", what, max)
	}
	return b, nil
}

// verifyDigest checks that b hashes to want.
func verifyDigest(b []byte, want v1.Hash, what string) error {
	if want.Algorithm != "sha256" {
		return fmt.Errorf("%s: unsupported digest algorithm %q", what, want.Algorithm)
	}
	if got := fmt.Sprintf("%x", sha256.Sum256(b)); got != want.Hex {
		return fmt.Errorf("%s digest mismatch: want %s, got sha256:%s", what, want, got)
	}
	return nil
}

// parseConfig decodes an image config, bounded in size by the caller.
func parseConfig(b []byte) (*v1.ConfigFile, error) {
	var cfg v1.ConfigFile
	if err := json.Unmarshal(b, &cfg); err != nil {
		return nil, fmt.Errorf("parsing image config: %w", err)
	}
	return &cfg, nil
}

func sha256Sum(b []byte) [32]byte { return sha256.Sum256(b) }
