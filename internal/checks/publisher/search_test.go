package publisher

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/hub/hubtest"
	"github.com/customs-oss/customs/internal/report"
)

// TestSearchBadge covers an account Docker Hub describes without a badge
// whose repository search shows as Docker-Sponsored Open Source, and a
// search that does not answer, which the finding says.
func TestSearchBadge(t *testing.T) {
	const linuxserver = `docker.io/linuxserver/nginx is published by %s (linuxserver, "LinuxServer.io", company "LinuxServer.io", joined 2015-07-08, 4157 days ago); ` +
		`repository created 2016-09-01, 3737 days ago, last pushed 2026-11-22, 3 days ago, 61822350 pulls, 227 stars; description "An Nginx container, brought to you by LinuxServer.io."`
	tests := []struct {
		name         string
		searchBroken bool
		want         []result
	}{
		{"badge from search", false, []result{
			{"publisher/class", report.SeverityInfo, fmt.Sprintf(linuxserver, "a Docker-Sponsored Open Source project") + "; badge shown by Docker Hub's search"},
		}},
		{"search refused", true, []result{
			{"publisher/class", report.SeverityLow, fmt.Sprintf(linuxserver, "an organisation without a Docker badge") +
				"; Docker Hub's search did not answer, so a badge shown only there was not looked for"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hubSrv := hubtest.New(t)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.searchBroken && r.URL.Path == hubtest.SearchPath {
					http.Error(w, `{"message":"forbidden"}`, http.StatusForbidden)
					return
				}
				hubSrv.Config.Handler.ServeHTTP(w, r)
			}))
			t.Cleanup(srv.Close)
			env := check.Env{HTTP: srv.Client(), HubURL: srv.URL, Now: now, Shared: &check.Shared{}}
			got, err := run(t, env, image(named("linuxserver/nginx:latest")))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
