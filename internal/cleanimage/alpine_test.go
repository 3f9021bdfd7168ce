package cleanimage

import "testing"

// TestAlpine inspects a real alpine:3.10 image (release 3.10.4) as docker save wrote it:
// busybox, whose one binary carries nc, wget and a shell, musl and apk must
// not look malicious.
func TestAlpine(t *testing.T) {
	r := inspect(t, "docker-archive:testdata/alpine-310.tar.gz")
	if r.Image.OS == nil || r.Image.OS.ID != "alpine" || r.Image.OS.VersionID != "3.10.4" {
		t.Fatalf("OS = %+v, want Alpine 3.10.4", r.Image.OS)
	}
	assertClean(t, r)
}
