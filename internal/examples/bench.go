package examples

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"syscall"
	"time"

	"github.com/klauspost/compress/gzip"
	"golang.org/x/sync/errgroup"
)

// Bench times `customs inspect` of the OCI layout in dir against the time to
// only decompress its layers, with the same parallelism, and reports peak
// memory and the time of a second, cached inspection.
func Bench(ctx context.Context, w io.Writer, customs, dir string) error {
	layers, err := layoutLayers(dir)
	if err != nil {
		return err
	}
	var compressed, uncompressed int64
	floorSeq, err := best(3, func() error {
		compressed, uncompressed, err = decompressAll(ctx, layers, 1)
		return err
	})
	if err != nil {
		return err
	}
	floorPar, err := best(3, func() error {
		_, _, err := decompressAll(ctx, layers, runtime.NumCPU())
		return err
	})
	if err != nil {
		return err
	}
	cache, err := os.MkdirTemp("", "customs-bench-cache-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(cache)
	db, err := benchDB(ctx, customs, cache)
	if err != nil {
		return err
	}
	var coldRSS, warmRSS int64
	cold, err := best(3, func() error {
		os.RemoveAll(filepath.Join(cache, "layers"))
		var err error
		coldRSS, err = inspect(ctx, customs, dir, filepath.Join(cache, "layers"), "--db", db)
		return err
	})
	if err != nil {
		return err
	}
	bare, err := best(3, func() error {
		os.RemoveAll(filepath.Join(cache, "layers"))
		_, err := inspect(ctx, customs, dir, filepath.Join(cache, "layers"), "--no-inventory")
		return err
	})
	if err != nil {
		return err
	}
	warm, err := best(3, func() error {
		var err error
		warmRSS, err = inspect(ctx, customs, dir, filepath.Join(cache, "layers"), "--db", db)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "image: %s, %d layers, %.0f MiB compressed, %.0f MiB uncompressed, %d CPUs\n",
		dir, len(layers), mib(compressed), mib(uncompressed), runtime.NumCPU())
	fmt.Fprintf(w, "decompress only, one layer at a time:   %7.2fs\n", floorSeq.Seconds())
	fmt.Fprintf(w, "decompress only, %d layers at a time:    %7.2fs  (floor)\n", runtime.NumCPU(), floorPar.Seconds())
	fmt.Fprintf(w, "customs inspect, cold cache:            %7.2fs  = %.2fx floor (target <= 1.30x), %.2fx sequential decompression\n",
		cold.Seconds(), cold.Seconds()/floorPar.Seconds(), cold.Seconds()/floorSeq.Seconds())
	fmt.Fprintf(w, "  of which inventory and matching:      %7.2fs  = %+.1f%% over --no-inventory (%.2fs; target < 10%%)\n",
		(cold - bare).Seconds(), 100*(cold.Seconds()-bare.Seconds())/bare.Seconds(), bare.Seconds())
	fmt.Fprintf(w, "customs inspect, warm cache:            %7.2fs  (target < 0.50s)\n", warm.Seconds())
	fmt.Fprintf(w, "peak RSS: cold %.0f MiB, warm %.0f MiB (target < 300 MiB)\n", mib(coldRSS), mib(warmRSS))
	return nil
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

// best runs fn n times and returns the fastest run.
func best(n int, fn func() error) (time.Duration, error) {
	var times []time.Duration
	for range n {
		start := time.Now()
		if err := fn(); err != nil {
			return 0, err
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	return times[0], nil
}

// inspect runs customs and returns its peak resident memory in bytes.
func inspect(ctx context.Context, customs, dir, cache string, extra ...string) (int64, error) {
	args := append([]string{"inspect", "oci:" + dir, "--format", "json", "--output", os.DevNull, "--cache-dir", cache, "--quiet", "--offline"}, extra...)
	cmd := exec.CommandContext(ctx, customs, args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			return 0, fmt.Errorf("running %s: %w", customs, err)
		}
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, nil
	}
	return ru.Maxrss * 1024, nil
}

// layoutLayers lists the layer blobs of the single image in an OCI layout.
func layoutLayers(dir string) ([]string, error) {
	var idx struct{ Manifests []descriptor }
	if err := readJSON(filepath.Join(dir, "index.json"), &idx); err != nil {
		return nil, err
	}
	if len(idx.Manifests) != 1 {
		return nil, fmt.Errorf("%s: want one image, found %d", dir, len(idx.Manifests))
	}
	var m struct{ Layers []descriptor }
	if err := readJSON(blobPath(dir, idx.Manifests[0].Digest), &m); err != nil {
		return nil, err
	}
	var out []string
	for _, l := range m.Layers {
		out = append(out, blobPath(dir, l.Digest))
	}
	return out, nil
}

func blobPath(dir, digest string) string {
	return filepath.Join(dir, "blobs", "sha256", digest[len("sha256:"):])
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// decompressAll decompresses every layer to nowhere, parallel at a time.
func decompressAll(ctx context.Context, layers []string, parallel int) (int64, int64, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(parallel)
	sizes := make([][2]int64, len(layers))
	for i, p := range layers {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			st, _ := f.Stat()
			zr, err := gzip.NewReader(bufio.NewReaderSize(f, 256<<10))
			if err != nil {
				return err
			}
			n, err := io.Copy(io.Discard, zr)
			sizes[i] = [2]int64{st.Size(), n}
			return err
		})
	}
	err := g.Wait()
	var c, u int64
	for _, s := range sizes {
		c += s[0]
		u += s[1]
	}
	return c, u, err
}

// benchVulns are vulnerability records the bench matches against, kept in
// the repository for the tests.
const benchVulns = "internal/vulns/testdata/osv-go"

// benchDB imports benchVulns into a database in dir, so that the bench
// measures matching too.
func benchDB(ctx context.Context, customs, dir string) (string, error) {
	db := filepath.Join(dir, "bench-vulns.db")
	cmd := exec.CommandContext(ctx, customs, "db", "import", "--db", db, benchVulns)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("importing %s for the bench: %w\n%s", benchVulns, err, out)
	}
	return db, nil
}
