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

func FuzzParseSearch(f *testing.F) {
	for _, name := range []string{"search-nginx.json", "search-linuxserver-nginx.json"} {
		f.Add(hubtest.Body(f, name))
	}
	f.Add([]byte(`{"results":[{"slug":"x","badge":"none"},null]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := ParseSearch(data)
		if err != nil {
			return
		}
		for _, r := range rs {
			if r.Badge == "none" {
				t.Errorf("badge %q kept", r.Badge)
			}
		}
	})
}
