package cyclonedx

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/customs-oss/customs/internal/report"
)

// components collects the BOM's components and gives each a unique bom-ref:
// its package URL, or a stable hash when the URL is missing or already
// taken (the same package installed at two paths).
type components struct {
	byRef map[string]int
	byKey map[string]string
	all   []cdx.Component
}

func newComponents(r *report.Report) *components {
	c := &components{byRef: map[string]int{}, byKey: map[string]string{}}
	if r.Image.OS != nil {
		c.addOS(*r.Image.OS)
	}
	if r.Inventory != nil {
		pkgs := slices.Clone(r.Inventory.Packages)
		slices.SortFunc(pkgs, report.ComparePackages)
		for _, p := range pkgs {
			c.addPackage(p)
		}
	}
	return c
}

// list returns the components in the order they were added.
func (c *components) list() []cdx.Component { return c.all }

func (c *components) addOS(os report.OS) {
	c.add(cdx.Component{
		Type:        cdx.ComponentTypeOS,
		Name:        os.ID,
		Version:     os.VersionID,
		Description: os.PrettyName,
	}, "os:"+os.ID+"@"+os.VersionID, "")
}

func (c *components) addPackage(p report.Package) string {
	id := p.PURL
	var props []cdx.Property
	layer := ""
	if p.Layer >= 0 {
		layer = strconv.Itoa(p.Layer)
	}
	for _, kv := range [][2]string{
		{"layer", layer},
		{"path", p.Path},
		{"foundBy", p.FoundBy},
		{"source", p.Source},
		{"sourceVersion", p.SourceVersion},
		{"arch", p.Arch},
	} {
		if kv[1] != "" {
			props = append(props, cdx.Property{Name: "customs:" + kv[0], Value: kv[1]})
		}
	}
	comp := cdx.Component{
		Type:       cdx.ComponentTypeLibrary,
		Name:       p.Name,
		Version:    p.Version,
		PackageURL: id,
		Licenses:   licenses(p.Licenses),
	}
	if len(props) > 0 {
		comp.Properties = &props
	}
	return c.add(comp, id, key(p.Name, p.Version, p.Path))
}

// add appends comp under ref, or a hash of it when ref is empty or taken,
// and remembers it under key for the vulnerabilities to find.
func (c *components) add(comp cdx.Component, ref, key string) string {
	if _, taken := c.byRef[ref]; ref == "" || taken {
		sum := sha256.Sum256([]byte(ref + "\x00" + key + "\x00" + strconv.Itoa(len(c.all))))
		ref = "customs:" + hex.EncodeToString(sum[:8])
	}
	comp.BOMRef = ref
	c.byRef[ref] = len(c.all)
	if _, seen := c.byKey[key]; key != "" && !seen {
		c.byKey[key] = ref
	}
	c.all = append(c.all, comp)
	return ref
}

// ref finds the component a vulnerability affects: by package URL, then by
// name, version and path. Packages the inventory does not list (a report
// without one) are added from the vulnerability's evidence.
func (c *components) ref(v *report.Vulnerability, ev report.Evidence) string {
	path, layer := ev.Path, -1
	if ev.Layer != nil {
		layer = *ev.Layer
	}
	if _, ok := c.byRef[v.PURL]; ok && v.PURL != "" {
		return v.PURL
	}
	if ref, ok := c.byKey[key(v.Package, v.Installed, path)]; ok {
		return ref
	}
	return c.addPackage(report.Package{Name: v.Package, Version: v.Installed, Source: v.Source, PURL: v.PURL, Path: path, Layer: layer})
}

func key(name, version, path string) string { return name + "\x00" + version + "\x00" + path }
