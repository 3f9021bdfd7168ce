package jsonapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"7", 7 * time.Second},
		{"0", 0},
		{"-3", 0},
		{"99999999999", 0},
		{"Wed, 25 Nov 2026 12:00:30 GMT", 30 * time.Second},
		{"Wed, 25 Nov 2026 11:00:00 GMT", 0},
		{"soon", 0},
	} {
		if got := ParseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("ParseRetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestRateLimitHeaders covers GitHub's way of saying 429: a 403 whose
// X-RateLimit-Remaining is 0, to be retried at X-RateLimit-Reset.
func TestRateLimitHeaders(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	reset := func(d int64) string { return strconv.FormatInt(now.Unix()+d, 10) }
	for _, tt := range []struct {
		name      string
		status    int
		header    map[string]string
		exhausted bool
		wait      time.Duration
	}{
		{"403 spent", 403, map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset(42)}, true, 42 * time.Second},
		{"403 spent, Retry-After wins", 403, map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset(42), "Retry-After": "5"}, true, 5 * time.Second},
		{"403 spent, reset past", 403, map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset(-5)}, true, 0},
		{"403 spent, reset garbage", 403, map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "soon"}, true, 0},
		{"403 with quota left", 403, map[string]string{"X-RateLimit-Remaining": "59", "X-RateLimit-Reset": reset(42)}, false, 0},
		{"429", 429, map[string]string{"Retry-After": "3"}, false, 3 * time.Second},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			got := rateLimit(tt.status, h, now)
			if got.exhausted != tt.exhausted || got.retryAfter != tt.wait {
				t.Errorf("rateLimit = exhausted %v wait %s, want %v %s", got.exhausted, got.retryAfter, tt.exhausted, tt.wait)
			}
		})
	}
}

func TestGitHubRateLimit(t *testing.T) {
	tests := []struct {
		name     string
		reset    int64
		wantErr  string
		requests int32
	}{
		{"reset soon: waited out", 1, "", 2},
		{"reset in an hour: fails at once", 3600, "rate limited by GitHub for", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if n.Add(1) == 1 {
					w.Header().Set("X-RateLimit-Remaining", "0")
					w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Unix()+tt.reset, 10))
					w.WriteHeader(http.StatusForbidden)
					return
				}
				_, _ = w.Write([]byte(`{"login":"x"}`))
			}))
			defer srv.Close()
			c := New("GitHub", srv.URL, srv.Client())
			c.MaxRetryAfter = 3 * time.Second
			var v struct{ Login string }
			err := c.Get(context.Background(), "/users/x", &v)
			switch {
			case tt.wantErr == "" && (err != nil || v.Login != "x"):
				t.Fatalf("err = %v, login %q; want success", err, v.Login)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
			}
			if got := n.Load(); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
		})
	}
}

func TestMemo(t *testing.T) {
	var m Memo[int]
	calls := 0
	for range 3 {
		v, err := m.Do("k", func() (int, error) { calls++; return 7, nil })
		if v != 7 || err != nil {
			t.Fatalf("Do = %d, %v", v, err)
		}
	}
	if calls != 1 {
		t.Errorf("fn ran %d times, want 1", calls)
	}
}
