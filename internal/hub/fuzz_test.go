package hub

import (
	"testing"
	"time"

	"github.com/customs-oss/customs/internal/hub/hubtest"
)

func FuzzParseRepository(f *testing.F) {
	for _, name := range []string{"repository-library-nginx.json", "repository-oldorg-legacy.json", "repository-someuser-nginx-helper.json"} {
		f.Add(hubtest.Body(f, name))
	}
	f.Add([]byte(`{"last_updated":null,"categories":[{"name":1}]}`))
	f.Add([]byte(`{"date_registered":"2026-13-45T99:00:00Z"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseRepository(data)
		if err != nil {
			return
		}
		_ = r.Active()
	})
}

func FuzzParseNamespace(f *testing.F) {
	for _, name := range []string{"org-bitnami.json", "user-someuser.json", "org-oldorg.json"} {
		f.Add(hubtest.Body(f, name))
	}
	f.Add([]byte(`{"orgname":"x","type":""}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ParseNamespace(data)
		if err == nil && !n.Joined.IsZero() && n.Joined.Location() != time.UTC {
			t.Errorf("joined %s is not in UTC", n.Joined)
		}
	})
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"", "1", "120", "Wed, 25 Nov 2026 12:00:30 GMT", "-1", "1e9"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if d := parseRetryAfter(s, now); d < 0 {
			t.Errorf("parseRetryAfter(%q) = %s, negative", s, d)
		}
	})
}
