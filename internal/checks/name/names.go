package name

import (
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// named is a name the image is known by and where it was found.
type named struct{ key, value string }

// names lists the names of the image worth judging: the reference as
// understood, when it names a registry, and the recorded tags. An OCI
// layout's ref.name is often a bare tag ("latest", "1.0"); only one that
// carries a repository (a slash or a colon) is a name.
func names(r facts.Reference) []named {
	var out []named
	switch {
	case r.Name != "":
		out = append(out, named{"reference", r.Name})
	case r.Registry != "" && r.Repository != "":
		out = append(out, named{"reference", r.Registry + "/" + r.Repository})
	}
	for _, t := range r.RepoTags {
		t = strings.TrimSpace(t)
		if t == "" || r.Source == "oci" && !strings.ContainsAny(t, "/:") {
			continue
		}
		out = append(out, named{"repoTags", t})
	}
	return out
}
