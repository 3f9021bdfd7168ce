package scan

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// pkgKey identifies a package across layers: the same name read from the
// same metadata file is the same installation, whatever its version.
type pkgKey struct {
	typ, name, path string
}

// installed merges the packages the layers' metadata listed into what the
// final filesystem has installed: a package counts when the file it was read
// from is the one the final filesystem shows, from the same layer. One an
// earlier layer listed that the final metadata no longer lists was removed,
// by the layer that deleted or rewrote its file.
func installed(img *facts.Image) ([]facts.Package, []facts.RemovedPackage, []string) {
	var (
		out    []facts.Package
		gone   []facts.RemovedPackage
		errs   []string
		hidden map[layerPath]int
	)
	final := map[pkgKey]bool{}
	for i := range img.Layers {
		lf := img.Layers[i].Facts
		if lf == nil {
			continue
		}
		for _, e := range lf.InventoryErrors {
			errs = append(errs, fmt.Sprintf("layer %d: %s", i, e))
		}
		for _, p := range lf.Packages {
			p.Layer = i
			// A package read inside an archive ("app.war!WEB-INF/lib/x.jar")
			// survives with the archive.
			file, _, _ := strings.Cut(p.Path, "!")
			if f, ok := img.FS.Stat(file); ok && f.Layer == i && f.Type == facts.TypeFile {
				out = append(out, p)
				final[pkgKey{p.Type, p.Name, p.Path}] = true
				continue
			}
			if hidden == nil {
				hidden = hiddenIndex(img.FS)
			}
			by, ok := hidden[layerPath{i, file}]
			if !ok {
				by = -1
			}
			gone = append(gone, facts.RemovedPackage{Package: p, RemovedBy: by})
		}
	}
	removed := gone[:0]
	seen := map[pkgKey]bool{}
	for j := len(gone) - 1; j >= 0; j-- {
		g := gone[j]
		k := pkgKey{g.Type, g.Name, g.Path}
		if final[k] || seen[k] {
			continue
		}
		seen[k] = true
		removed = append(removed, g)
	}
	slices.SortFunc(out, comparePackages)
	slices.SortFunc(removed, func(a, b facts.RemovedPackage) int { return comparePackages(a.Package, b.Package) })
	return out, removed, errs
}

// comparePackages orders packages by type, name, version and path.
func comparePackages(a, b facts.Package) int {
	return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Name, b.Name),
		cmp.Compare(a.Version, b.Version), cmp.Compare(a.Path, b.Path))
}
