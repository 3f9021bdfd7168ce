package pin

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scantest"
)

const (
	manifestDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111"
	indexDigest    = "sha256:2222222222222222222222222222222222222222222222222222222222222222"
)

// ref builds the reference the registry source makes of "docker.io/library/nginx:<tag>".
func ref(tag string, implicit bool) facts.Reference {
	r := facts.Reference{Source: "registry", Registry: "docker.io", Repository: "library/nginx", Tag: tag, ImplicitTag: implicit}
	r.Name = "docker.io/library/nginx:" + tag
	r.Input = "nginx"
	if !implicit {
		r.Input += ":" + tag
	}
	return r
}

// run runs one check on img and returns its findings.
func run(t *testing.T, ctor check.Constructor, img *facts.Image) []report.Finding {
	return scantest.RunImage(t, ctor, img)
}

// brief is what the tests compare: severity, message and evidence.
type brief struct {
	Severity report.Severity
	Message  string
	Evidence report.Evidence
}

func briefs(fs []report.Finding) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{f.Severity, f.Message, f.Evidence})
	}
	return out
}

func TestNoDigest(t *testing.T) {
	digested := ref("1.27", false)
	digested.Digest = manifestDigest
	archive := ref("1.27", false)
	archive.Source = "docker-archive"
	tests := []struct {
		name string
		img  facts.Image
		want []brief
	}{
		{"tag with index digest known", facts.Image{Ref: ref("1.27", false), Digest: manifestDigest, IndexDigest: indexDigest}, []brief{{
			report.SeverityLow,
			"docker.io/library/nginx:1.27 is referenced by tag without a digest; use docker.io/library/nginx:1.27@" + indexDigest,
			report.Evidence{Reference: "docker.io/library/nginx:1.27", Value: "docker.io/library/nginx:1.27@" + indexDigest},
		}}},
		{"tag with manifest digest only", facts.Image{Ref: ref("1.27", false), Digest: manifestDigest}, []brief{{
			report.SeverityLow,
			"docker.io/library/nginx:1.27 is referenced by tag without a digest; use docker.io/library/nginx:1.27@" + manifestDigest,
			report.Evidence{Reference: "docker.io/library/nginx:1.27", Value: "docker.io/library/nginx:1.27@" + manifestDigest},
		}}},
		{"no digest known", facts.Image{Ref: ref("1.27", false)}, []brief{{
			report.SeverityLow,
			"docker.io/library/nginx:1.27 is referenced by tag without a digest; no digest is known for it here: resolve it with the registry (customs pin) and use the digest",
			report.Evidence{Reference: "docker.io/library/nginx:1.27"},
		}}},
		{"reference carries a digest", facts.Image{Ref: digested, Digest: manifestDigest}, nil},
		{"image from a file", facts.Image{Ref: archive, Digest: manifestDigest}, nil},
		{"no repository", facts.Image{Ref: facts.Reference{Source: "registry", Input: "x"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(run(t, noDigest(), &tt.img))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLatestTag(t *testing.T) {
	digested := ref("latest", false)
	digested.Digest = manifestDigest
	daemon := ref("latest", true)
	daemon.Source = "docker-daemon"
	layout := ref("latest", false)
	layout.Source = "oci"
	tests := []struct {
		name string
		img  facts.Image
		want []brief
	}{
		{"implicit", facts.Image{Ref: ref("latest", true), Digest: manifestDigest}, []brief{{
			report.SeverityMedium,
			`"nginx" names no tag, so latest was used; use docker.io/library/nginx:latest@` + manifestDigest,
			report.Evidence{Reference: "docker.io/library/nginx:latest", Value: "docker.io/library/nginx:latest@" + manifestDigest},
		}}},
		{"explicit", facts.Image{Ref: ref("latest", false), Digest: manifestDigest}, []brief{{
			report.SeverityMedium,
			"docker.io/library/nginx:latest uses the latest tag; use docker.io/library/nginx:latest@" + manifestDigest,
			report.Evidence{Reference: "docker.io/library/nginx:latest", Value: "docker.io/library/nginx:latest@" + manifestDigest},
		}}},
		{"engine image", facts.Image{Ref: daemon}, []brief{{
			report.SeverityMedium,
			`"nginx" names no tag, so latest was used; no digest is known for it here: resolve it with the registry (customs pin) and use the digest`,
			report.Evidence{Reference: "docker.io/library/nginx:latest"},
		}}},
		{"version tag", facts.Image{Ref: ref("1.27.3", false)}, nil},
		{"latest with a digest", facts.Image{Ref: digested}, nil},
		{"layout named latest", facts.Image{Ref: layout}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(run(t, latestTag(), &tt.img))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMutableTag(t *testing.T) {
	tests := []struct {
		tag  string
		want string // message, empty for none
	}{
		{"3", `tag "3" of library/nginx names a release line, not one release: it moves when the publisher releases`},
		{"3.22", `tag "3.22" of library/nginx names a release line, not one release: it moves when the publisher releases`},
		{"1.27-alpine", `tag "1.27-alpine" of library/nginx names a release line, not one release: it moves when the publisher releases`},
		{"stable", `tag "stable" of library/nginx names a channel, not one release: it moves when the publisher releases`},
		{"bookworm-slim", `tag "bookworm-slim" of library/nginx names a channel, not one release: it moves when the publisher releases`},
		{"1.27.3", ""},
		{"v1.2.3-alpine3.20", ""},
		{"20240115", ""},
		{"sha-3f2a9c1", ""},
		{"latest", ""},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			img := &facts.Image{Ref: ref(tt.tag, false), Digest: manifestDigest}
			fs := run(t, mutableTag(), img)
			var got string
			if len(fs) == 1 {
				got = fs[0].Message
				if fs[0].Severity != report.SeverityInfo {
					t.Errorf("severity %v, want info", fs[0].Severity)
				}
			} else if len(fs) > 1 {
				t.Fatalf("%d findings, want at most one", len(fs))
			}
			if got != tt.want {
				t.Errorf("message %q, want %q", got, tt.want)
			}
		})
	}
}

func TestChecksRegistered(t *testing.T) {
	var ids []string
	for _, c := range Checks() {
		ids = append(ids, c().Info().ID)
	}
	if diff := cmp.Diff([]string{"pin/no-digest", "pin/latest-tag", "pin/mutable-tag"}, ids); diff != "" {
		t.Errorf("registered checks (-want +got):\n%s", diff)
	}
}
