// Package pin finds container image references in Dockerfiles, compose files
// and Kubernetes manifests, resolves each to the digest a registry serves for
// it, rewrites the files to pinned references and keeps a lock file so that a
// moved tag is noticed.
package pin

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// MaxFileSize bounds every file pin reads: Dockerfiles, YAML and lock files.
const MaxFileSize = 4 << 20

// Kinds of file pin understands.
const (
	KindDockerfile = "dockerfile"
	KindYAML       = "yaml"
)

// Ref is one image reference found in a file.
type Ref struct {
	// Line is the 1-based line of the reference text.
	Line int
	// Text is the reference as the builder sees it, ARGs substituted.
	Text string
	// Start and End are the byte range of the literal reference in the file,
	// or -1 when it cannot be rewritten in place (see Fixed).
	Start, End int
	// Fixed says why the reference cannot be rewritten in place; empty when
	// it can.
	Fixed string
	// Skip says why the reference cannot be resolved (an ARG without a
	// default, a compose variable); empty when it can.
	Skip string
	// Where names the construct holding the reference: "FROM",
	// "COPY --from", "services.web.image", "spec.containers[0].image".
	Where string
}

// Editable reports whether the reference can be rewritten in place.
func (r Ref) Editable() bool { return r.Start >= 0 && r.Fixed == "" }

// KindOf decides how to parse a file from its name, or from its first
// instruction when the name says nothing.
func KindOf(path string, data []byte) (string, error) {
	base := strings.ToLower(filepath.Base(path))
	switch {
	case base == "dockerfile" || base == "containerfile",
		strings.HasPrefix(base, "dockerfile."), strings.HasPrefix(base, "containerfile."),
		strings.HasSuffix(base, ".dockerfile"), strings.HasSuffix(base, ".containerfile"):
		return KindDockerfile, nil
	case strings.HasSuffix(base, ".yaml"), strings.HasSuffix(base, ".yml"):
		return KindYAML, nil
	}
	for _, l := range bytes.Split(data, []byte("\n")) {
		t := strings.TrimSpace(string(l))
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if f := strings.Fields(t); strings.EqualFold(f[0], "FROM") || strings.EqualFold(f[0], "ARG") {
			return KindDockerfile, nil
		}
		break
	}
	return "", fmt.Errorf("%s: not a Dockerfile, compose file or Kubernetes manifest (name it Dockerfile*, *.dockerfile, *.yaml or *.yml)", path)
}

// Parse finds the image references in a file's content.
func Parse(path string, data []byte) ([]Ref, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: %d bytes is larger than the %d accepted", path, len(data), MaxFileSize)
	}
	kind, err := KindOf(path, data)
	if err != nil {
		return nil, err
	}
	var refs []Ref
	if kind == KindDockerfile {
		refs, err = ParseDockerfile(data)
	} else {
		refs, err = ParseYAML(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return refs, nil
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int

func newLineIndex(data []byte) lineIndex {
	idx := lineIndex{0}
	for i, b := range data {
		if b == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (l lineIndex) line(off int) int {
	return sort.Search(len(l), func(i int) bool { return l[i] > off })
}
