// Package scan runs an inspection: it opens the image, makes the single pass
// over each layer (in parallel, cached by diffID), merges the layers, runs the
// checks and builds the report with its verdict.
package scan

import (
	"context"
	"runtime"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/cache"
	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory"
	"github.com/customs-oss/customs/internal/osrelease"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/source"
	"github.com/customs-oss/customs/internal/surface"
	"github.com/customs-oss/customs/internal/walk"
)

// Options configure an inspection.
type Options struct {
	Source source.Options
	Walk   walk.Options
	// CacheDir holds cached layer facts; empty disables the cache.
	CacheDir string
	// Checks are the checks to run; each scan constructs them afresh.
	Checks []check.Constructor
	// Parallel is how many layers are read at once; 0 means one per CPU.
	Parallel int
	Policy   report.Policy
	// Now is the clock, injected so that reports are reproducible.
	Now func() time.Time
	// Timestamp adds the generation time to the report.
	Timestamp bool
	Version   string
	// Progress, when set, is told as each layer finishes.
	Progress func(Progress)
	// Warn, when set, is told of problems that do not change the result,
	// such as a cache that cannot be written.
	Warn func(error)
	// Inventory reads the packages installed in the image during the layer
	// pass; an empty set lists none.
	Inventory inventory.Set
	// Env is lent to the checks that reach beyond the image (Docker Hub).
	// Its zero value allows no network access; a zero Now is filled from
	// the clock above.
	Env check.Env
}

// Progress reports the state of the layer pass.
type Progress struct {
	Layer, Layers int
	Digest        string
	Cached        bool
}

// Inspect opens ref and inspects it.
func Inspect(ctx context.Context, ref string, opt Options) (*report.Report, error) {
	src, err := source.Open(ctx, ref, opt.Source)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	return Run(ctx, src, opt)
}

// Run inspects an opened image.
func Run(ctx context.Context, src *source.Image, opt Options) (*report.Report, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	set := newCheckSet(opt.Checks)
	env := opt.Env
	if env.Now.IsZero() {
		env.Now = opt.Now()
	}
	if env.Shared == nil {
		env.Shared = &check.Shared{}
	}
	set.setEnv(env)
	img, err := analyse(ctx, src, set, opt)
	if err != nil {
		return nil, err
	}
	findings, statuses := set.run(ctx, img)
	report.SortFindings(findings)
	r := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "customs", Version: opt.Version},
		Image:         describe(img, opt.Now()),
		Findings:      findings,
		Checks:        statuses,
		Verdict:       opt.Policy.Decide(findings),
		Inventory:     describeInventory(img, !opt.Inventory.Empty()),
	}
	if r.Findings == nil {
		r.Findings = []report.Finding{}
	}
	if opt.Timestamp {
		r.GeneratedAt = opt.Now().UTC().Format(time.RFC3339)
	}
	return r, nil
}

// analyse makes the layer pass and merges its results into image facts.
func analyse(ctx context.Context, src *source.Image, set *checkSet, opt Options) (*facts.Image, error) {
	img := &facts.Image{
		Ref:              src.Ref,
		Digest:           src.Digest,
		IndexDigest:      src.IndexDigest,
		Platform:         src.Platform,
		Platforms:        src.Platforms,
		MediaType:        src.MediaType,
		ManifestSize:     src.ManifestSize,
		IndexMediaType:   src.IndexMediaType,
		IndexSize:        src.IndexSize,
		ConfigID:         src.ConfigID,
		Manifest:         src.Manifest,
		Config:           src.Config,
		IndexManifest:    src.IndexManifest,
		Attestations:     src.Attestations,
		Referrers:        src.Referrers,
		ProvenanceErrors: src.ProvenanceErrors,
		Layers:           make([]facts.Layer, len(src.Layers)),
		Now:              opt.Now(),
	}
	steps := layerSteps(src.Config, len(src.Layers))
	for i, l := range src.Layers {
		img.Layers[i] = facts.Layer{
			Index:          i,
			Digest:         l.Digest.String(),
			DiffID:         l.DiffID.String(),
			MediaType:      l.MediaType,
			CompressedSize: l.Size,
			HistoryStep:    steps[i],
		}
		if l.Digest.Hex == "" {
			img.Layers[i].Digest = ""
		}
		if s := steps[i]; s >= 0 {
			img.Layers[i].CreatedBy = src.Config.History[s].CreatedBy
		}
	}
	wopt := opt.Walk
	wopt.Content = set.content
	wopt.Collect = collect
	wopt.Inventory = opt.Inventory
	c, err := cache.Open(opt.CacheDir, set.cacheKey(opt.Inventory))
	if err != nil {
		return nil, err
	}
	parallel := opt.Parallel
	if parallel <= 0 {
		parallel = runtime.NumCPU()
	}
	if err := readLayers(ctx, src, img, c, wopt, parallel, opt.Progress, opt.Warn); err != nil {
		return nil, err
	}
	img.FS = facts.NewFS()
	for i := range img.Layers {
		img.FS.Apply(i, img.Layers[i].Facts)
	}
	img.Packages, img.RemovedPackages, img.InventoryErrors = installed(img)
	img.InventoryTaken = !opt.Inventory.Empty()
	img.OS = osrelease.Detect(img)
	img.Surface = surface.Find(img.FS)
	return img, nil
}

// layerSteps maps each layer to the history step that made it: the steps
// without empty_layer, in order. When the history does not add up, -1.
func layerSteps(cfg *v1.ConfigFile, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	var steps []int
	for i, h := range cfg.History {
		if !h.EmptyLayer {
			steps = append(steps, i)
		}
	}
	if len(steps) != n {
		return out
	}
	copy(out, steps)
	return out
}
