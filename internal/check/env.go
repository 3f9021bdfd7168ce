package check

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/vulns"
)

// Env is what a scan lends the checks that reach beyond the image: the
// network, the Docker Hub address and the clock. A check that needs it
// implements EnvSetter.
type Env struct {
	// Offline forbids every network call; checks that need the network
	// say what they did not check instead.
	Offline bool
	// HTTP is the client for network calls. Nil means no network access
	// was configured, which checks treat like Offline.
	HTTP *http.Client
	// HubURL is the base URL of the Docker Hub API; empty means
	// https://hub.docker.com.
	HubURL string
	// QuayURL and GitHubURL are the base URLs of the quay.io and GitHub
	// APIs; empty means https://quay.io and https://api.github.com.
	QuayURL   string
	GitHubURL string
	// Now is the scan's clock, so that ages in findings are reproducible.
	Now time.Time
	// Shared holds values the checks of one scan share, such as a client
	// and what it has fetched, so that two checks asking the same question
	// make one request. Nil means nothing is shared.
	Shared *Shared
	// Signatures finds the signatures published for a registry image with
	// the image's own credentials. Nil means signatures are not looked for.
	Signatures SignatureFetcher
	// Verifiers are the trust material signatures are verified against
	// (a public key, a keyless identity, a notation trust policy); none
	// means signatures are found but not verified.
	Verifiers []signature.Verifier
	// VulnDB is the store of known vulnerabilities; nil means none is
	// configured and vulns/known says it did not check. Vulns says which
	// known vulnerabilities not to report.
	VulnDB vulns.Lookup
	Vulns  vulns.Settings
	// Popularity holds the policy's popularity thresholds; zero fields keep
	// the checks' defaults.
	Popularity report.Popularity
}

// SignatureFetcher finds the signatures of a registry image.
type SignatureFetcher interface {
	Fetch(ctx context.Context, img *facts.Image) ([]signature.Signature, error)
}

// EnvSetter is implemented by checks that need the Env. The scanner calls
// SetEnv once, after constructing the check and before the layer pass.
type EnvSetter interface {
	SetEnv(env Env)
}

// Shared is a per-scan store of values built once and used by several
// checks. It is safe for concurrent use.
type Shared struct {
	mu     sync.Mutex
	values map[string]any
}

// Load returns the value stored under key, building it with build the first
// time. build runs under the lock, so it must be quick and must not call
// Load.
func (s *Shared) Load(key string, build func() any) any {
	if s == nil {
		return build()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.values[key]; ok {
		return v
	}
	if s.values == nil {
		s.values = map[string]any{}
	}
	v := build()
	s.values[key] = v
	return v
}
