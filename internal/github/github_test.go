package github

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/github/githubtest"
)

func TestAccount(t *testing.T) {
	srv := githubtest.New(t)
	c := New(srv.URL, srv.Client())
	tests := []struct {
		login   string
		want    Account
		wantErr error
	}{
		{"prometheus", Account{Login: "prometheus", Type: TypeOrganization, Name: "Prometheus", Blog: "https://prometheus.io",
			Created: time.Date(2013, 1, 24, 20, 37, 39, 0, time.UTC), PublicRepos: 62, Followers: 3012}, nil},
		{"JDoe-Dev", Account{Login: "jdoe-dev", Type: TypeUser, Created: time.Date(2026, 11, 20, 14, 2, 51, 0, time.UTC), PublicRepos: 1}, nil},
		{"nobody", Account{}, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.login, func(t *testing.T) {
			got, err := c.Account(context.Background(), tt.login)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Account (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := c.Account(context.Background(), "Prometheus"); err != nil {
		t.Fatal(err)
	}
	if n := srv.Total(); n != 3 {
		t.Errorf("%d requests for 3 accounts, one asked twice; want 3", n)
	}
}

func TestValidLogin(t *testing.T) {
	for _, tt := range []struct {
		in string
		ok bool
	}{
		{"octocat", true}, {"Octo-Cat", true}, {"a", true}, {strings.Repeat("a", 39), true},
		{"", false}, {"-a", false}, {"a-", false}, {"a--b", false}, {"a/b", false}, {"a_b", false},
		{"..", false}, {"a?x=1", false}, {strings.Repeat("a", 40), false},
	} {
		if got := validLogin(tt.in); got != tt.ok {
			t.Errorf("validLogin(%q) = %v, want %v", tt.in, got, tt.ok)
		}
	}
}

func FuzzParseAccount(f *testing.F) {
	for _, name := range []string{"users-prometheus.json", "users-jdoe-dev.json"} {
		f.Add(githubtest.Body(f, name))
	}
	f.Add([]byte(`{"created_at":"2026-13-45T99:00:00Z","name":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseAccount(data)
		if err == nil && !a.Created.IsZero() && a.Created.Location() != time.UTC {
			t.Errorf("created %s is not in UTC", a.Created)
		}
	})
}
