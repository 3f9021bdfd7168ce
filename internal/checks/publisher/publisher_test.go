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
	"github.com/customs-oss/customs/internal/hub/hubtest"
	"github.com/customs-oss/customs/internal/report"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// result is the part of a finding the tests compare.
type result struct {
	Check    string
	Severity report.Severity
	Message  string
}

func image(ref facts.Reference) *facts.Image {
	return &facts.Image{Ref: ref, Now: now, Config: &v1.ConfigFile{}}
}

func named(n string) facts.Reference {
	return facts.Reference{Source: "registry", Name: n}
}

// run runs every publisher check on img with env and returns the results.
func run(t *testing.T, env check.Env, img *facts.Image) ([]result, error) {
	t.Helper()
	var out []result
	var firstErr error
	for _, ctor := range Checks() {
		c := ctor()
		c.(check.EnvSetter).SetEnv(env)
		fs, err := c.(check.ImageChecker).CheckImage(context.Background(), img)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		for _, f := range fs {
			if f.Check != c.Info().ID {
				t.Errorf("%s made a finding of %s", c.Info().ID, f.Check)
			}
			out = append(out, result{f.Check, f.Severity, f.Message})
		}
	}
	return out, firstErr
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name string
		img  *facts.Image
		want []result
	}{
		{"official image", image(named("docker.io/library/nginx:1.27")), []result{
			{"publisher/class", report.SeverityInfo, `docker.io/library/nginx is a Docker Official Image; repository created 2014-06-05, 4555 days ago, last pushed 2026-11-18, 7 days ago, 11835926745 pulls, 20812 stars; description "Official build of Nginx."`},
		}},
		{"new repository of an individual", image(named("docker.io/someuser/nginx-helper:latest")), []result{
			{"publisher/class", report.SeverityHigh, `docker.io/someuser/nginx-helper is published by an individual account (someuser, joined 2026-11-19, 5 days ago); repository created 2026-11-19, 5 days ago, last pushed 2026-11-20, 5 days ago, 37 pulls, 0 stars; description "nginx with extras AWS_SECRET_ACCESS_KEY=wJal...[REDACTED]"; review who publishes it`},
			{"popularity/risk", report.SeverityHigh, "docker.io/someuser/nginx-helper is new and little used: created 2026-11-19, 5 days ago (under 30 days) with 37 pulls (under 1000); look-alikes of popular images look like this"},
		}},
		{"verified publisher", image(facts.Reference{Source: "docker-archive", RepoTags: []string{"bitnami/redis:7.4"}}), []result{
			{"publisher/class", report.SeverityInfo, `docker.io/bitnami/redis is published by a Docker Verified Publisher (bitnami, "Bitnami by Broadcom", company "Broadcom", joined 2015-06-22, 4174 days ago); repository created 2015-09-17, 4086 days ago, last pushed 2026-11-24, 1 days ago, 2104332117 pulls, 312 stars; description "Bitnami container image for Redis"`},
		}},
		{"abandoned repository of an organisation", image(named("index.docker.io/oldorg/legacy:2")), []result{
			{"publisher/class", report.SeverityLow, `docker.io/oldorg/legacy is published by an organisation without a Docker badge (oldorg, joined 2016-12-01, 3646 days ago); repository created 2017-01-10, 3606 days ago, last pushed 2021-03-02, 2094 days ago, 540 pulls, 3 stars; description "Old build image"`},
			{"popularity/risk", report.SeverityLow, "docker.io/oldorg/legacy is little used: 540 pulls (under 1000), 3 stars"},
			{"popularity/risk", report.SeverityMedium, `docker.io/oldorg/legacy looks abandoned: Docker Hub marks it "inactive", last pushed 2021-03-02, 2094 days ago`},
		}},
		{"deleted or private", image(named("docker.io/gone/away:1")), []result{
			{"publisher/class", report.SeverityMedium, "docker.io/gone/away is not shown by Docker Hub: the repository was deleted or is private, so nobody can see who publishes it"},
		}},
		{"another registry with annotations", &facts.Image{Now: now,
			Ref:      named("registry.example.com/org/app:1"),
			Config:   &v1.ConfigFile{Config: v1.Config{Labels: map[string]string{"org.opencontainers.image.source": "https://github.com/org/app"}}},
			Manifest: &v1.Manifest{Annotations: map[string]string{"org.opencontainers.image.vendor": "Org Inc."}},
		}, []result{
			{"publisher/class", report.SeverityInfo, `publisher not checked: registry.example.com has no public publisher API customs knows; the image says (unverified): vendor "Org Inc.", source "https://github.com/org/app"`},
		}},
		{"another registry without annotations", image(named("localhost:5000/app:1")), []result{
			{"publisher/class", report.SeverityInfo, "publisher not checked: localhost:5000 has no public publisher API customs knows; the image carries no OCI annotation naming its vendor, authors or source"},
		}},
		{"no name", image(facts.Reference{Source: "oci"}), nil},
		{"same repository twice", image(facts.Reference{Source: "docker-daemon", Name: "docker.io/library/nginx:1", RepoTags: []string{"nginx:latest", "NGINX:1"}}), []result{
			{"publisher/class", report.SeverityInfo, `docker.io/library/nginx is a Docker Official Image; repository created 2014-06-05, 4555 days ago, last pushed 2026-11-18, 7 days ago, 11835926745 pulls, 20812 stars; description "Official build of Nginx."`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := hubtest.New(t)
			env := check.Env{HTTP: srv.Client(), HubURL: srv.URL, Now: now, Shared: &check.Shared{}}
			got, err := run(t, env, tt.img)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			for path := range map[string]bool{"/v2/repositories/someuser/nginx-helper/": true, "/v2/repositories/library/nginx/": true} {
				if n := srv.Requests(path); n > 1 {
					t.Errorf("%s asked %d times in one scan", path, n)
				}
			}
		})
	}
}

func TestOffline(t *testing.T) {
	srv := hubtest.New(t)
	img := image(facts.Reference{Source: "oci", RepoTags: []string{"docker.io/someuser/nginx-helper:latest", "ghcr.io/org/app:1", "quay.io/org/app:2", "mcr.microsoft.com/dotnet/runtime:8.0"}})
	want := []result{
		{"publisher/class", report.SeverityInfo, "publisher not checked: mcr.microsoft.com is Microsoft's registry, where only Microsoft publishes; it has no public publisher API; the image carries no OCI annotation naming its vendor, authors or source"},
		{"publisher/offline", report.SeverityInfo, "not checked: offline; Docker Hub was not asked who publishes docker.io/someuser/nginx-helper (publisher/class) or how widely it is used (popularity/risk)"},
		{"publisher/offline", report.SeverityInfo, "not checked: offline; GitHub was not asked who publishes ghcr.io/org/app (publisher/class)"},
		{"publisher/offline", report.SeverityInfo, "not checked: offline; quay.io was not asked who publishes quay.io/org/app (publisher/class)"},
	}
	for name, env := range map[string]check.Env{
		"offline":   {Offline: true, HTTP: srv.Client(), HubURL: srv.URL, Now: now},
		"no client": {HubURL: srv.URL, Now: now},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := run(t, env, img)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
	if n := srv.Total(); n != 0 {
		t.Errorf("%d requests while offline", n)
	}
}

func TestNetworkFailureIsAnError(t *testing.T) {
	env := check.Env{HTTP: &http.Client{Timeout: time.Second}, HubURL: "http://127.0.0.1:9", Now: now}
	for _, ctor := range []check.Constructor{class(), popularity()} {
		c := ctor()
		c.(check.EnvSetter).SetEnv(env)
		_, err := c.(check.ImageChecker).CheckImage(context.Background(), image(named("docker.io/someuser/nginx-helper:latest")))
		if err == nil || !strings.Contains(err.Error(), "asking Docker Hub about docker.io/someuser/nginx-helper") {
			t.Errorf("%s: err = %v, want the failed request", c.Info().ID, err)
		}
	}
}

func TestParseTarget(t *testing.T) {
	for _, tt := range []struct {
		in       string
		ok       bool
		registry string
		ns, repo string
	}{
		{"nginx", true, "docker.io", "library", "nginx"},
		{"Someuser/App:1", true, "docker.io", "someuser", "app"},
		{"registry-1.docker.io/a/b@sha256:" + strings.Repeat("a", 64), true, "docker.io", "a", "b"},
		{"docker.io/a/b/c", false, "", "", ""},
		{"ghcr.io/a/b/c:1", true, "ghcr.io", "", "a/b/c"},
		{"localhost:5000/app", true, "localhost:5000", "", "app"},
		{"", false, "", "", ""},
		{"not a name!", false, "", "", ""},
		{strings.Repeat("a", maxRef+1), false, "", "", ""},
	} {
		got, ok := parseTarget("reference", tt.in)
		if ok != tt.ok || got.registry != tt.registry || got.ns != tt.ns || got.repo != tt.repo {
			t.Errorf("parseTarget(%q) = %q %q %q %v, want %q %q %q %v", tt.in, got.registry, got.ns, got.repo, ok, tt.registry, tt.ns, tt.repo, tt.ok)
		}
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"nginx", "docker.io/a/b:1", "ghcr.io/x/y@sha256:" + strings.Repeat("0", 64), "UPPER/x", "a//b", "localhost:5000/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, ok := parseTarget("reference", s)
		if !ok {
			return
		}
		if tg.hub() && (strings.Contains(tg.ns, "/") || strings.Contains(tg.repo, "/") || tg.registry != "docker.io") {
			t.Errorf("parseTarget(%q) = %+v: not a Docker Hub repository", s, tg)
		}
	})
}
