package publisher_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/checks/publisher"
	"github.com/customs-oss/customs/internal/hub/hubtest"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scan"
	"github.com/customs-oss/customs/internal/walk"
)

func inspect(t *testing.T, env check.Env) *report.Report {
	t.Helper()
	img := imagetest.Image(t, v1.Config{Cmd: []string{"/bin/sh"}},
		imagetest.Step{CreatedBy: "ADD rootfs /", Layer: imagetest.Layer(t, imagetest.File{Path: "etc/os-release", Content: "ID=alpine\n"})})
	r, err := scan.Inspect(context.Background(), imagetest.Layout(t, img, "docker.io/someuser/nginx-helper:latest"), scan.Options{
		Checks:   publisher.Checks(),
		Walk:     walk.DefaultOptions(),
		Policy:   report.DefaultPolicy(),
		Now:      func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) },
		CacheDir: t.TempDir(),
		Env:      env,
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

type summary struct {
	Findings map[string]string // check -> severity
	Statuses map[string]string // check -> status
	Decision string
}

func summarise(r *report.Report) summary {
	s := summary{Findings: map[string]string{}, Statuses: map[string]string{}, Decision: r.Verdict.Decision}
	for _, f := range r.Findings {
		s.Findings[f.Check] = f.Severity.String()
	}
	for _, st := range r.Checks {
		s.Statuses[st.ID] = string(st.Status)
	}
	return s
}

// TestScan runs the checks through the scanner: the scanner lends them the
// environment, a new repository of an individual asks for review, offline
// makes no request and says so, and an unreachable Docker Hub is a check
// error rather than a failed scan.
func TestScan(t *testing.T) {
	srv := hubtest.New(t)
	ok := map[string]string{"popularity/risk": "ok", "publisher/class": "ok", "publisher/offline": "ok"}
	tests := []struct {
		name     string
		env      check.Env
		want     summary
		requests int
	}{
		{"online", check.Env{HTTP: srv.Client(), HubURL: srv.URL},
			summary{map[string]string{"publisher/class": "high", "popularity/risk": "high"}, ok, report.Review}, 4},
		{"offline", check.Env{Offline: true, HTTP: srv.Client(), HubURL: srv.URL},
			summary{map[string]string{"publisher/offline": "info"}, ok, report.Accept}, 0},
		{"unreachable", check.Env{HTTP: &http.Client{Timeout: time.Second}, HubURL: "http://127.0.0.1:9"},
			summary{map[string]string{}, map[string]string{"popularity/risk": "error", "publisher/class": "error", "publisher/offline": "ok"}, report.Accept}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.Total()
			got := summarise(inspect(t, tt.env))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
			if n := srv.Total() - before; n != tt.requests {
				t.Errorf("%d requests to Docker Hub, want %d", n, tt.requests)
			}
		})
	}
}
