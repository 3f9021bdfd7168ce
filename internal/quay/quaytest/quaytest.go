// Package quaytest serves recorded-shape quay.io API responses from
// fixtures, for tests of code that talks to quay.io.
package quaytest

import (
	"embed"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

//go:embed testdata/*.json
var fixtures embed.FS

// Server is a fake quay.io API. It answers /api/v1/repository/{ns}/{name}
// from testdata/repository-{ns}-{name}.json and 404 for anything else, as
// quay.io does for a private or deleted repository.
type Server struct {
	*httptest.Server
	total atomic.Int64
}

// New starts a server that is closed when the test ends.
func New(t testing.TB) *Server {
	t.Helper()
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Total returns how many requests the server answered.
func (s *Server) Total() int { return int(s.total.Load()) }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.total.Add(1)
	w.Header().Set("Content-Type", "application/json")
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v1/repository/"), "/")
	if !strings.HasPrefix(r.URL.Path, "/api/v1/repository/") || len(parts) != 2 {
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"detail":"Not Found","error_message":"Not Found","error_type":"not_found","title":"not_found","type":"https://quay.io/api/v1/error/not_found","status":404}`))
		return
	}
	b, err := fixtures.ReadFile("testdata/repository-" + parts[0] + "-" + parts[1] + ".json")
	if err != nil {
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"detail":"Not Found","error_message":"Not Found","error_type":"not_found","title":"not_found","type":"https://quay.io/api/v1/error/not_found","status":404}`))
		return
	}
	_, _ = w.Write(b)
}

// Body returns the content of fixture file name.
func Body(t testing.TB, name string) []byte {
	t.Helper()
	b, err := fixtures.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
