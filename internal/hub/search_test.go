package hub

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/hub/hubtest"
)

func TestSearch(t *testing.T) {
	srv := hubtest.New(t)
	got, err := New(srv.URL).Search(context.Background(), "nginx")
	if err != nil {
		t.Fatal(err)
	}
	want := []SearchResult{
		{Name: "nginx", Publisher: "Docker Official Images", Badge: BadgeOfficial, Description: "Official build of Nginx.", Stars: 20812, Pulls: "1B+"},
		{Name: "nginx/nginx-ingress", Publisher: "NGINX, Inc.", Badge: BadgeVerifiedPublisher, Description: "NGINX and  NGINX Plus Ingress Controllers for Kubernetes", Stars: 99, Pulls: "1B+"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Search (-want +got):\n%s", diff)
	}
}

func TestBadge(t *testing.T) {
	srv := hubtest.New(t)
	c := New(srv.URL)
	tests := []struct {
		ns, name string
		want     string
	}{
		{"linuxserver", "nginx", BadgeOpenSource},
		{"library", "nginx", BadgeOfficial},
		{"nginx", "nginx-ingress", ""}, // not in the results for its own name: no fixture
		{"someuser", "nginx-helper", ""},
	}
	for _, tt := range tests {
		t.Run(tt.ns+"/"+tt.name, func(t *testing.T) {
			got, err := c.Badge(context.Background(), tt.ns, tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Badge = %q, want %q", got, tt.want)
			}
		})
	}
	if _, err := c.Badge(context.Background(), "linuxserver", "nginx"); err != nil {
		t.Fatal(err)
	}
	if n := srv.Requests(hubtest.SearchPath); n != 4 {
		t.Errorf("%d searches for 4 repositories, one asked twice; want 4", n)
	}
	if _, err := c.Badge(context.Background(), "a?query=x", "y"); err == nil {
		t.Error("Badge accepted an invalid name")
	}
}

func TestParseSearch(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []SearchResult
		wantErr  bool
	}{
		{"empty", `{"total":0,"results":[]}`, nil, false},
		{"badge none", `{"results":[{"slug":"a/b","type":"image","badge":"none","pull_count":"10K+"}]}`, []SearchResult{{Name: "a/b", Pulls: "10K+"}}, false},
		{"name without slug", `{"results":[{"name":"A/B","badge":"open_source"}]}`, []SearchResult{{Name: "a/b", Badge: BadgeOpenSource}}, false},
		{"plugin left out", `{"results":[{"slug":"p","type":"plugin","badge":"verified_publisher"}]}`, nil, false},
		{"numeric pulls is not the recorded shape", `{"results":[{"slug":"a/b","pull_count":5}]}`, nil, true},
		{"not JSON", `<html>`, nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSearch([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseSearch (-want +got):\n%s", diff)
			}
		})
	}
}
