package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestPackageCacheFromCommands(t *testing.T) {
	low := func(msg string) brief { return brief{report.SeverityLow, msg} }
	tests := []struct {
		name string
		run  string
		env  []string
		want []brief
	}{
		{"apt without cleanup", "apt-get update && apt-get install -y curl", nil, []brief{low("step 0 installs packages with apt-get without rm -rf /var/lib/apt/lists/* in the same step")}},
		{"apt with cleanup", "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*", nil, nil},
		{"apt with cleanup of a parent", "apt-get install -y curl; rm -rf /var/lib/apt", nil, nil},
		{"apt clean is not enough", "apt-get install -y curl && apt-get clean", nil, []brief{low("step 0 installs packages with apt-get without rm -rf /var/lib/apt/lists/* in the same step")}},
		{"apk without no-cache", "apk add curl", nil, []brief{low("step 0 installs packages with apk without --no-cache or rm -rf /var/cache/apk/* in the same step")}},
		{"apk no-cache", "apk add --no-cache curl", nil, nil},
		{"apk virtual", "apk add --virtual .build-deps gcc && rm -rf /var/cache/apk/*", nil, nil},
		{"dnf without clean", "dnf install -y git", nil, []brief{low("step 0 installs packages with dnf without yum clean all or dnf clean all in the same step")}},
		{"yum clean", "yum install -y git && yum clean all", nil, nil},
		{"pip without no-cache-dir", "pip install flask", nil, []brief{low("step 0 installs packages with pip without pip install --no-cache-dir in the same step")}},
		{"pip3.12 no-cache-dir", "pip3.12 install --no-cache-dir flask", nil, nil},
		{"python -m pip", "python3 -m pip install -r requirements.txt", nil, []brief{low("step 0 installs packages with python3 -m pip without pip install --no-cache-dir in the same step")}},
		{"pip cache in env", "pip install flask", []string{"PIP_NO_CACHE_DIR=1"}, nil},
		{"pip cache removed", "pip install flask && rm -rf /root/.cache", nil, nil},
		{"two managers", "apt-get install -y python3-pip && pip install x", nil, []brief{
			low("step 0 installs packages with apt-get without rm -rf /var/lib/apt/lists/* in the same step"),
			low("step 0 installs packages with pip without pip install --no-cache-dir in the same step")}},
		{"update only", "apt-get update", nil, nil},
		{"apt remove", "apt-get remove -y curl", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Without layer facts, the step's text decides.
			img := testImage(v1.Config{Env: tt.env}, []string{"/bin/sh -c " + tt.run})
			if diff := cmp.Diff(tt.want, briefs(runCheck(t, packageCache(), img))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPackageCacheFromLayer(t *testing.T) {
	lists := []facts.Entry{
		{Path: "var/lib/apt/lists/", Type: facts.TypeDir},
		{Path: "var/lib/apt/lists/lock", Type: facts.TypeFile},
		{Path: "var/lib/apt/lists/partial/x", Type: facts.TypeFile, Size: 5},
		regular("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4", 0o644, 3<<20),
		regular("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", 0o644, 150<<10),
	}
	clean := []facts.Entry{{Path: "var/lib/apt/lists/", Type: facts.TypeDir}, {Path: "var/lib/apt/lists/lock", Type: facts.TypeFile}}
	tests := []struct {
		name    string
		run     string
		entries []facts.Entry
		want    []report.Finding
	}{
		{"lists left despite a cleanup elsewhere", "apt-get update && apt-get install -y curl && rm -rf /var/cache/apt/*", lists, []report.Finding{{
			Severity: report.SeverityLow,
			Message:  "step 1 installs packages with apt-get and leaves apt package lists in layer 1 (2 files, 3.1 MiB)",
			Evidence: report.Evidence{Layer: report.Int(1), LayerDigest: "sha256:0000000000000000000000000000000000000000000000000000000000000002", Path: "/var/lib/apt/lists", HistoryStep: report.Int(1), ConfigKey: "history[1]", Value: "apt-get install -y curl"},
		}}},
		{"layer is clean although the text has no cleanup", "apt-get install -y curl && /usr/local/bin/cleanup", clean, nil},
		{"cache of another manager is not this step's", "pip install --no-cache-dir x", lists, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := testImage(v1.Config{}, []string{"ADD rootfs /", "/bin/sh -c " + tt.run}, layer{step: 0}, layer{step: 1, entries: tt.entries})
			if diff := cmp.Diff(tt.want, runCheck(t, packageCache(), img), cmpFinding); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHumanBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 3 << 20: "3.0 MiB", 5 << 30: "5.0 GiB"} {
		if got := report.HumanSize(n); got != want {
			t.Errorf("report.HumanSize(%d) = %q, want %q", n, got, want)
		}
	}
}
