package binary

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// chunky yields its data in reads of random sizes up to max, so that the
// scanner meets every kind of boundary.
type chunky struct {
	data []byte
	rnd  *rand.Rand
	max  int
}

func (c *chunky) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), len(c.data), 1+c.rnd.IntN(c.max))
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

// stream runs the streamer on data read in random chunks.
func stream(t testing.TB, data []byte, seed uint64, max int) ([]facts.Package, error) {
	t.Helper()
	r := &chunky{data: data, rnd: rand.New(rand.NewPCG(seed, 1)), max: max}
	return New().Stream(context.Background(), &facts.Entry{Path: "usr/bin/x", Size: int64(len(data)), Mode: 0o755}, r)
}

// writeModule writes files under dir.
func writeModule(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// goBuild builds the main module in dir into a binary named out with extra
// environment and flags, skipping the test when the toolchain or the
// module proxy is unavailable.
func goBuild(t testing.TB, dir, out string, env []string, flags ...string) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go toolchain")
	}
	bin := filepath.Join(t.TempDir(), out)
	cmd := exec.Command(goCmd, append(append([]string{"build", "-o", bin}, flags...), ".")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"GOFLAGS=-mod=mod -buildvcs=false", "GOSUMDB=off", "GOWORK=off"}, env...)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot build a test binary (offline?): %v\n%s", err, b)
	}
	return bin
}

// fakeGoHeader returns a Go 1.18 build info blob for version vers and the
// module info lines mod, framed as the linker frames them.
func fakeGoHeader(vers, mod string) []byte {
	var b bytes.Buffer
	b.Write(goMagic)
	b.Write([]byte{8, flagsInline})
	b.Write(make([]byte, 16))
	framed := "0123456789abcdef" + mod + "0123456789abcdef"
	b.Write(binary.AppendUvarint(nil, uint64(len(vers))))
	b.WriteString(vers)
	b.Write(binary.AppendUvarint(nil, uint64(len(framed))))
	b.WriteString(framed)
	return b.Bytes()
}

// zlibOf compresses data at the best level, as cargo-auditable does.
func zlibOf(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := zlib.NewWriterLevel(&b, zlib.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fakeELF returns size bytes of noise starting with the ELF magic, with
// blob written at offset at.
func fakeELF(size, at int, blob []byte, seed uint64) []byte {
	b := make([]byte, size)
	rnd := rand.New(rand.NewPCG(seed, 2))
	for i := range b {
		b[i] = byte(rnd.UintN(256))
	}
	copy(b, "\x7fELF")
	copy(b[at:], blob)
	return b
}
