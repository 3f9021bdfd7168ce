package provenance

import (
	"encoding/json"
	"fmt"
	"strings"
)

// SLSA provenance predicate types BuildKit writes.
const (
	slsaPrefix = "https://slsa.dev/provenance/"
	slsaV02    = "https://slsa.dev/provenance/v0.2"
	slsaV1     = "https://slsa.dev/provenance/v1"
)

// buildkitMetadata is the key of BuildKit's own metadata in a v0.2
// predicate's metadata; v1 predicates write it as buildkit_metadata.
const (
	buildkitMetadataV02 = "https://mobyproject.org/buildkit@v1#metadata"
	dockerfileFrontend  = "dockerfile.v0"
)

// maxPredicate bounds the predicate parsed; the statement blob holding it
// is bounded by the source to the same size.
const maxPredicate = 4 << 20

// build is what a provenance predicate says about a build.
type build struct {
	BuilderID string
	BuildType string
	// Source and Revision are the repository and commit built from.
	Source   string
	Revision string
	// Frontend is BuildKit's frontend (dockerfile.v0 for a Dockerfile).
	Frontend string
	// Dockerfile is true when the Dockerfile or its build definition is
	// recorded in the predicate.
	Dockerfile bool
}

type configSource struct {
	URI        string            `json:"uri"`
	Digest     map[string]string `json:"digest"`
	EntryPoint string            `json:"entryPoint"`
	Path       string            `json:"path"`
}

type material struct {
	URI    string            `json:"uri"`
	Digest map[string]string `json:"digest"`
}

type buildkitMeta struct {
	VCS struct {
		Source   string `json:"source"`
		Revision string `json:"revision"`
	} `json:"vcs"`
	Source *struct {
		Infos []struct {
			Filename string `json:"filename"`
			Language string `json:"language"`
		} `json:"infos"`
	} `json:"source"`
}

// predicateV02 is the part of a SLSA v0.2 predicate customs reads.
type predicateV02 struct {
	Builder struct {
		ID string `json:"id"`
	} `json:"builder"`
	BuildType  string `json:"buildType"`
	Invocation struct {
		ConfigSource configSource `json:"configSource"`
		Parameters   struct {
			Frontend string `json:"frontend"`
		} `json:"parameters"`
	} `json:"invocation"`
	BuildConfig json.RawMessage            `json:"buildConfig"`
	Metadata    map[string]json.RawMessage `json:"metadata"`
	Materials   []material                 `json:"materials"`
}

// predicateV1 is the part of a SLSA v1 predicate customs reads.
type predicateV1 struct {
	BuildDefinition struct {
		BuildType          string `json:"buildType"`
		ExternalParameters struct {
			ConfigSource configSource `json:"configSource"`
			Request      struct {
				Frontend string `json:"frontend"`
			} `json:"request"`
		} `json:"externalParameters"`
		InternalParameters struct {
			BuildConfig json.RawMessage `json:"buildConfig"`
		} `json:"internalParameters"`
		ResolvedDependencies []material `json:"resolvedDependencies"`
	} `json:"buildDefinition"`
	RunDetails struct {
		Builder struct {
			ID string `json:"id"`
		} `json:"builder"`
		Metadata struct {
			Buildkit *buildkitMeta `json:"buildkit_metadata"`
		} `json:"metadata"`
	} `json:"runDetails"`
}

// parseProvenance reads a SLSA v0.2 or v1 predicate.
func parseProvenance(predicateType string, b []byte) (build, error) {
	if len(b) > maxPredicate {
		return build{}, fmt.Errorf("provenance predicate is larger than %d bytes", maxPredicate)
	}
	switch {
	case predicateType == slsaV02:
		return parseV02(b)
	case strings.HasPrefix(predicateType, slsaV1):
		return parseV1(b)
	}
	return build{}, fmt.Errorf("unsupported provenance predicate type %q", predicateType)
}

func parseV02(b []byte) (build, error) {
	var p predicateV02
	if err := json.Unmarshal(b, &p); err != nil {
		return build{}, fmt.Errorf("parsing SLSA v0.2 provenance: %w", err)
	}
	out := build{
		BuilderID: p.Builder.ID,
		BuildType: p.BuildType,
		Frontend:  p.Invocation.Parameters.Frontend,
	}
	out.Source, out.Revision = fromConfigSource(p.Invocation.ConfigSource)
	var meta *buildkitMeta
	if raw, ok := p.Metadata[buildkitMetadataV02]; ok {
		meta = new(buildkitMeta)
		if err := json.Unmarshal(raw, meta); err != nil {
			return build{}, fmt.Errorf("parsing BuildKit metadata: %w", err)
		}
	}
	fill(&out, meta, p.Materials)
	out.Dockerfile = out.Dockerfile || (len(p.BuildConfig) > 0 && string(p.BuildConfig) != "null")
	return out, nil
}

func parseV1(b []byte) (build, error) {
	var p predicateV1
	if err := json.Unmarshal(b, &p); err != nil {
		return build{}, fmt.Errorf("parsing SLSA v1 provenance: %w", err)
	}
	d := p.BuildDefinition
	out := build{
		BuilderID: p.RunDetails.Builder.ID,
		BuildType: d.BuildType,
		Frontend:  d.ExternalParameters.Request.Frontend,
	}
	out.Source, out.Revision = fromConfigSource(d.ExternalParameters.ConfigSource)
	fill(&out, p.RunDetails.Metadata.Buildkit, d.ResolvedDependencies)
	bc := d.InternalParameters.BuildConfig
	out.Dockerfile = out.Dockerfile || (len(bc) > 0 && string(bc) != "null")
	return out, nil
}

// fill completes the source, revision and Dockerfile from BuildKit's
// metadata and from a git material, where the config source gave none.
func fill(out *build, meta *buildkitMeta, materials []material) {
	if meta != nil {
		if out.Source == "" {
			out.Source = meta.VCS.Source
		}
		if out.Revision == "" {
			out.Revision = meta.VCS.Revision
		}
		if meta.Source != nil {
			for _, info := range meta.Source.Infos {
				if strings.EqualFold(info.Language, "dockerfile") {
					out.Dockerfile = true
				}
			}
		}
	}
	if out.Source == "" {
		for _, m := range materials {
			if isGit(m.URI) {
				out.Source, out.Revision = fromConfigSource(configSource{URI: m.URI, Digest: m.Digest})
				break
			}
		}
	}
	out.Dockerfile = out.Dockerfile || out.Frontend == dockerfileFrontend
}

// fromConfigSource splits a git config source into repository and commit:
// "https://github.com/o/r.git#refs/heads/main" with digest sha1:abc.
func fromConfigSource(cs configSource) (source, revision string) {
	if cs.URI == "" {
		return "", ""
	}
	revision = cs.Digest["sha1"]
	if revision == "" {
		revision = cs.Digest["gitCommit"]
	}
	source, _, _ = strings.Cut(cs.URI, "#")
	return source, revision
}

// isGit reports whether a material URI names a git repository.
func isGit(uri string) bool {
	return strings.HasPrefix(uri, "git+") || strings.HasPrefix(uri, "git@") || strings.HasPrefix(uri, "git://") ||
		strings.Contains(uri, ".git#") || strings.HasSuffix(uri, ".git")
}
