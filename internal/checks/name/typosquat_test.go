package name

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scantest"
)

// hit is a finding reduced to what the tables compare.
type hit struct {
	Severity, Key, Reference, Value string
}

func hits(fs []report.Finding) []hit {
	var out []hit
	for _, f := range fs {
		out = append(out, hit{f.Severity.String(), f.Evidence.ConfigKey, f.Evidence.Reference, f.Evidence.Value})
	}
	return out
}

func TestTyposquat(t *testing.T) {
	c, ok := squat()().(check.ImageChecker)
	if !ok {
		t.Fatal("not an image checker")
	}
	for _, tc := range []struct {
		name string
		ref  facts.Reference
		want []hit
	}{
		{"official image", facts.Reference{Source: "registry", Name: "docker.io/library/nginx:latest", Registry: "docker.io", Repository: "library/nginx"}, nil},
		{"publisher image", facts.Reference{Source: "registry", Name: "docker.io/bitnami/nginx:1.25", Registry: "docker.io", Repository: "bitnami/nginx"}, nil},
		{"misspelled official", facts.Reference{Source: "registry", Name: "docker.io/library/ngnix:latest", Registry: "docker.io", Repository: "library/ngnix"},
			[]hit{{"critical", "reference", "docker.io/library/ngnix:latest", "docker.io/library/nginx (two letters swapped)"}}},
		{"added word", facts.Reference{Source: "registry", Name: "docker.io/library/nginx-official:latest", Registry: "docker.io", Repository: "library/nginx-official"},
			[]hit{{"high", "reference", "docker.io/library/nginx-official:latest", "docker.io/library/nginx (an added word: official)"}}},
		{"lookalike namespace", facts.Reference{Source: "registry", Name: "docker.io/goog1e/cadvisor:v0.47.0", Registry: "docker.io", Repository: "goog1e/cadvisor"},
			[]hit{{"critical", "reference", "docker.io/goog1e/cadvisor:v0.47.0", "docker.io/google (lookalike characters)"}}},
		{"lookalike registry", facts.Reference{Source: "registry", Name: "mcr.microsfot.com/dotnet/runtime:8.0", Registry: "mcr.microsfot.com", Repository: "dotnet/runtime"},
			[]hit{{"critical", "reference", "mcr.microsfot.com/dotnet/runtime:8.0", "mcr.microsoft.com (two letters swapped)"}}},
		{"archive tags", facts.Reference{Source: "docker-archive", RepoTags: []string{"alpnie:3.19", "someone/app:1", "alpnie:latest"}},
			[]hit{{"critical", "repoTags", "alpnie:3.19", "docker.io/library/alpine (two letters swapped)"}}},
		{"reference and tag", facts.Reference{Source: "docker-daemon", Name: "docker.io/library/redis:7", Registry: "docker.io", Repository: "library/redis", RepoTags: []string{"redis:7", "rediss:7"}},
			[]hit{{"critical", "repoTags", "rediss:7", "docker.io/library/redis (a doubled letter)"}}},
		{"neighbouring key", facts.Reference{Source: "registry", Name: "docker.io/library/ngimx:latest", Registry: "docker.io", Repository: "library/ngimx"},
			[]hit{{"critical", "reference", "docker.io/library/ngimx:latest", "docker.io/library/nginx (changed letters)"}}},
		{"letter dropped inside", facts.Reference{Source: "docker-archive", RepoTags: []string{"ngnx:1.27"}},
			[]hit{{"critical", "repoTags", "ngnx:1.27", "docker.io/library/nginx (a dropped letter)"}}},
		{"punycode registry", facts.Reference{Source: "registry", Name: "xn--dcker-jye.io/library/nginx:1", Registry: "xn--dcker-jye.io", Repository: "library/nginx"},
			[]hit{{"critical", "reference", "xn--dcker-jye.io/library/nginx:1", "docker.io (lookalike characters)"}}},
		{"internationalised registry imitating nothing", facts.Reference{Source: "registry", Name: "registry.xn--mnchen-3ya.de/team/app:1", Registry: "registry.xn--mnchen-3ya.de", Repository: "team/app"}, nil},
		{"layout bare tag", facts.Reference{Source: "oci", RepoTags: []string{"ngnix"}}, nil},
		{"file without names", facts.Reference{Source: "docker-archive"}, nil},
		{"unparsable tag", facts.Reference{Source: "docker-archive", RepoTags: []string{"a//b"}}, nil},
		{"unrelated namespace", facts.Reference{Source: "registry", Name: "docker.io/someone/ngnix:1", Registry: "docker.io", Repository: "someone/ngnix"},
			[]hit{{"high", "reference", "docker.io/someone/ngnix:1", "docker.io/library/nginx (two letters swapped)"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.CheckImage(context.Background(), &facts.Image{Ref: tc.ref})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, hits(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			for _, f := range got {
				if f.Item != report.ItemName || f.Check != "name/typosquat" || f.Message == "" {
					t.Errorf("finding %+v", f)
				}
			}
		})
	}
}

// TestInspectLayout: a layout whose ref.name misspells nginx is rejected.
func TestInspectLayout(t *testing.T) {
	img := imagetest.Image(t, v1.Config{Cmd: []string{"nginx", "-g", "daemon off;"}},
		imagetest.Step{CreatedBy: "ADD files /", Layer: imagetest.Layer(t, imagetest.File{Path: "etc/nginx/nginx.conf", Content: "events {}\n"})})
	for _, tc := range []struct {
		tag      string
		want     []hit
		decision string
	}{
		{"docker.io/library/ngnix:latest",
			[]hit{{"critical", "reference", "docker.io/library/ngnix:latest", "docker.io/library/nginx (two letters swapped)"}}, report.Reject},
		{"docker.io/library/nginx:latest", nil, report.Accept},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			r := scantest.Inspect(t, img, tc.tag, Checks())
			if diff := cmp.Diff(tc.want, hits(r.Findings)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if r.Verdict.Decision != tc.decision {
				t.Errorf("verdict %s, want %s", r.Verdict.Decision, tc.decision)
			}
		})
	}
}
