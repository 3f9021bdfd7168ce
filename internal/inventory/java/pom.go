package java

import (
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// pomPackage reads the Maven coordinates of the pom.properties file at name
// (META-INF/maven/<group>/<artifact>/pom.properties). A missing groupId or
// artifactId is taken from the path, as Maven writes them there too; a
// missing or unresolved version ("${project.version}") yields nothing.
func pomPackage(name string, data []byte) (facts.Package, bool) {
	props := parseProperties(data)
	dirs := strings.Split(strings.TrimPrefix(name, "META-INF/maven/"), "/")
	group, artifact, version := props["groupId"], props["artifactId"], props["version"]
	if group == "" {
		group = dirs[0]
	}
	if artifact == "" {
		artifact = dirs[1]
	}
	if group == "" || artifact == "" || version == "" || strings.Contains(version+group+artifact, "${") {
		return facts.Package{}, false
	}
	return facts.Package{Type: "maven", Name: group + ":" + artifact, Version: version}, true
}
