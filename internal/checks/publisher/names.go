package publisher

import (
	"strings"

	"github.com/google/go-containerregistry/pkg/name"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// maxRef bounds a reference before it is parsed.
const maxRef = 512

// hubRegistries are the names Docker Hub is reached by.
var hubRegistries = map[string]bool{
	"docker.io": true, "index.docker.io": true, "registry-1.docker.io": true, "registry.hub.docker.com": true,
}

// target is one name the image is known by.
type target struct {
	// key and value say where the name was found, for the evidence.
	key, value string
	// registry is the registry host ("docker.io" for Docker Hub).
	registry string
	// ns and repo split a Docker Hub repository path ("library", "nginx").
	ns, repo string
}

// hub reports whether the name is a Docker Hub repository.
func (t target) hub() bool { return t.ns != "" }

// evidence points at the name and, for Docker Hub, at its page.
func (t target) evidence() report.Evidence {
	ev := report.Evidence{ConfigKey: t.key, Value: t.value}
	switch {
	case t.ns == "library":
		ev.Reference = "https://hub.docker.com/_/" + t.repo
	case t.hub():
		ev.Reference = "https://hub.docker.com/r/" + t.ns + "/" + t.repo
	}
	return ev
}

// display is the normalised name ("docker.io/library/nginx").
func (t target) display() string {
	if t.hub() {
		return "docker.io/" + t.ns + "/" + t.repo
	}
	return t.value
}

// targets lists the distinct repositories the image is known by: the
// reference as given, then the tags an archive, layout or engine recorded.
func targets(r facts.Reference) []target {
	var raw [][2]string
	switch {
	case r.Name != "":
		raw = append(raw, [2]string{"reference", r.Name})
	case r.Repository != "":
		raw = append(raw, [2]string{"reference", strings.TrimSuffix(r.Registry+"/"+r.Repository, "/")})
	}
	for _, t := range r.RepoTags {
		raw = append(raw, [2]string{"repoTags", t})
	}
	var out []target
	seen := map[string]bool{}
	for _, kv := range raw {
		t, ok := parseTarget(kv[0], kv[1])
		if !ok || seen[t.registry+"/"+t.ns+"/"+t.repo] {
			continue
		}
		seen[t.registry+"/"+t.ns+"/"+t.repo] = true
		out = append(out, t)
	}
	return out
}

// parseTarget reads a reference as docker does (nginx is
// docker.io/library/nginx). Names that do not parse are skipped.
func parseTarget(key, value string) (target, bool) {
	s := strings.ToLower(strings.TrimSpace(value))
	if s == "" || len(s) > maxRef {
		return target{}, false
	}
	ref, err := name.ParseReference(s, name.WeakValidation)
	if err != nil {
		return target{}, false
	}
	t := target{key: key, value: value, registry: ref.Context().RegistryStr()}
	if !hubRegistries[t.registry] {
		t.repo = ref.Context().RepositoryStr()
		return t, true
	}
	t.registry = "docker.io"
	ns, repo, ok := strings.Cut(ref.Context().RepositoryStr(), "/")
	if !ok || strings.Contains(repo, "/") {
		// Docker Hub repositories have exactly two components.
		return target{}, false
	}
	t.ns, t.repo = ns, repo
	return t, true
}
