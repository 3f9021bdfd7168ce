package provenance

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseProvenance(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		edit    func(*[]byte)
		want    build
		wantErr bool
	}{
		{
			name: "buildkit v0.2 mode=max",
			file: "slsa-v02.json",
			want: build{
				BuilderID:  "https://github.com/example/app/actions/runs/7712345678/attempts/1",
				BuildType:  "https://mobyproject.org/buildkit@v1",
				Source:     "https://github.com/example/app.git",
				Revision:   "3f2c9a0e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a",
				Frontend:   "dockerfile.v0",
				Dockerfile: true,
			},
		},
		{
			name: "buildkit v1",
			file: "slsa-v1.json",
			want: build{
				BuilderID:  "https://github.com/docker/build-push-action",
				BuildType:  "https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md",
				Source:     "https://github.com/example/app.git",
				Revision:   "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",
				Frontend:   "dockerfile.v0",
				Dockerfile: true,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := statement(t, tt.file)
			got, err := parseProvenance(a.PredicateType, a.Predicate)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseProvenancePartial(t *testing.T) {
	tests := []struct {
		name, predicateType, predicate string
		want                           build
		wantErr                        bool
	}{
		{
			name:          "mode=min: vcs metadata only",
			predicateType: slsaV02,
			predicate:     `{"builder":{"id":""},"buildType":"https://mobyproject.org/buildkit@v1","metadata":{"https://mobyproject.org/buildkit@v1#metadata":{"vcs":{"source":"git@github.com:example/app.git","revision":"abc1234"}}}}`,
			want:          build{BuildType: "https://mobyproject.org/buildkit@v1", Source: "git@github.com:example/app.git", Revision: "abc1234"},
		},
		{
			name:          "git material",
			predicateType: slsaV02,
			predicate:     `{"materials":[{"uri":"pkg:docker/alpine@3"},{"uri":"https://github.com/example/app.git#main","digest":{"sha1":"deadbeef"}}]}`,
			want:          build{Source: "https://github.com/example/app.git", Revision: "deadbeef"},
		},
		{
			name:          "v1 git dependency",
			predicateType: slsaV1,
			predicate:     `{"buildDefinition":{"resolvedDependencies":[{"uri":"git+https://gitlab.com/g/p","digest":{"gitCommit":"cafe"}}]}}`,
			want:          build{Source: "git+https://gitlab.com/g/p", Revision: "cafe"},
		},
		{name: "malformed", predicateType: slsaV02, predicate: `{"builder":`, wantErr: true},
		{name: "wrong shape", predicateType: slsaV1, predicate: `{"buildDefinition":[]}`, wantErr: true},
		{name: "bad buildkit metadata", predicateType: slsaV02, predicate: `{"metadata":{"https://mobyproject.org/buildkit@v1#metadata":"x"}}`, wantErr: true},
		{name: "unknown type", predicateType: "https://slsa.dev/provenance/v9", predicate: `{}`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseProvenance(tt.predicateType, []byte(tt.predicate))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSameRepository(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"https://github.com/example/app", "https://github.com/example/app.git", true},
		{"https://github.com/Example/App/", "git@github.com:example/app.git", true},
		{"git+https://github.com/example/app#main", "github.com/example/app", true},
		{"https://user:pw@github.com/example/app", "https://github.com/example/app", true},
		{"https://github.com/example/app", "https://github.com/examp1e/app", false},
		{"https://github.com/example/app", "https://gitlab.com/example/app", false},
	}
	for _, tt := range tests {
		if got := sameRepository(tt.a, tt.b); got != tt.want {
			t.Errorf("sameRepository(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSameRevision(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"3f2c9a0e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a", "3F2C9A0E8D7B6C5A4F3E2D1C0B9A8F7E6D5C4B3A", true},
		{"3f2c9a0", "3f2c9a0e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a", true},
		{"3f2c", "3f2c9a0e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a", false},
		{"9e8d7c6b5a", "3f2c9a0e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a", false},
	}
	for _, tt := range tests {
		if got := sameRevision(tt.a, tt.b); got != tt.want {
			t.Errorf("sameRevision(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
