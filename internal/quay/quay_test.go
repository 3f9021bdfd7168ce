package quay

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/quay/quaytest"
)

func TestRepository(t *testing.T) {
	srv := quaytest.New(t)
	c := New(srv.URL, srv.Client())
	tests := []struct {
		ns, name string
		want     Repository
		wantErr  error
	}{
		{"prometheus", "prometheus", Repository{Namespace: "prometheus", Name: "prometheus",
			Description: "The Prometheus monitoring system and time series database. https://prometheus.io",
			Public:      true, Kind: "image", State: StateNormal, Organization: true}, nil},
		{"jdoe", "tools", Repository{Namespace: "jdoe", Name: "tools", Public: true, Kind: "image", State: StateMirror}, nil},
		{"gone", "away", Repository{}, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.ns+"/"+tt.name, func(t *testing.T) {
			got, err := c.Repository(context.Background(), tt.ns, tt.name)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Repository (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := c.Repository(context.Background(), "prometheus", "prometheus"); err != nil {
		t.Fatal(err)
	}
	if n := srv.Total(); n != 3 {
		t.Errorf("%d requests for 3 repositories, one asked twice; want 3", n)
	}
}

func TestRejectsBadNames(t *testing.T) {
	srv := quaytest.New(t)
	c := New(srv.URL, srv.Client())
	for _, ns := range []string{"", "..", "a/b", "UPPER", "a?b=c", "a#b"} {
		if _, err := c.Repository(context.Background(), ns, "x"); err == nil {
			t.Errorf("Repository(%q) accepted", ns)
		}
	}
	if n := srv.Total(); n != 0 {
		t.Errorf("%d requests for invalid names", n)
	}
}

func FuzzParseRepository(f *testing.F) {
	for _, name := range []string{"repository-prometheus-prometheus.json", "repository-jdoe-tools.json"} {
		f.Add(quaytest.Body(f, name))
	}
	f.Add([]byte(`{"state":7}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseRepository(data)
		if err == nil && len(r.Description) > len(data) {
			t.Errorf("description longer than the response")
		}
	})
}
