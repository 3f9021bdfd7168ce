package source

import (
	"archive/tar"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/imagetest"
)

// summary is what a test compares of an opened image.
type summary struct {
	Name, Tag, Platform, ConfigID, MediaType string
	RepoTags                                 []string
	DiffIDs                                  []string
	Layers                                   []string
}

func summarise(t *testing.T, img *Image) summary {
	t.Helper()
	s := summary{Name: img.Ref.Name, Tag: img.Ref.Tag, Platform: img.Platform, ConfigID: img.ConfigID, MediaType: img.MediaType, RepoTags: img.Ref.RepoTags}
	for i, l := range img.Layers {
		s.DiffIDs = append(s.DiffIDs, l.DiffID.String())
		rc, err := l.Open()
		if err != nil {
			t.Fatalf("opening layer %d: %v", i, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("reading layer %d: %v", i, err)
		}
		s.Layers = append(s.Layers, string(b))
	}
	return s
}

func TestOpenArchive(t *testing.T) {
	a := newLegacyArchive(t)
	plain := tarBytes(t, a.entries(t))
	want := summary{
		Name:      "docker.io/demo/app:1.0",
		Tag:       "1.0",
		Platform:  "linux/arm64/v8",
		ConfigID:  "sha256:" + a.configHex,
		MediaType: "application/vnd.docker.container.image.v1+json",
		RepoTags:  []string{"demo/app:1.0"},
		DiffIDs:   []string{"sha256:" + sha256Hex(a.layer)},
		Layers:    []string{string(a.layer)},
	}
	tests := []struct {
		name, ref string
	}{
		{"plain tar by prefix", "docker-archive:" + writeFile(t, "img.tar", plain)},
		{"plain tar by path", writeFile(t, "img.tar", plain)},
		{"gzip", writeFile(t, "img.tar.gz", imagetest.Gzip(t, plain))},
		{"zstd", writeFile(t, "img.tar.zst", imagetest.Zstd(t, plain))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Open(context.Background(), tt.ref, Options{TempDir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			defer img.Close()
			if diff := cmp.Diff(want, summarise(t, img)); diff != "" {
				t.Errorf("image (-want +got):\n%s", diff)
			}
			if img.Ref.Source != KindArchive || img.Ref.Input != tt.ref {
				t.Errorf("Ref.Source, Ref.Input = %q, %q; want %q, %q", img.Ref.Source, img.Ref.Input, KindArchive, tt.ref)
			}
		})
	}
}

// TestOpenArchiveFromImagetest reads the archives go-containerregistry writes
// (config and layers named by digest, gzip layers).
func TestOpenArchiveFromImagetest(t *testing.T) {
	img := imagetest.Image(t, v1.Config{User: "app"},
		imagetest.Step{CreatedBy: "ADD rootfs /", Layer: imagetest.Layer(t, imagetest.Dir("bin/"), imagetest.Exec("bin/sh", "#!"))},
		imagetest.Step{CreatedBy: "COPY app /app", Layer: imagetest.Layer(t, imagetest.File{Path: "app", Content: "x"})},
	)
	path := imagetest.Archive(t, img, "registry.example.com/team/app:2.1")
	src, err := Open(context.Background(), "docker-archive:"+path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	cfgName, err := img.ConfigName()
	if err != nil {
		t.Fatal(err)
	}
	if src.ConfigID != cfgName.String() {
		t.Errorf("ConfigID = %s, want %s", src.ConfigID, cfgName)
	}
	if src.Ref.Name != "registry.example.com/team/app:2.1" {
		t.Errorf("Ref.Name = %q", src.Ref.Name)
	}
	layers, err := img.Layers()
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Layers) != len(layers) {
		t.Fatalf("%d layers, want %d", len(src.Layers), len(layers))
	}
	for i, l := range layers {
		diffID, err := l.DiffID()
		if err != nil {
			t.Fatal(err)
		}
		// The archive names layers HEX.tar.gz, which customs does not take
		// for a digest: only the diffID is verified, by the layer pass.
		if src.Layers[i].DiffID != diffID || src.Layers[i].Digest != (v1.Hash{}) {
			t.Errorf("layer %d: digest %q diffID %s, want no digest and %s", i, src.Layers[i].Digest, src.Layers[i].DiffID, diffID)
		}
	}
}

// TestOpenArchiveHostile feeds archives an attacker could write; each must
// fail with an error that says what is wrong, and none may read a file
// outside the archive.
func TestOpenArchiveHostile(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(a *legacyArchive, entries []tarEntry) []tarEntry
		opt     Options
		wantErr string
	}{
		{
			name: "layer path climbs out",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.manifest[0].Layers = []string{"../../etc/passwd"}
				return nil
			},
			wantErr: `"../../etc/passwd" leaves the archive root`,
		},
		{
			name: "config path climbs out",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.manifest[0].Config = "abc/../../x.json"
				return nil
			},
			wantErr: "leaves the archive root",
		},
		{
			name: "absolute config path stays inside the archive",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.manifest[0].Config = "/etc/passwd"
				return nil
			},
			wantErr: `archive has no file "/etc/passwd"`,
		},
		{
			name: "absolute layer path stays inside the archive",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.manifest[0].Layers = []string{"/etc/hostname"}
				return nil
			},
			wantErr: `archive has no file "/etc/hostname"`,
		},
		{
			name: "entry name climbs out",
			edit: func(_ *legacyArchive, e []tarEntry) []tarEntry {
				return append(e, tarEntry{name: "abc/../../evil", body: "x"})
			},
			wantErr: `archive entry "abc/../../evil" leaves the archive root`,
		},
		{
			name: "missing layer",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.manifest[0].Layers = []string{"gone/layer.tar"}
				return nil
			},
			wantErr: `layer 0: archive has no file "gone/layer.tar"`,
		},
		{
			name: "layer is a symlink",
			edit: func(_ *legacyArchive, e []tarEntry) []tarEntry {
				e[3] = tarEntry{name: "abc/layer.tar", typ: tar.TypeSymlink, link: "/etc/passwd"}
				return e
			},
			wantErr: `layer 0: archive has no file "abc/layer.tar"`,
		},
		{
			name: "layer is a hard link",
			edit: func(_ *legacyArchive, e []tarEntry) []tarEntry {
				e[3] = tarEntry{name: "abc/layer.tar", typ: tar.TypeLink, link: "manifest.json"}
				return e
			},
			wantErr: `layer 0: archive has no file "abc/layer.tar"`,
		},
		{
			name: "more layers than diffIDs",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.manifest[0].Layers = append(a.manifest[0].Layers, "abc/layer.tar")
				return nil
			},
			wantErr: "manifest.json lists 2 layers but the config has 1 diffIDs",
		},
		{
			name: "config does not match its name",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.config = bytes.Replace(a.config, []byte("10001"), []byte("0"), 1)
				return nil
			},
			wantErr: "digest mismatch",
		},
		{
			name: "huge manifest.json",
			edit: func(_ *legacyArchive, e []tarEntry) []tarEntry {
				e[0].body = "[" + strings.Repeat(" ", maxManifestSize) + "]"
				return e
			},
			wantErr: `archive file "manifest.json" is 4194306 bytes, larger than the limit of 4194304`,
		},
		{
			name: "manifest.json is not JSON",
			edit: func(_ *legacyArchive, e []tarEntry) []tarEntry {
				e[0].body = "{not json"
				return e
			},
			wantErr: "parsing manifest.json",
		},
		{
			name: "no manifest.json",
			edit: func(_ *legacyArchive, e []tarEntry) []tarEntry {
				return e[1:]
			},
			wantErr: `not a docker-archive: archive has no file "manifest.json"`,
		},
		{
			name: "manifest.json lists no image",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.manifest = nil
				return nil
			},
			wantErr: "manifest.json lists no image",
		},
		{
			name: "two images",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.manifest = append(a.manifest, a.manifest[0])
				return nil
			},
			wantErr: "archive holds 2 images",
		},
		{
			name: "config is not JSON",
			edit: func(a *legacyArchive, _ []tarEntry) []tarEntry {
				a.config = []byte("nope")
				a.configHex = sha256Hex(a.config)
				a.manifest[0].Config = a.configHex + ".json"
				return nil
			},
			wantErr: "parsing image config",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newLegacyArchive(t)
			entries := tt.edit(a, a.entries(t))
			if entries == nil {
				entries = a.entries(t)
			}
			path := writeFile(t, "img.tar", tarBytes(t, entries))
			img, err := Open(context.Background(), "docker-archive:"+path, tt.opt)
			if err == nil {
				img.Close()
				t.Fatalf("Open succeeded, want an error containing %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not contain %q", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the archive %q", err, path)
			}
		})
	}
}

// TestOpenArchiveBounded checks the limits on compressed archives, which are
// decompressed to disk: a small limit stops a decompression bomb.
func TestOpenArchiveBounded(t *testing.T) {
	a := newLegacyArchive(t)
	plain := tarBytes(t, a.entries(t))
	tests := []struct {
		name    string
		body    []byte
		wantErr string
	}{
		{"gzip bomb", imagetest.Gzip(t, append(plain, make([]byte, 1<<20)...)), "decompressed archive is larger than the limit of 65536 bytes"},
		{"zstd bomb", imagetest.Zstd(t, append(plain, make([]byte, 1<<20)...)), "decompressed archive is larger than the limit of 65536 bytes"},
		{"truncated gzip", imagetest.Gzip(t, plain)[:100], "decompressing"},
		{"gzip of garbage", imagetest.Gzip(t, []byte("this is not a tar file at all")), "not a tar file"},
		{"plain garbage", bytes.Repeat([]byte("garbage!"), 100), "not a docker-archive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "img", tt.body)
			tmp := t.TempDir()
			img, err := Open(context.Background(), "docker-archive:"+path, Options{TempDir: tmp, MaxArchiveSize: 64 << 10})
			if err == nil {
				img.Close()
				t.Fatalf("Open succeeded, want an error containing %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not contain %q", err, tt.wantErr)
			}
			if left := dirEntries(t, tmp); len(left) != 0 {
				t.Errorf("temp dir not cleaned up: %v", left)
			}
		})
	}
}

// TestOpenArchiveCancelled stops decompression when the context ends.
func TestOpenArchiveCancelled(t *testing.T) {
	a := newLegacyArchive(t)
	path := writeFile(t, "img.tar.gz", imagetest.Gzip(t, tarBytes(t, a.entries(t))))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	img, err := Open(ctx, path, Options{TempDir: t.TempDir()})
	if err == nil {
		img.Close()
		t.Fatal("Open succeeded with a cancelled context")
	}
	if !strings.Contains(err.Error(), context.Canceled.Error()) {
		t.Errorf("error %q does not say the context was cancelled", err)
	}
}
