package pin

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestLockRoundTripIsDeterministic(t *testing.T) {
	p := filepath.Join(t.TempDir(), "customs.lock")
	missing, err := ReadLock(p)
	if err != nil || len(missing.Images) != 0 {
		t.Fatalf("ReadLock of a missing file = %+v, %v; want an empty lock", missing, err)
	}
	l := &Lock{Version: LockVersion, Images: map[string]string{
		"docker.io/library/nginx:1.27":  fakeDigest("b"),
		"docker.io/library/alpine:3.20": fakeDigest("a"),
		"ghcr.io/org/app:v1":            fakeDigest("c"),
	}}
	if err := l.Write(p); err != nil {
		t.Fatal(err)
	}
	back, err := ReadLock(p)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := l.Marshal()
	second, _ := back.Marshal()
	if string(first) != string(second) {
		t.Errorf("lock changed on a round trip:\n%s\n%s", first, second)
	}
	if a, n := strings.Index(string(first), "alpine"), strings.Index(string(first), "nginx"); a < 0 || a > n {
		t.Errorf("keys are not sorted:\n%s", first)
	}
}

func TestParseLockRejects(t *testing.T) {
	tests := map[string]string{
		"not JSON":      "{",
		"wrong version": `{"version": 2, "images": {}}`,
		"unknown field": `{"version": 1, "images": {}, "time": "now"}`,
		"bad digest":    `{"version": 1, "images": {"a:1": "sha256:xyz"}}`,
		"short digest":  `{"version": 1, "images": {"a:1": "sha256:00"}}`,
		"md5 digest":    `{"version": 1, "images": {"a:1": "md5:d41d8cd98f00b204e9800998ecf8427e"}}`,
		"too large":     `{"version": 1, "images": {}}` + strings.Repeat(" ", MaxFileSize),
	}
	for name, in := range tests {
		if _, err := ParseLock([]byte(in)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if l, err := ParseLock([]byte(`{"version": 1}`)); err != nil || l.Images == nil {
		t.Errorf("ParseLock without images = %+v, %v", l, err)
	}
}
