package publisher

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/github"
	"github.com/customs-oss/customs/internal/github/githubtest"
	"github.com/customs-oss/customs/internal/quay"
	"github.com/customs-oss/customs/internal/quay/quaytest"
	"github.com/customs-oss/customs/internal/report"
)

// otherEnv is an Env whose quay.io and GitHub clients ask the fixture
// servers.
func otherEnv(t *testing.T, q *quaytest.Server, g *githubtest.Server) check.Env {
	t.Helper()
	env := check.Env{HTTP: http.DefaultClient, HubURL: "http://127.0.0.1:9", Now: now, Shared: &check.Shared{}}
	env.Shared.Load(quayKey, func() any { return quay.New(q.URL, q.Client()) })
	env.Shared.Load(githubKey, func() any { return github.New(g.URL, g.Client()) })
	return env
}

func labelled(ref string, labels map[string]string) *facts.Image {
	return &facts.Image{Now: now, Ref: named(ref), Config: &v1.ConfigFile{Config: v1.Config{Labels: labels}}}
}

func TestOtherRegistries(t *testing.T) {
	const source = "org.opencontainers.image.source"
	tests := []struct {
		name string
		img  *facts.Image
		want []result
	}{
		{"quay.io organisation", image(named("quay.io/prometheus/prometheus:v3.0.0")), []result{
			{"publisher/class", report.SeverityLow, `quay.io/prometheus/prometheus is published by a quay.io organisation (prometheus; quay.io verifies neither); description "The Prometheus monitoring system and time series database. https://prometheus.io"`},
		}},
		{"quay.io user's mirror", labelled("quay.io/jdoe/tools:1", map[string]string{"org.opencontainers.image.vendor": "JD"}), []result{
			{"publisher/class", report.SeverityHigh, `quay.io/jdoe/tools is published by an individual quay.io account (jdoe; quay.io verifies neither); the repository mirrors another registry, so its content is whatever that one publishes; the image says (unverified): vendor "JD"; review who publishes it`},
		}},
		{"quay.io deleted or private", image(named("quay.io/gone/away:1")), []result{
			{"publisher/class", report.SeverityMedium, "quay.io/gone/away is not shown by quay.io: the repository was deleted or is private, so nobody can see who publishes it"},
		}},
		{"ghcr.io organisation, source of its own", labelled("ghcr.io/prometheus/prometheus:v3", map[string]string{source: "https://github.com/prometheus/prometheus"}), []result{
			{"publisher/class", report.SeverityLow, `ghcr.io/prometheus/prometheus is published by a GitHub organisation (prometheus, "Prometheus", created 2013-01-24, 5052 days ago, 62 public repositories, 3012 followers); the image says (unverified): source "https://github.com/prometheus/prometheus"`},
		}},
		{"ghcr.io organisation, source of another account", labelled("ghcr.io/prometheus/node-exporter:1", map[string]string{source: "git@github.com:Attacker/node-exporter.git"}), []result{
			{"publisher/class", report.SeverityMedium, `ghcr.io/prometheus/node-exporter is published by a GitHub organisation (prometheus, "Prometheus", created 2013-01-24, 5052 days ago, 62 public repositories, 3012 followers); the image says its source is a repository of another GitHub account, "Attacker"; the image says (unverified): source "git@github.com:Attacker/node-exporter.git"; review who publishes it`},
		}},
		{"ghcr.io new individual", image(named("ghcr.io/jdoe-dev/app:latest")), []result{
			{"publisher/class", report.SeverityHigh, "ghcr.io/jdoe-dev/app is published by an individual GitHub account (jdoe-dev, created 2026-11-20, 4 days ago, 1 public repositories, 0 followers); the account is under 30 days old; review who publishes it"},
		}},
		{"ghcr.io unknown account", image(named("ghcr.io/nobody/app:1")), []result{
			{"publisher/class", report.SeverityMedium, "ghcr.io/nobody/app: GitHub has no account nobody, which should own it; the account was renamed or deleted"},
		}},
		{"registry.k8s.io", image(named("registry.k8s.io/pause:3.10")), []result{
			{"publisher/class", report.SeverityInfo, "publisher not checked: registry.k8s.io is the Kubernetes project's registry, where only the project's release process publishes; it has no public publisher API; the image carries no OCI annotation naming its vendor, authors or source"},
		}},
		{"gcr.io project", image(named("gcr.io/some-project/app:1")), []result{
			{"publisher/class", report.SeverityInfo, `publisher not checked: gcr.io is Google Container Registry, where "some-project" is a Google Cloud project that anyone may create; Google does not say who owns it; it has no public publisher API; the image carries no OCI annotation naming its vendor, authors or source`},
		}},
		{"ECR Public alias", labelled("public.ecr.aws/x1y2z3/app:1", map[string]string{"org.opencontainers.image.vendor": "Amazon"}), []result{
			{"publisher/class", report.SeverityInfo, `publisher not checked: public.ecr.aws is Amazon ECR Public, where "x1y2z3" is an alias that any AWS account may register; Amazon does not verify who owns it unless the ECR Public Gallery marks it as a verified account; it has no public publisher API; the image says (unverified): vendor "Amazon"`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, g := quaytest.New(t), githubtest.New(t)
			got, err := run(t, otherEnv(t, q, g), tt.img)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if q.Total() > 1 || g.Total() > 1 {
				t.Errorf("%d quay.io and %d GitHub requests for one name, want at most 1", q.Total(), g.Total())
			}
		})
	}
}

func TestOtherRegistryFailureIsAnError(t *testing.T) {
	hc := &http.Client{Timeout: time.Second}
	for _, tt := range []struct{ ref, want string }{
		{"quay.io/prometheus/prometheus:1", "asking quay.io about quay.io/prometheus/prometheus:1"},
		{"ghcr.io/prometheus/prometheus:1", "asking GitHub about ghcr.io/prometheus/prometheus:1"},
	} {
		env := check.Env{HTTP: hc, Now: now, Shared: &check.Shared{}}
		env.Shared.Load(quayKey, func() any { return quay.New("http://127.0.0.1:9", hc) })
		env.Shared.Load(githubKey, func() any { return github.New("http://127.0.0.1:9", hc) })
		c := class()()
		c.(check.EnvSetter).SetEnv(env)
		_, err := c.(check.ImageChecker).CheckImage(context.Background(), image(named(tt.ref)))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("err = %v, want one containing %q", err, tt.want)
		}
	}
}

func TestSourceOwner(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://github.com/acme/app", "acme"},
		{"github.com/acme/app", "acme"},
		{"git+https://github.com/Acme/app.git", "Acme"},
		{"git@github.com:acme/app.git", "acme"},
		{"https://www.github.com/acme", "acme"},
		{"https://gitlab.com/acme/app", ""},
		{"https://github.com.evil.example/acme/app", ""},
		{"", ""},
		{"::", ""},
		{strings.Repeat("a", maxRef+1), ""},
	} {
		if got := sourceOwner(tt.in); got != tt.want {
			t.Errorf("sourceOwner(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSourceOwner(f *testing.F) {
	for _, s := range []string{"https://github.com/acme/app", "git@github.com:a/b", "github.com", "http://[::1]/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if o := sourceOwner(s); strings.Contains(o, "/") {
			t.Errorf("sourceOwner(%q) = %q, contains a slash", s, o)
		}
	})
}
