package knownbad

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-containerregistry/pkg/name"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var imageInfo = check.Info{
	ID:       "knownbad/image",
	Version:  1,
	Title:    "Repository reported as malicious",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Compares the image's name, and every tag an archive or the engine records for it, with the Docker Hub " +
		"accounts and repositories publicly reported as malicious (cryptominers, worms, backdoors), after the " +
		"normalisation docker applies (docker123321/mysql is docker.io/docker123321/mysql). An account entry " +
		"covers every repository of that account.",
	Remediation: "Do not run the image. Remove it from hosts and registries that pulled it, look for its containers " +
		"and for what they changed, and use an official or verified image instead.",
	References: []string{
		"https://github.com/docker/hub-feedback/issues",
		"https://www.aquasec.com/blog/supply-chain-threats-using-container-images/",
		"https://unit42.paloaltonetworks.com/malicious-cryptojacking-images/",
	},
}

// hubRegistries are the names Docker Hub is reached by.
var hubRegistries = map[string]bool{
	"docker.io": true, "index.docker.io": true, "registry-1.docker.io": true, "registry.hub.docker.com": true,
}

func image() check.Constructor {
	return func() check.Check {
		tsv, err := gunzip("known-malicious-images.tsv", imagesGz)
		if err != nil {
			return imageCheck{err: err}
		}
		list, err := parseImages(tsv)
		return imageCheck{list: list, err: err}
	}
}

type imageCheck struct {
	list imageList
	err  error
}

func (imageCheck) Info() check.Info { return imageInfo }

func (c imageCheck) CheckImage(_ context.Context, img *facts.Image) ([]report.Finding, error) {
	if c.err != nil {
		return nil, c.err
	}
	var out []report.Finding
	seen := map[string]bool{}
	for _, ref := range names(img.Ref) {
		repo, ok := hubRepository(ref.value)
		if !ok || seen[repo] {
			continue
		}
		b, ok := c.list.match(repo)
		if !ok {
			continue
		}
		seen[repo] = true
		scope := "the repository"
		if strings.HasSuffix(b.Ref, "/*") {
			scope = "every repository of the account"
		}
		msg := fmt.Sprintf("%s is docker.io/%s: %s %s was publicly reported as malicious (%s; reported by %s)",
			ref.value, repo, scope, b.Ref, b.What, b.Reported)
		out = append(out, imageInfo.New(msg, report.Evidence{ConfigKey: ref.key, Value: ref.value, Reference: b.Reported}))
	}
	return out, nil
}

// named is a name the image is known by and where it was found.
type named struct{ key, value string }

// names lists the names of the image: the reference as understood, and the
// tags recorded by an archive, a layout or the engine.
func names(r facts.Reference) []named {
	var out []named
	switch {
	case r.Name != "":
		out = append(out, named{"reference", r.Name})
	case r.Repository != "":
		out = append(out, named{"reference", strings.TrimSuffix(r.Registry+"/"+r.Repository, "/")})
	}
	for _, t := range r.RepoTags {
		out = append(out, named{"repoTags", t})
	}
	return out
}

// hubRepository returns "namespace/repo" when ref names a Docker Hub
// repository, compared in lower case as docker normalises it.
func hubRepository(ref string) (string, bool) {
	ref = strings.ToLower(strings.TrimSpace(ref))
	if ref == "" || len(ref) > 512 {
		return "", false
	}
	r, err := name.ParseReference(ref, name.WeakValidation)
	if err != nil {
		return "", false
	}
	if !hubRegistries[r.Context().RegistryStr()] {
		return "", false
	}
	return r.Context().RepositoryStr(), true
}
