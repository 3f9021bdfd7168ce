package source

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/customs-oss/customs/internal/facts"
)

// Limits on the referrers listing: it is informational, so a slow or large
// answer is cut short rather than waited for.
const (
	referrersTimeout = 30 * time.Second
	maxReferrers     = 256
)

// readReferrers lists the artifacts referring to the image and to its index
// through the OCI referrers API, or the sha256-<hex> tag where the registry
// has no such API. Failures are recorded in out.ProvenanceErrors.
func readReferrers(ctx context.Context, repo name.Repository, opt Options, out *Image) {
	ctx, cancel := context.WithTimeout(ctx, referrersTimeout)
	defer cancel()
	for _, subject := range []string{out.Digest, out.IndexDigest} {
		if subject == "" {
			continue
		}
		if err := referrersOf(ctx, repo.Digest(subject), opt, out); err != nil {
			out.ProvenanceErrors = append(out.ProvenanceErrors, fmt.Sprintf("referrers of %s: %v", subject, err))
		}
	}
}

func referrersOf(ctx context.Context, d name.Digest, opt Options, out *Image) error {
	idx, err := remote.Referrers(d, opt.remoteOptions(ctx)...)
	if err != nil {
		return err
	}
	im, err := idx.IndexManifest()
	if err != nil {
		return fmt.Errorf("parsing the referrers index: %w", err)
	}
	for _, m := range im.Manifests {
		if len(out.Referrers) >= maxReferrers {
			return fmt.Errorf("more than %d referrers, the rest were not listed", maxReferrers)
		}
		out.Referrers = append(out.Referrers, facts.Referrer{
			Subject:      d.DigestStr(),
			Digest:       m.Digest.String(),
			ArtifactType: m.ArtifactType,
			MediaType:    string(m.MediaType),
			Annotations:  maps.Clone(m.Annotations),
		})
	}
	return nil
}
