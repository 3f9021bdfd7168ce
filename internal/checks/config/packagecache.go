package config

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var packageCacheInfo = check.Info{
	ID:       "config/package-cache",
	Version:  1,
	Title:    "Package manager cache left in a layer",
	Severity: report.SeverityLow,
	Item:     report.ItemBase,
	Description: "A build step installs packages and leaves the package manager's cache in its layer: apt lists " +
		"(`/var/lib/apt/lists`), apk indexes (`/var/cache/apk`), yum/dnf/zypper/pacman caches, or pip's wheel cache. " +
		"When the layer is available the check confirms the cache files are in it and says how much they weigh; " +
		"otherwise it reads the step for the cleanup (`rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, " +
		"`yum clean all`, `pip install --no-cache-dir`). Deleting the cache in a later step does not help: the " +
		"earlier layer still ships it.",
	Remediation: "Clean up in the same RUN step that installs: `apt-get install ... && rm -rf /var/lib/apt/lists/*`, " +
		"`apk add --no-cache`, `dnf install ... && dnf clean all`, `pip install --no-cache-dir`.",
	References: []string{"https://docs.docker.com/build/building/best-practices/#apt-get"},
}

func packageCache() check.Constructor {
	return check.Image(packageCacheInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		cfg, err := runConfig(img)
		if err != nil {
			return nil, err
		}
		pipNoCache := false
		for _, kv := range cfg.Env {
			if strings.HasPrefix(kv, "PIP_NO_CACHE_DIR=") {
				pipNoCache = true
			}
		}
		var out []report.Finding
		for _, src := range buildScripts(img) {
			st := src.step
			for _, u := range cacheUses(src.script, pipNoCache) {
				cache := caches[u.family]
				ev := stepEvidence(img, st.index, u.text)
				var msg string
				if layer := layerAt(img, derefOr(ev.Layer)); ev.Layer != nil && layer != nil && layer.Facts != nil {
					n, size := cacheFiles(layer.Facts, cache.dirs)
					if n == 0 {
						continue
					}
					ev.Path = "/" + strings.TrimSuffix(cache.dirs[0], "/")
					msg = fmt.Sprintf("step %d installs packages with %s and leaves %s in layer %d (%d files, %s)", st.index, u.tool, cache.what, layer.Index, n, report.HumanSize(size))
				} else if !u.cleaned {
					msg = fmt.Sprintf("step %d installs packages with %s without %s in the same step", st.index, u.tool, cache.cleanup)
				} else {
					continue
				}
				out = append(out, info.New(msg, ev))
			}
		}
		return out, nil
	})
}

func derefOr(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// cacheFiles counts the files under dirs in a layer, and their size.
func cacheFiles(lf *facts.LayerFacts, dirs []string) (int, int64) {
	n, size := 0, int64(0)
	for _, e := range lf.Entries {
		if e.Type != facts.TypeFile {
			continue
		}
		for _, d := range dirs {
			if strings.HasPrefix(e.Path, d) || (strings.HasPrefix(d, "*/") && strings.Contains(e.Path, d[1:])) {
				if !cacheNoise(e.Path) {
					n++
					size += e.Size
				}
				break
			}
		}
	}
	return n, size
}

// cacheNoise are files a package manager keeps even when its cache is
// clean: apt's lock and the directory of partial downloads.
func cacheNoise(p string) bool {
	return strings.HasSuffix(p, "/lock") || strings.Contains(p, "/partial/")
}
