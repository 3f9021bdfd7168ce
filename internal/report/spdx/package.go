package spdx

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/spdx/tools-golang/spdx/v2/common"
	"github.com/spdx/tools-golang/spdx/v2/v2_3"

	"github.com/customs-oss/customs/internal/purl"
	"github.com/customs-oss/customs/internal/report"
)

// imageID is the SPDX identifier of the image package.
const imageID = "Image"

// builder collects the packages and relationships of a document.
type builder struct {
	ids           map[common.ElementID]bool
	byPURL        map[string]*v2_3.Package
	byKey         map[string]*v2_3.Package
	packages      []*v2_3.Package
	relationships []*v2_3.Relationship
	licenses      *licenses
}

func newBuilder(r *report.Report) *builder {
	b := &builder{
		ids:      map[common.ElementID]bool{},
		byPURL:   map[string]*v2_3.Package{},
		byKey:    map[string]*v2_3.Package{},
		licenses: newLicenses(),
	}
	b.add(imagePackage(r.Image), "DESCRIBES")
	b.relationships[0].RefA = common.MakeDocElementID("", "DOCUMENT")
	if os := r.Image.OS; os != nil {
		b.add(&v2_3.Package{
			PackageSPDXIdentifier:   common.ElementID("OperatingSystem-" + sanitize(os.ID)),
			PackageName:             os.ID,
			PackageVersion:          os.VersionID,
			PackageDescription:      os.PrettyName,
			PackageDownloadLocation: NoAssertion,
			PrimaryPackagePurpose:   "OPERATING_SYSTEM",
		}, "CONTAINS")
	}
	if r.Inventory != nil {
		pkgs := slices.Clone(r.Inventory.Packages)
		slices.SortFunc(pkgs, report.ComparePackages)
		for _, p := range pkgs {
			b.addPackage(p)
		}
	}
	b.addAdvisories(r.Findings)
	return b
}

// imagePackage is the container image, versioned by its manifest digest.
func imagePackage(img report.Image) *v2_3.Package {
	name := img.Name
	if name == "" {
		name = img.Reference
	}
	p := &v2_3.Package{
		PackageSPDXIdentifier:   imageID,
		PackageName:             name,
		PackageVersion:          img.Digest,
		PackageDownloadLocation: NoAssertion,
		PrimaryPackagePurpose:   "CONTAINER",
		PackageLicenseConcluded: NoAssertion,
		PackageLicenseDeclared:  NoAssertion,
		PackageCopyrightText:    NoAssertion,
	}
	if hexDigest, ok := strings.CutPrefix(img.Digest, "sha256:"); ok {
		p.PackageChecksums = []common.Checksum{{Algorithm: common.SHA256, Value: hexDigest}}
	}
	if u := purl.OCI(img.Name, img.Digest); u != "" {
		p.PackageExternalReferences = []*v2_3.PackageExternalReference{purlRef(u)}
	}
	return p
}

// addPackage adds an installed package, contained in the image.
func (b *builder) addPackage(p report.Package) {
	u := p.PURL
	sum := sha256.Sum256([]byte(strings.Join([]string{p.Type, p.Name, p.Version, p.Path, fmt.Sprint(p.Layer), u}, "\x00")))
	pkg := &v2_3.Package{
		PackageSPDXIdentifier:   common.ElementID(fmt.Sprintf("Package-%s-%s-%s", sanitize(p.Type), sanitize(p.Name), hex.EncodeToString(sum[:8]))),
		PackageName:             p.Name,
		PackageVersion:          p.Version,
		PackageDownloadLocation: NoAssertion,
		PackageLicenseConcluded: NoAssertion,
		PackageLicenseDeclared:  b.licenses.declared(p.Licenses),
		PackageCopyrightText:    NoAssertion,
		PackageSourceInfo:       sourceInfo(p),
		PrimaryPackagePurpose:   "LIBRARY",
	}
	if u != "" {
		pkg.PackageExternalReferences = []*v2_3.PackageExternalReference{purlRef(u)}
		if _, seen := b.byPURL[u]; !seen {
			b.byPURL[u] = pkg
		}
	}
	if k := key(p.Name, p.Version, p.Path); b.byKey[k] == nil {
		b.byKey[k] = pkg
	}
	b.add(pkg, "CONTAINS")
}

// add appends pkg, related to the image (or, for the image, to the document),
// with an identifier made unique if it is taken.
func (b *builder) add(pkg *v2_3.Package, relationship string) {
	id := pkg.PackageSPDXIdentifier
	for n := 2; b.ids[id]; n++ {
		id = common.ElementID(fmt.Sprintf("%s-%d", pkg.PackageSPDXIdentifier, n))
	}
	pkg.PackageSPDXIdentifier = id
	b.ids[id] = true
	b.packages = append(b.packages, pkg)
	b.relationships = append(b.relationships, &v2_3.Relationship{
		RefA:         common.MakeDocElementID("", imageID),
		RefB:         common.MakeDocElementID("", string(id)),
		Relationship: relationship,
	})
}

func purlRef(u string) *v2_3.PackageExternalReference {
	return &v2_3.PackageExternalReference{Category: "PACKAGE-MANAGER", RefType: "purl", Locator: u}
}

// sourceInfo says where customs read the package from.
func sourceInfo(p report.Package) string {
	s := fmt.Sprintf("read from %s in layer %d", p.Path, p.Layer)
	if p.FoundBy != "" {
		s += " by " + p.FoundBy
	}
	if p.Source != "" {
		s += "; built from source package " + p.Source
		if p.SourceVersion != "" {
			s += " " + p.SourceVersion
		}
	}
	return s
}

func key(name, version, path string) string { return name + "\x00" + version + "\x00" + path }

// sanitize keeps the characters an SPDX identifier allows (letters, digits,
// "." and "-"), replacing the others with "-".
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return '-'
	}, s)
}
