package scan

import (
	"context"
	"fmt"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/customs-oss/customs/internal/cache"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/source"
	"github.com/customs-oss/customs/internal/walk"
)

// readLayers fills in the facts of every layer, from the cache or by one pass
// over the blob, several layers at a time. The same diffID appearing twice in
// an image is read once.
func readLayers(ctx context.Context, src *source.Image, img *facts.Image, c *cache.Cache, wopt walk.Options, parallel int, progress func(Progress), warn func(error)) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(parallel)
	var (
		mu   sync.Mutex
		done int
		seen = map[string]*facts.LayerFacts{}
	)
	report := func(i int, cached bool) {
		if progress == nil {
			return
		}
		mu.Lock()
		done++
		p := Progress{Layer: done, Layers: len(img.Layers), Digest: img.Layers[i].Digest, Cached: cached}
		mu.Unlock()
		progress(p)
	}
	var dups []int
	for i := range img.Layers {
		l := &img.Layers[i]
		if lf, ok := c.Get(l.DiffID); ok {
			l.Facts, l.Cached = lf, true
			report(i, true)
			continue
		}
		if _, ok := seen[l.DiffID]; ok {
			dups = append(dups, i)
			continue
		}
		seen[l.DiffID] = nil
		sl := src.Layers[i]
		g.Go(func() error {
			lf, err := walk.Layer(gctx, walk.Blob{Open: sl.Open, Digest: sl.Digest, Size: sl.Size, DiffID: sl.DiffID}, wopt)
			if err != nil {
				return fmt.Errorf("layer %d (%s): %w", i, layerName(l), err)
			}
			l.Facts = lf
			if err := c.Put(lf); err != nil && warn != nil {
				// A cache that cannot be written slows the next run; it does
				// not make this one wrong.
				warn(err)
			}
			report(i, false)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for _, i := range dups {
		for j := range img.Layers {
			if j != i && img.Layers[j].DiffID == img.Layers[i].DiffID && img.Layers[j].Facts != nil {
				img.Layers[i].Facts = img.Layers[j].Facts
				break
			}
		}
		report(i, true)
	}
	return nil
}

func layerName(l *facts.Layer) string {
	if l.Digest != "" {
		return l.Digest
	}
	return l.DiffID
}
