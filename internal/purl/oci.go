package purl

import (
	"strings"

	packageurl "github.com/package-url/packageurl-go"
)

// OCI returns the package URL of an image: pkg:oci/<name>@<digest> qualified
// with the repository it came from and its tag, where name is the last
// segment of the repository, lower-cased. ref is a fully qualified reference
// ("docker.io/library/nginx:1.27"); OCI returns "" without a digest, since
// an oci URL names content, not a tag.
func OCI(ref, digest string) string {
	if digest == "" {
		return ""
	}
	repo, tag := splitReference(ref)
	name := repo[strings.LastIndexByte(repo, '/')+1:]
	if name == "" {
		return ""
	}
	u := packageurl.PackageURL{
		Type:    packageurl.TypeOCI,
		Name:    strings.ToLower(name),
		Version: digest,
		Qualifiers: packageurl.Qualifiers{
			{Key: "repository_url", Value: repo},
			{Key: "tag", Value: tag},
		},
	}
	if err := u.Normalize(); err != nil {
		return ""
	}
	return u.ToString()
}

// splitReference splits "host:port/path/name:tag@digest" into the repository
// and the tag, if any.
func splitReference(ref string) (repo, tag string) {
	ref, _, _ = strings.Cut(ref, "@")
	slash := strings.LastIndexByte(ref, '/')
	if colon := strings.LastIndexByte(ref, ':'); colon > slash {
		return ref[:colon], ref[colon+1:]
	}
	return ref, ""
}
