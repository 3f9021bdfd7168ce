package hub

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/hub/hubtest"
)

func TestRepository(t *testing.T) {
	srv := hubtest.New(t)
	c := New(srv.URL)
	tests := []struct {
		ns, name string
		want     Repository
	}{
		{"library", "nginx", Repository{
			Namespace: "library", Name: "nginx", Description: "Official build of Nginx.", Type: "image",
			Status: 1, StatusDescription: "active", Stars: 20812, Pulls: 11835926745,
			LastUpdated:  time.Date(2026, 11, 18, 3, 12, 45, 774031000, time.UTC),
			Registered:   time.Date(2014, 6, 5, 19, 14, 45, 0, time.UTC),
			ContentTypes: []string{"image"}, Categories: []string{"Web Servers"},
		}},
		{"oldorg", "legacy", Repository{
			Namespace: "oldorg", Name: "legacy", Description: "Old build image", Type: "image",
			StatusDescription: "inactive", Automated: true, Stars: 3, Pulls: 540,
			LastUpdated:  time.Date(2021, 3, 2, 8, 0, 0, 0, time.UTC),
			Registered:   time.Date(2017, 1, 10, 10, 0, 0, 0, time.UTC),
			ContentTypes: []string{"image"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.ns+"/"+tt.name, func(t *testing.T) {
			got, err := c.Repository(context.Background(), tt.ns, tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Repository (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNamespace(t *testing.T) {
	srv := hubtest.New(t)
	c := New(srv.URL)
	tests := []struct {
		ns       string
		want     Namespace
		requests map[string]int
	}{
		{"bitnami", Namespace{Name: "bitnami", FullName: "Bitnami by Broadcom", Company: "Broadcom", Type: TypeOrganization,
			Badge: BadgeVerifiedPublisher, Joined: time.Date(2015, 6, 22, 7, 33, 52, 843414000, time.UTC)},
			map[string]int{"/v2/orgs/bitnami/": 1, "/v2/users/bitnami/": 0}},
		{"someuser", Namespace{Name: "someuser", Type: TypeUser, Joined: time.Date(2026, 11, 19, 21, 58, 40, 120012000, time.UTC)},
			map[string]int{"/v2/orgs/someuser/": 1, "/v2/users/someuser/": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.ns, func(t *testing.T) {
			got, err := c.Namespace(context.Background(), tt.ns)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Namespace (-want +got):\n%s", diff)
			}
			for path, n := range tt.requests {
				if got := srv.Requests(path); got != n {
					t.Errorf("%s asked %d times, want %d", path, got, n)
				}
			}
		})
	}
}

func TestCache(t *testing.T) {
	srv := hubtest.New(t)
	c := New(srv.URL)
	for range 3 {
		if _, err := c.Repository(context.Background(), "library", "nginx"); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Repository(context.Background(), "gone", "away"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("missing repository: err = %v, want ErrNotFound", err)
		}
	}
	if n := srv.Total(); n != 2 {
		t.Errorf("%d requests for 2 repositories asked 3 times each, want 2", n)
	}
}

// scripted answers each request with the next of a list of responses.
func scripted(t *testing.T, steps ...func(http.ResponseWriter)) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i >= len(steps) {
			i = len(steps) - 1
		}
		steps[i](w)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func status(code int, header ...string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(code)
		_, _ = w.Write([]byte(`{"message":"try later"}`))
	}
}

func body(b []byte) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b)
	}
}

func TestRetries(t *testing.T) {
	ok := body(hubtest.Body(t, "repository-library-nginx.json"))
	slow := func(w http.ResponseWriter) { time.Sleep(300 * time.Millisecond); ok(w) }
	huge := func(w http.ResponseWriter) {
		_, _ = w.Write([]byte(`{"description":"` + strings.Repeat("a", MaxBody) + `"}`))
	}
	tests := []struct {
		name     string
		steps    []func(http.ResponseWriter)
		wantErr  string // empty: success
		requests int32
	}{
		{"429 then 200", []func(http.ResponseWriter){status(429, "Retry-After", "1"), ok}, "", 2},
		{"429 without Retry-After then 200", []func(http.ResponseWriter){status(429), ok}, "", 2},
		{"429 waits too long", []func(http.ResponseWriter){status(429, "Retry-After", "3600"), ok}, "longer than", 1},
		{"500 then 200", []func(http.ResponseWriter){status(500), ok}, "", 2},
		{"503 twice then 200", []func(http.ResponseWriter){status(503), status(502), ok}, "", 3},
		{"500 always", []func(http.ResponseWriter){status(500)}, "500 Internal Server Error", 4},
		{"404", []func(http.ResponseWriter){status(404)}, "deleted or private", 1},
		{"403 not retried", []func(http.ResponseWriter){status(403), ok}, "403 Forbidden", 1},
		{"slow then fast", []func(http.ResponseWriter){slow, ok}, "", 2},
		{"always slow", []func(http.ResponseWriter){slow}, "Timeout", 4},
		{"huge body", []func(http.ResponseWriter){huge}, "larger than", 1},
		{"not JSON", []func(http.ResponseWriter){body([]byte("<html>maintenance</html>"))}, "decoding", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := scripted(t, tt.steps...)
			c := New(srv.URL,
				WithHTTPClient(&http.Client{Timeout: 100 * time.Millisecond}),
				WithRetries(3, time.Millisecond),
				WithMaxRetryAfter(2*time.Second))
			start := time.Now()
			_, err := c.Repository(context.Background(), "library", "nginx")
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("err = %v, want success", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
			}
			if got := n.Load(); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
			if tt.name == "429 then 200" && time.Since(start) < 900*time.Millisecond {
				t.Errorf("retried after %s, before the 1s Retry-After", time.Since(start))
			}
		})
	}
}

func TestNotFoundIsTyped(t *testing.T) {
	srv := hubtest.New(t)
	_, err := New(srv.URL).Namespace(context.Background(), "nobody")
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

func TestRejectsBadNames(t *testing.T) {
	srv := hubtest.New(t)
	c := New(srv.URL)
	for _, ns := range []string{"", "..", "a/b", "UPPER", "a?b=c", strings.Repeat("a", 256)} {
		if _, err := c.Repository(context.Background(), ns, "x"); err == nil {
			t.Errorf("Repository(%q) accepted", ns)
		}
		if _, err := c.Namespace(context.Background(), ns); err == nil {
			t.Errorf("Namespace(%q) accepted", ns)
		}
	}
	if n := srv.Total(); n != 0 {
		t.Errorf("%d requests for invalid names", n)
	}
}

func TestCancelledContext(t *testing.T) {
	srv, n := scripted(t, status(500))
	c := New(srv.URL, WithRetries(3, time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Repository(ctx, "library", "nginx"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the deadline", err)
	}
	if n.Load() != 1 {
		t.Errorf("%d requests, want 1", n.Load())
	}
}
