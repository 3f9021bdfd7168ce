// Package githubtest serves recorded-shape GitHub REST API responses from
// fixtures, for tests of code that asks GitHub about accounts.
package githubtest

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

// Server is a fake GitHub API. It answers /users/{login} from
// testdata/users-{login}.json and 404 for anything else.
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
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-RateLimit-Limit", "60")
	w.Header().Set("X-RateLimit-Remaining", "59")
	login, ok := strings.CutPrefix(r.URL.Path, "/users/")
	b, err := fixtures.ReadFile("testdata/users-" + login + ".json")
	if !ok || strings.Contains(login, "/") || err != nil {
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"message":"Not Found","documentation_url":"https://docs.github.com/rest/users/users#get-a-user","status":"404"}`))
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
