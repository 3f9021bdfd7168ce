package java

import (
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// fallback names an archive that holds no pom.properties. The version is
// the manifest's Implementation-Version or Bundle-Version, else the one in
// the file name ("commons-io-2.11.0.jar"); the name is
// "<Implementation-Vendor-Id>:<artifact>" when the manifest gives a vendor
// id, else the artifact alone, the artifact being the file name without
// its version. Path says where the version was read: the manifest
// ("x.jar!META-INF/MANIFEST.MF") or the archive itself. An archive without
// any version yields nothing: there is nothing to match it against.
func fallback(name string, manifest []byte) (facts.Package, bool) {
	artifact, version := splitFileName(path.Base(name))
	p := facts.Package{Type: "maven", Name: artifact, Version: version, Path: name}
	m := parseManifest(manifest)
	if group := m["Implementation-Vendor-Id"]; group != "" {
		p.Name = group + ":" + artifact
	}
	for _, key := range []string{"Implementation-Version", "Bundle-Version"} {
		if v := m[key]; v != "" && !strings.Contains(v, "${") {
			p.Version, p.Path = v, name+"!META-INF/MANIFEST.MF"
			break
		}
	}
	return p, p.Version != "" && artifact != ""
}

// splitFileName cuts an archive's file name into artifact and version at
// the first "-" followed by a digit: "commons-lang3-3.12.0.jar" is
// commons-lang3 at 3.12.0, "guava.jar" guava without a version.
func splitFileName(base string) (artifact, version string) {
	stem := strings.TrimSuffix(base, path.Ext(base))
	for i := 0; i+1 < len(stem); i++ {
		if stem[i] == '-' && stem[i+1] >= '0' && stem[i+1] <= '9' {
			return stem[:i], stem[i+1:]
		}
	}
	return stem, ""
}
