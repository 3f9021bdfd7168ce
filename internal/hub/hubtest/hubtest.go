// Package hubtest serves recorded-shape Docker Hub API responses from
// fixtures, for tests of code that talks to Docker Hub.
package hubtest

import (
	"embed"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

//go:embed testdata/*.json
var fixtures embed.FS

// SearchPath is the path of Docker Hub's search API.
const SearchPath = "/api/search/v3/catalog/search"

// Server is a fake Docker Hub API. It answers
// /v2/repositories/{ns}/{name}/, /v2/orgs/{ns}/ and /v2/users/{ns}/ from
// testdata/repository-{ns}-{name}.json, org-{ns}.json and user-{ns}.json,
// and 404 for anything else. Search (/api/search/v3/catalog/search?query=q)
// answers from search-{q}.json, "/" in q written "-", and with no result
// when there is no such file.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	requests map[string]int
}

// New starts a server that is closed when the test ends.
func New(t testing.TB) *Server {
	t.Helper()
	s := &Server{requests: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Requests returns how many times path was asked for.
func (s *Server) Requests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

// Total returns how many requests the server answered.
func (s *Server) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.requests {
		n += v
	}
	return n
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests[r.URL.Path]++
	s.mu.Unlock()
	if r.URL.Path == SearchPath {
		b, err := fixtures.ReadFile("testdata/search-" + strings.ReplaceAll(r.URL.Query().Get("query"), "/", "-") + ".json")
		if err != nil {
			b = []byte(`{"total":0,"results":[]}`)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b)
		return
	}
	name, ok := Fixture(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := fixtures.ReadFile("testdata/" + name)
	if err != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"message":"object not found","errinfo":{}}`))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}

// Fixture maps an API path to the name of its fixture file.
func Fixture(path string) (string, bool) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	switch {
	case len(parts) == 4 && parts[0] == "v2" && parts[1] == "repositories":
		return "repository-" + parts[2] + "-" + parts[3] + ".json", true
	case len(parts) == 3 && parts[0] == "v2" && parts[1] == "orgs":
		return "org-" + parts[2] + ".json", true
	case len(parts) == 3 && parts[0] == "v2" && parts[1] == "users":
		return "user-" + parts[2] + ".json", true
	}
	return "", false
}

// Body returns the content of fixture file name, for tests that serve it
// themselves.
func Body(t testing.TB, name string) []byte {
	t.Helper()
	b, err := fixtures.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
