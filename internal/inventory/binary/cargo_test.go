package binary

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
	"github.com/customs-oss/customs/internal/walk"
)

// auditableELF adds a ".dep-v0" section holding deps, zlib-compressed, to
// a copy of a real executable, as cargo-auditable does at link time.
func auditableELF(t *testing.T, deps string) []byte {
	t.Helper()
	objcopy, err := exec.LookPath("objcopy")
	if err != nil {
		t.Skip("no objcopy")
	}
	dir := t.TempDir()
	sec := filepath.Join(dir, "deps.zlib")
	if err := os.WriteFile(sec, zlibOf(t, []byte(deps)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "tool")
	cmd := exec.Command(objcopy, "--add-section", ".dep-v0="+sec, "--set-section-flags", ".dep-v0=noload,readonly", "/bin/true", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("objcopy: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestCargoAuditableELF(t *testing.T) {
	data := auditableELF(t, cargoDeps)
	for seed := range uint64(3) {
		got, err := stream(t, data, seed, 1<<(5*seed+3))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(cargoPackages, got); diff != "" {
			t.Errorf("seed %d (-want +got):\n%s", seed, diff)
		}
	}
}

func TestCargoRejects(t *testing.T) {
	for _, tc := range []struct {
		name, deps string
		wantErr    bool
	}{
		{name: "not the schema", deps: `{"format":1,"packages":"adler"}`, wantErr: true},
		{name: "no crates", deps: `{"packages":[]}`, wantErr: true},
		{name: "dependency out of range", deps: `{"packages":[{"name":"a","version":"1.0.0","source":"crates.io","dependencies":[3]}]}`, wantErr: true},
		{name: "no version", deps: `{"packages":[{"name":"a","source":"crates.io"}]}`, wantErr: true},
		{name: "other JSON", deps: `{"name":"a","version":"1.0.0"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := stream(t, auditableELF(t, tc.deps), 1, 4096)
			if (err != nil) != tc.wantErr || got != nil {
				t.Errorf("Stream = %+v, %v; want no packages and error %v", got, err, tc.wantErr)
			}
		})
	}
}

// TestLayer runs the streamer in the layer pass, on the files an image
// would hold.
func TestLayer(t *testing.T) {
	elf := auditableELF(t, cargoDeps)
	goBin := fakeELF(64<<10, 4096, fakeGoHeader("go1.21.3", fakeMod), 3)
	layer := imagetest.Layer(t,
		imagetest.File{Path: "usr/local/bin/gzcat", Content: string(elf), Mode: 0o755},
		imagetest.File{Path: "app/tool", Content: string(goBin), Mode: 0o755},
		imagetest.File{Path: "usr/share/doc/tool.txt", Content: string(goBin), Mode: 0o644},
	)
	b := walk.Blob{
		Open:   layer.Compressed,
		Digest: must(t, layer.Digest),
		Size:   must(t, layer.Size),
		DiffID: must(t, layer.DiffID),
	}
	opt := walk.DefaultOptions()
	opt.Inventory = inventory.Set{Streamers: []inventory.Streamer{New()}}
	lf, err := walk.Layer(context.Background(), b, opt)
	if err != nil {
		t.Fatal(err)
	}
	var want []facts.Package
	for _, p := range cargoPackages {
		p.Path, p.Via = "usr/local/bin/gzcat", "binary"
		want = append(want, p)
	}
	for _, p := range fakeModPackages {
		p.Path, p.Via = "app/tool", "binary"
		want = append(want, p)
	}
	if diff := cmp.Diff(want, lf.Packages); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(lf.InventoryErrors) != 0 {
		t.Errorf("errors: %q", lf.InventoryErrors)
	}
}

func must[T any](t *testing.T, f func() (T, error)) T {
	t.Helper()
	v, err := f()
	if err != nil {
		t.Fatal(err)
	}
	return v
}
