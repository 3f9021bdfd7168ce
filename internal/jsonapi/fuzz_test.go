package jsonapi

import (
	"net/http"
	"testing"
	"time"
)

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"", "1", "120", "Wed, 25 Nov 2026 12:00:30 GMT", "-1", "1e9"} {
		f.Add(s, "1800000042")
	}
	now := time.Unix(1_800_000_000, 0)
	f.Fuzz(func(t *testing.T, retryAfter, reset string) {
		if d := ParseRetryAfter(retryAfter, now); d < 0 {
			t.Errorf("ParseRetryAfter(%q) = %s, negative", retryAfter, d)
		}
		h := http.Header{"Retry-After": {retryAfter}, "X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {reset}}
		if r := rateLimit(http.StatusForbidden, h, now); r.retryAfter < 0 || !r.exhausted {
			t.Errorf("rateLimit(%q, %q) = %+v", retryAfter, reset, r)
		}
	})
}
