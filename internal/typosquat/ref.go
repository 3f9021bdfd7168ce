package typosquat

import (
	"fmt"
	"strings"
)

// maxRefLen bounds a reference; docker's own limit on a name is 255 bytes.
const maxRefLen = 512

// hubHosts are the names Docker Hub is reached by.
var hubHosts = map[string]bool{
	"docker.io": true, "index.docker.io": true, "registry-1.docker.io": true, "registry.hub.docker.com": true,
}

// Ref is a reference split into the parts the detector judges.
type Ref struct {
	// Host is the registry host, lower case, without port; "docker.io" for
	// Docker Hub however it was written.
	Host string
	// Written is the host as written, before Docker Hub aliases are folded.
	Written string
	// Hub is true for Docker Hub.
	Hub bool
	// Namespace is the first path component ("library" for Docker Hub names
	// of one component; empty elsewhere for names of one component).
	Namespace string
	// Name is the last path component.
	Name string
	// Path is the whole repository path ("library/nginx").
	Path string
}

// String returns the reference in its canonical form, without tag.
func (r Ref) String() string { return r.Host + "/" + r.Path }

// Parse splits a reference ("nginx", "ghcr.io/owner/app:1.0",
// "docker.io/library/nginx@sha256:...") as docker does: the first component is
// a host when it has a dot or a colon or is localhost. It lower-cases the
// reference and accepts characters docker would refuse (a name in an archive
// is not validated), so that lookalike letters can be judged.
func Parse(ref string) (Ref, error) {
	if len(ref) > maxRefLen {
		return Ref{}, fmt.Errorf("reference is %d bytes, more than %d", len(ref), maxRefLen)
	}
	s := strings.ToLower(strings.TrimSpace(ref))
	if i := strings.IndexByte(s, '@'); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, ':'); i > strings.LastIndexByte(s, '/') {
		s = s[:i]
	}
	parts := strings.Split(s, "/")
	for _, p := range parts {
		if p == "" || strings.ContainsAny(p, " \t\r\n") {
			return Ref{}, fmt.Errorf("reference %q has an empty or blank component", ref)
		}
	}
	r := Ref{Host: "docker.io", Written: "docker.io"}
	if len(parts) > 1 && (strings.ContainsAny(parts[0], ".:") || parts[0] == "localhost") {
		host, _, _ := strings.Cut(parts[0], ":")
		r.Host, r.Written = host, host
		parts = parts[1:]
	}
	r.Hub = hubHosts[r.Host]
	if r.Hub {
		r.Host = "docker.io"
		if len(parts) == 1 {
			parts = []string{"library", parts[0]}
		}
	}
	if len(parts) > 1 {
		r.Namespace = parts[0]
	}
	r.Name = parts[len(parts)-1]
	r.Path = strings.Join(parts, "/")
	return r, nil
}
