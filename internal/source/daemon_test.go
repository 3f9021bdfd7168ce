package source

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// fakeEngine answers the two engine API calls customs makes, from a table
// of images by name, and records the paths it was asked for.
type fakeEngine struct {
	images map[string]fakeEngineImage
	paths  []string
}

type fakeEngineImage struct {
	description string // the JSON of GET /images/{name}/json
	archive     []byte // the body of GET /images/{id}/get
}

func (e *fakeEngine) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.paths = append(e.paths, r.URL.Path)
	p, ok := strings.CutPrefix(r.URL.Path, "/images/")
	if !ok || r.Method != http.MethodGet {
		http.NotFound(w, r)
		return
	}
	if name, ok := strings.CutSuffix(p, "/json"); ok {
		if img, ok := e.images[name]; ok {
			w.Write([]byte(img.description))
			return
		}
		w.WriteHeader(http.StatusNotFound)
		json.NewEncoder(w).Encode(map[string]string{"message": "No such image: " + name})
		return
	}
	if id, ok := strings.CutSuffix(p, "/get"); ok {
		for _, img := range e.images {
			if strings.Contains(img.description, `"`+id+`"`) {
				w.Write(img.archive)
				return
			}
		}
	}
	http.NotFound(w, r)
}

func engineDescription(t *testing.T, id string, tags, digests []string) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{"Id": id, "RepoTags": tags, "RepoDigests": digests})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestOpenDaemon(t *testing.T) {
	a := newLegacyArchive(t)
	archive := tarBytes(t, a.entries(t))
	id := "sha256:" + a.configHex
	repoDigest := "sha256:" + strings.Repeat("d", 64)
	other := newLegacyArchive(t)
	other.config = append(other.config, ' ')
	other.configHex = sha256Hex(other.config)
	other.manifest[0].Config = other.configHex + ".json"
	engine := &fakeEngine{images: map[string]fakeEngineImage{
		"demo/app:1.0": {description: engineDescription(t, id, []string{"demo/app:1.0"}, []string{"demo/app@" + repoDigest}), archive: archive},
		"local:dev":    {description: engineDescription(t, id, []string{"local:dev"}, nil), archive: archive},
		"liar:1": {
			description: engineDescription(t, "sha256:"+strings.Repeat("e", 64), nil, nil),
			archive:     tarBytes(t, other.entries(t)),
		},
		"huge:1": {description: `{"Id":"` + strings.Repeat("x", maxManifestSize) + `"}`},
		"bad:1":  {description: `{"Id":`},
	}}
	srv := httptest.NewServer(engine)
	defer srv.Close()
	host := "tcp://" + strings.TrimPrefix(srv.URL, "http://")
	tests := []struct {
		name, ref                    string
		opt                          Options
		wantName, wantDigest, wantID string
		wantErr                      string
	}{
		{name: "tagged image", ref: "demo/app:1.0", wantName: "docker.io/demo/app:1.0", wantDigest: repoDigest, wantID: id},
		{name: "local image", ref: "local:dev", wantName: "docker.io/library/local:dev", wantID: id},
		{name: "bounded export", ref: "local:dev", opt: Options{MaxArchiveSize: 1024}, wantErr: "exported image is larger than the limit of 1024 bytes"},
		{name: "not found", ref: "nope:1", wantErr: "docker engine: /images/nope:1/json 404 Not Found: No such image: nope:1"},
		{name: "engine ID does not match the export", ref: "liar:1", wantErr: "engine image ID sha256:eeee"},
		{name: "huge description", ref: "huge:1", wantErr: "engine image description is larger than 4194304 bytes"},
		{name: "broken description", ref: "bad:1", wantErr: "parsing engine image description"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.DockerHost = host
			opt.TempDir = t.TempDir()
			img, err := Open(context.Background(), "docker-daemon:"+tt.ref, opt)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				if left := dirEntries(t, opt.TempDir); len(left) != 0 {
					t.Errorf("temp dir not cleaned up: %v", left)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if img.Ref.Name != tt.wantName || img.Digest != tt.wantDigest || img.ConfigID != tt.wantID {
				t.Errorf("got name %q digest %q config %q, want %q %q %q", img.Ref.Name, img.Digest, img.ConfigID, tt.wantName, tt.wantDigest, tt.wantID)
			}
			if img.Ref.Source != KindDaemon || len(img.Layers) != 1 {
				t.Errorf("source %q with %d layers", img.Ref.Source, len(img.Layers))
			}
			if err := img.Close(); err != nil {
				t.Fatal(err)
			}
			if left := dirEntries(t, opt.TempDir); len(left) != 0 {
				t.Errorf("temp dir not cleaned up after Close: %v", left)
			}
		})
	}
}

func TestOpenDaemonHost(t *testing.T) {
	a := newLegacyArchive(t)
	engine := &fakeEngine{images: map[string]fakeEngineImage{
		"app:1": {description: engineDescription(t, "sha256:"+a.configHex, nil, nil), archive: tarBytes(t, a.entries(t))},
	}}
	srv := httptest.NewServer(engine)
	defer srv.Close()
	t.Setenv("DOCKER_HOST", "tcp://"+strings.TrimPrefix(srv.URL, "http://"))
	img, err := Open(context.Background(), "docker-daemon:app:1", Options{TempDir: t.TempDir()})
	if err != nil {
		t.Fatalf("reaching the engine through DOCKER_HOST: %v", err)
	}
	img.Close()
	for _, tt := range []struct{ host, wantErr string }{
		{"ssh://user@host", `scheme "ssh" is not supported`},
		{"unix://" + t.TempDir() + "/none.sock", "talking to the Docker engine"},
		{"tcp://%zz", "parsing docker host"},
	} {
		img, err := Open(context.Background(), "docker-daemon:app:1", Options{DockerHost: tt.host, TempDir: t.TempDir()})
		if err == nil {
			img.Close()
			t.Errorf("DockerHost %q: Open succeeded", tt.host)
			continue
		}
		if !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("DockerHost %q: error %q does not contain %q", tt.host, err, tt.wantErr)
		}
	}
}

func TestRepoDigest(t *testing.T) {
	nginx := facts.Reference{Registry: "docker.io", Repository: "library/nginx"}
	tests := []struct {
		name    string
		digests []string
		ref     facts.Reference
		want    string
	}{
		{"familiar name", []string{"nginx@sha256:aa"}, nginx, "sha256:aa"},
		{"full name", []string{"docker.io/library/nginx@sha256:bb"}, nginx, "sha256:bb"},
		{"other repository first", []string{"ghcr.io/x/nginx@sha256:cc", "nginx@sha256:dd"}, nginx, "sha256:dd"},
		{"only other repositories", []string{"ghcr.io/x/nginx@sha256:cc"}, nginx, ""},
		{"no name, one digest", []string{"nginx@sha256:ee"}, facts.Reference{}, "sha256:ee"},
		{"no name, two digests", []string{"a@sha256:1", "b@sha256:2"}, facts.Reference{}, ""},
		{"malformed", []string{"nginx", "@@", "UPPER@sha256:1"}, nginx, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := repoDigest(tt.digests, tt.ref); got != tt.want {
				t.Errorf("repoDigest(%v) = %q, want %q", tt.digests, got, tt.want)
			}
		})
	}
}
