package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestRootUser(t *testing.T) {
	const passwd = "root:x:0:0:root:/root:/bin/sh\ntoor:x:0:0::/:/bin/sh\napp:x:10001:10001::/app:/sbin/nologin\n"
	withPasswd := func(user string) *facts.Image {
		return testImage(v1.Config{User: user}, []string{"ADD rootfs /", "USER x"}, layer{step: 0, files: map[string]string{"etc/passwd": passwd}})
	}
	noPasswd := func(user string) *facts.Image {
		return testImage(v1.Config{User: user}, []string{"COPY app /app"}, layer{step: 0, entries: []facts.Entry{exe("app")}})
	}
	tests := []struct {
		name string
		img  *facts.Image
		want []brief
	}{
		{"no USER", withPasswd(""), []brief{{report.SeverityHigh, "the image sets no USER, so the container runs as root"}}},
		{"root by name", withPasswd("root"), []brief{{report.SeverityHigh, `USER "root" is root`}}},
		{"root with group", withPasswd("root:app"), []brief{{report.SeverityHigh, `USER "root:app" is root`}}},
		{"uid 0", withPasswd("0"), []brief{{report.SeverityHigh, `USER "0" is UID 0, root`}}},
		{"uid and gid 0", withPasswd("0:0"), []brief{{report.SeverityHigh, `USER "0:0" is UID 0, root`}}},
		{"name mapped to uid 0", withPasswd("toor"), []brief{{report.SeverityHigh, `USER "toor" has UID 0 in /etc/passwd: it is root under another name`}}},
		{"name missing from passwd", withPasswd("ghost"), []brief{{report.SeverityMedium, `USER "ghost" is not in /etc/passwd: the container will fail to start or run as an unexpected UID`}}},
		{"name without passwd", noPasswd("app"), []brief{{report.SeverityMedium, `USER "app" is a name but the image has no /etc/passwd to map it to a UID: the container will fail to start`}}},
		{"named user", withPasswd("app"), nil},
		{"named user with root group", withPasswd("app:root"), nil},
		{"numeric user", withPasswd("10001"), nil},
		{"numeric user without passwd", noPasswd("65532:65532"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(runCheck(t, rootUser(), tt.img))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRootUserEvidence(t *testing.T) {
	img := testImage(v1.Config{User: "toor"}, []string{"ADD rootfs /", "RUN useradd"},
		layer{step: 0, files: map[string]string{"etc/passwd": "root:x:0:0::/:/bin/sh\n"}},
		layer{step: 1, files: map[string]string{"etc/passwd": "root:x:0:0::/:/bin/sh\ntoor:x:0:0::/:/bin/sh\n"}})
	fs := runCheck(t, rootUser(), img)
	if len(fs) != 1 {
		t.Fatalf("%d findings, want 1", len(fs))
	}
	want := report.Evidence{ConfigKey: "config.User", Value: "toor", Path: "/etc/passwd", Layer: report.Int(1), LayerDigest: img.Layers[1].Digest}
	if diff := cmp.Diff(want, fs[0].Evidence); diff != "" {
		t.Errorf("evidence (-want +got):\n%s", diff)
	}
}

func TestRootUserUncollectedPasswd(t *testing.T) {
	img := testImage(v1.Config{User: "app"}, []string{"ADD rootfs /"}, layer{step: 0, entries: []facts.Entry{regular("etc/passwd", 0o644, 1<<20)}})
	if _, err := checkImage(rootUser(), img); err == nil {
		t.Error("no error when /etc/passwd exists but its content is unknown")
	}
	if _, err := checkImage(rootUser(), &facts.Image{}); err == nil {
		t.Error("no error for an image without config")
	}
}
