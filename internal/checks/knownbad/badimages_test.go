package knownbad

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

func TestEmbeddedImageList(t *testing.T) {
	l, err := parseImages(mustGunzip(t, "known-malicious-images.tsv", imagesGz))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.accounts) == 0 || len(l.repos) < 20 {
		t.Errorf("embedded list has %d accounts and %d repositories", len(l.accounts), len(l.repos))
	}
	for _, b := range l.repos {
		if b.What == "" || b.Reported == "" {
			t.Errorf("entry %q says nothing of what or where", b.Ref)
		}
	}
}

func TestParseImagesRejects(t *testing.T) {
	for name, in := range map[string]string{
		"two columns":   "a/b\tminer\n",
		"no namespace":  "mysql\tminer\tsomewhere\n",
		"bad character": "a b/c\tminer\tsomewhere\n",
		"empty repo":    "a/\tminer\tsomewhere\n",
		"too large":     strings.Repeat("#\n", maxListSize),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parseImages([]byte(in)); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestHubRepository(t *testing.T) {
	for _, tc := range []struct {
		ref, want string
		ok        bool
	}{
		{"docker123321/mysql", "docker123321/mysql", true},
		{"Docker123321/MySQL:latest", "docker123321/mysql", true},
		{"docker.io/docker123321/mysql:latest", "docker123321/mysql", true},
		{"index.docker.io/docker123321/cron@sha256:" + strings.Repeat("a", 64), "docker123321/cron", true},
		{"registry-1.docker.io/azurenql/x", "azurenql/x", true},
		{"nginx", "library/nginx", true},
		{"ghcr.io/docker123321/mysql", "", false},
		{"quay.io/azurenql/x:1", "", false},
		{"", "", false},
		{"not a reference!", "", false},
	} {
		got, ok := hubRepository(tc.ref)
		if got != tc.want || ok != tc.ok {
			t.Errorf("hubRepository(%q) = %q, %v; want %q, %v", tc.ref, got, ok, tc.want, tc.ok)
		}
	}
}

func TestImageCheck(t *testing.T) {
	c := image()().(imageCheck)
	for _, tc := range []struct {
		name string
		ref  facts.Reference
		want []string // evidence values
	}{
		{"repository", facts.Reference{Name: "docker.io/docker123321/mysql:latest", Registry: "docker.io", Repository: "docker123321/mysql"}, []string{"docker.io/docker123321/mysql:latest"}},
		{"account", facts.Reference{Name: "docker.io/azurenql/anything:1", Registry: "docker.io", Repository: "azurenql/anything"}, []string{"docker.io/azurenql/anything:1"}},
		{"archive tag", facts.Reference{Name: "docker.io/team/app:1", RepoTags: []string{"team/app:1", "ohldm/nginx:latest"}}, []string{"ohldm/nginx:latest"}},
		{"repository without name", facts.Reference{Registry: "index.docker.io", Repository: "l0s3r/m3n"}, []string{"index.docker.io/l0s3r/m3n"}},
		{"same repository twice", facts.Reference{Name: "docker.io/ohldm/nginx:latest", RepoTags: []string{"ohldm/nginx:latest"}}, []string{"docker.io/ohldm/nginx:latest"}},
		{"official image", facts.Reference{Name: "docker.io/library/mysql:8", Registry: "docker.io", Repository: "library/mysql"}, nil},
		{"other registry", facts.Reference{Name: "ghcr.io/docker123321/mysql:latest", Registry: "ghcr.io", Repository: "docker123321/mysql"}, nil},
		{"similar account", facts.Reference{Name: "docker.io/docker1233210/mysql:latest"}, nil},
		{"no name", facts.Reference{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs, err := c.CheckImage(context.Background(), &facts.Image{Ref: tc.ref})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Evidence.Value)
				if !strings.Contains(f.Message, "reported") || f.Evidence.Reference == "" {
					t.Errorf("message does not say where it was reported: %q", f.Message)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
