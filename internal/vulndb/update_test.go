package vulndb

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// osvServer serves one all.zip per ecosystem the way OSV's bucket does,
// with an ETag and conditional requests, and can be told to fail first.
type osvServer struct {
	mu       sync.Mutex
	zips     map[string][]byte // ecosystem -> archive
	etag     string
	failures int // 503 answers still to give
	short    bool
	requests []*http.Request
}

func (s *osvServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
	if s.failures > 0 {
		s.failures--
		http.Error(w, "try later", http.StatusServiceUnavailable)
		return
	}
	eco, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/"), "/all.zip")
	z, found := s.zips[eco]
	if !ok || !found {
		http.NotFound(w, r)
		return
	}
	if r.Header.Get("If-None-Match") == s.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", s.etag)
	w.Header().Set("Last-Modified", "Mon, 03 Aug 2026 10:00:00 GMT")
	if s.short {
		w.Header().Set("Content-Length", "100000")
		w.Write(z)
		return
	}
	w.Write(z)
}

func (s *osvServer) set(eco string, z []byte, etag string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.zips[eco], s.etag = z, etag
}

// failNext makes the next n requests fail with 503 and the archive be
// served short (its Content-Length promising more) when short is set.
func (s *osvServer) failNext(n int, short bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures, s.short = n, short
}

func (s *osvServer) lastRequest() *http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[len(s.requests)-1]
}

func (s *osvServer) requestCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func TestUpdate(t *testing.T) {
	fixtures := fixtureEntries(t, goFixtures)
	good := buildZip(t, fixtures)
	srv := &osvServer{zips: map[string][]byte{}}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	db := newDB(t)
	opts := UpdateOptions{BaseURL: ts.URL, Backoff: time.Millisecond, Client: ts.Client()}
	stdlib := func() int { return len(ids(t, db, "Go", "stdlib")) }

	srv.set("Go", good, `"v1"`)
	res, err := db.Update(t.Context(), []string{"Go"}, opts)
	if err != nil || len(res) != 1 || res[0].Records != 6 || res[0].Source != "osv/Go" {
		t.Fatalf("first update: %+v, %v", res, err)
	}
	st, err := db.Status(t.Context())
	if err != nil || len(st) != 1 || st[0].ETag != `"v1"` || st[0].Origin != ts.URL+"/Go/all.zip" {
		t.Fatalf("status after update: %+v, %v", st, err)
	}

	t.Run("not modified", func(t *testing.T) {
		db.now = func() time.Time { return time.Date(2026, 8, 5, 0, 0, 0, 0, time.UTC) }
		res, err := db.Update(t.Context(), []string{"Go"}, opts)
		if err != nil || !res[0].Unchanged {
			t.Fatalf("update of an unchanged archive: %+v, %v", res, err)
		}
		last := srv.lastRequest()
		if last.Header.Get("If-None-Match") != `"v1"` || last.Header.Get("If-Modified-Since") == "" {
			t.Errorf("conditional headers: %v", last.Header)
		}
		st, _ := db.Status(t.Context())
		if !st[0].Checked.Equal(time.Date(2026, 8, 5, 0, 0, 0, 0, time.UTC)) || st[0].Imported.Equal(st[0].Checked) {
			t.Errorf("status after 304: imported %v checked %v", st[0].Imported, st[0].Checked)
		}
	})

	t.Run("5xx then success", func(t *testing.T) {
		srv.set("Go", buildZip(t, fixtures[:5]), `"v2"`)
		srv.failNext(2, false)
		res, err := db.Update(t.Context(), []string{"Go"}, opts)
		if err != nil || res[0].Records != 5 {
			t.Fatalf("update after two 503s: %+v, %v", res, err)
		}
	})

	t.Run("5xx until giving up", func(t *testing.T) {
		srv.failNext(3, false)
		_, err := db.Update(t.Context(), []string{"Go"}, opts)
		if err == nil || !strings.Contains(err.Error(), "503") {
			t.Fatalf("update against a failing server: %v", err)
		}
	})

	for _, tc := range []struct {
		name    string
		zip     []byte
		short   bool
		limits  Limits
		wantErr string
	}{
		{"truncated zip", good[:len(good)/2], false, Limits{}, "zip"},
		{"truncated transfer", good, true, Limits{}, "unexpected EOF"},
		{"zip bomb entry", bomb(t, "GO-2020-0001.json", 16<<20), false, Limits{}, "over the"},
		{"path traversal", buildZip(t, []entry{{"../GO-2020-0001.json", fixtures[0].data}}), false, Limits{}, "unsafe entry name"},
		{"download limit", good, false, Limits{MaxDownload: 1000}, "over the limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := stdlib()
			srv.set("Go", tc.zip, `"`+tc.name+`"`)
			srv.failNext(0, tc.short)
			defer srv.failNext(0, false)
			o := opts
			o.Limits = tc.limits
			_, err := db.Update(t.Context(), []string{"Go"}, o)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("update: %v, want an error containing %q", err, tc.wantErr)
			}
			if after := stdlib(); after != before || after == 0 {
				t.Errorf("stdlib records %d before, %d after a failed update", before, after)
			}
		})
	}

	t.Run("unknown ecosystem", func(t *testing.T) {
		_, err := db.Update(t.Context(), []string{"Nope"}, opts)
		if err == nil || !strings.Contains(err.Error(), "404") {
			t.Fatalf("update of an unknown ecosystem: %v", err)
		}
	})

	entries, err := os.ReadDir(filepath.Dir(db.Path()))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".download-") {
			t.Errorf("temporary download %s left behind", e.Name())
		}
	}
}

func TestUpdateOffline(t *testing.T) {
	srv := &osvServer{zips: map[string][]byte{}}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	db := newDB(t)
	_, err := db.Update(t.Context(), []string{"Go"}, UpdateOptions{BaseURL: ts.URL, Offline: true})
	if !errors.Is(err, ErrOffline) {
		t.Fatalf("offline update: %v", err)
	}
	if n := srv.requestCount(); n != 0 {
		t.Errorf("offline update made %d requests", n)
	}
}

func TestUpdateUnreachable(t *testing.T) {
	ts := httptest.NewServer(http.NotFoundHandler())
	base := ts.URL
	ts.Close() // nothing listens there any more
	db := newDB(t)
	_, err := db.Update(t.Context(), []string{"Go"}, UpdateOptions{BaseURL: base, Attempts: 2, Backoff: time.Millisecond})
	host := strings.TrimPrefix(base, "http://")
	if err == nil || !strings.Contains(err.Error(), "cannot reach "+host) || !strings.Contains(err.Error(), "customs db import PATH") {
		t.Fatalf("unreachable: %v", err)
	}
}
