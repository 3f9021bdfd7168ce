package secret

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
)

// benchFile is one file of the benchmark's image-like mix.
type benchFile struct {
	entry facts.Entry
	data  []byte
}

// benchMix is a realistic mix of what a layer holds: the project's own Go
// sources and test data (code, configs, scripts), the negative corpus, a
// minified bundle, binaries and compressed data. Secrets are planted in a
// few files so that the verification paths run too. CUSTOMS_SECRET_BENCH_DIR
// replaces the sources with a real root filesystem.
func benchMix(b *testing.B) ([]benchFile, int64) {
	b.Helper()
	var mix []benchFile
	var total int64
	add := func(p string, data []byte, mode fs.FileMode) {
		mix = append(mix, benchFile{facts.Entry{Path: p, Type: facts.TypeFile, Mode: mode, Size: int64(len(data))}, data})
		total += int64(len(data))
	}
	root, prefix := filepath.Join("..", "..", ".."), "src/app/"
	if dir := os.Getenv("CUSTOMS_SECRET_BENCH_DIR"); dir != "" {
		// A real root filesystem, such as a debootstrap tree.
		root, prefix = dir, ""
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || strings.Contains(p, ".git") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil || len(data) > 4<<20 {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		add(prefix+filepath.ToSlash(rel), data, info.Mode().Perm())
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	bundle := bytes.Repeat([]byte(`function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};var apiKey=cfg.apiKey,token=ls.getItem("token");`), 20000)
	add("app/dist/main.min.js", bundle, 0o644)
	elf := append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0x48, 0x89, 0xe5, 0x00, 0x41, 0x57}, 300_000)...)
	add("usr/local/bin/server", elf, 0o755)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bundle)
	zw.Close()
	add("app/assets/data.gz", gz.Bytes(), 0o644)
	add("app/.env", []byte("DB_PASSWORD="+randomString(b, alnum, 24)+"\nGITHUB_TOKEN="+githubPAT(b)+"\n"), 0o644)
	add("root/.ssh/id_ed25519", []byte(openSSHPEM(b, "")), 0o600)
	return mix, total
}

// BenchmarkContent measures the secret checks over the mix as the layer
// pass runs them: Wants on every file, CheckContent on the wanted ones.
// Throughput is over every byte of the mix.
func BenchmarkContent(b *testing.B) {
	mix, total := benchMix(b)
	var checks []check.ContentChecker
	for _, ctor := range Checks() {
		if cc, ok := ctor().(check.ContentChecker); ok {
			checks = append(checks, cc)
		}
	}
	ctx := context.Background()
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		for i := range mix {
			for _, cc := range checks {
				if cc.Wants(&mix[i].entry) {
					if _, err := cc.CheckContent(ctx, &mix[i].entry, mix[i].data); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	}
}

// BenchmarkDecompress is the baseline the secret checks are measured
// against: gunzipping the same bytes, as the layer pass must.
func BenchmarkDecompress(b *testing.B) {
	mix, total := benchMix(b)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for _, f := range mix {
		zw.Write(f.data)
	}
	zw.Close()
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		zr, err := gzip.NewReader(bytes.NewReader(gz.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, zr); err != nil {
			b.Fatal(err)
		}
	}
}
