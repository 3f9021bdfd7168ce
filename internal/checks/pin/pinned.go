package pin

import (
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// applies reports whether the pin checks have something to say: the image
// was asked for by a reference to a registry repository (pulled, or found
// in the engine by that name) that carries no digest. Images read from
// files are named after the tags the file records, but nobody referenced
// them that way, and their digest is not necessarily the one a registry
// serves.
func applies(img *facts.Image) bool {
	if img.Ref.Source != "registry" && img.Ref.Source != "docker-daemon" {
		return false
	}
	return img.Ref.Repository != "" && img.Ref.Digest == ""
}

// pinned is the reference to use instead: registry/repository:tag@digest,
// with the index digest when there is one, so that a multi-platform pull
// keeps working. Empty when no digest is known.
func pinned(img *facts.Image) string {
	dg := img.IndexDigest
	if dg == "" {
		dg = img.Digest
	}
	if dg == "" || img.Ref.Repository == "" {
		return ""
	}
	name := img.Ref.Repository
	if img.Ref.Registry != "" {
		name = img.Ref.Registry + "/" + name
	}
	if img.Ref.Tag != "" && !strings.Contains(img.Ref.Tag, "@") {
		name += ":" + img.Ref.Tag
	}
	return name + "@" + dg
}

// named is how the reference is shown: as resolved, or as typed.
func named(img *facts.Image) string {
	if img.Ref.Name != "" {
		return img.Ref.Name
	}
	return img.Ref.Input
}

// evidence points at the reference and the pinned one to use.
func evidence(img *facts.Image) report.Evidence {
	return report.Evidence{Reference: named(img), Value: pinned(img)}
}

// usePinned is the sentence that tells what to write instead.
func usePinned(img *facts.Image) string {
	if p := pinned(img); p != "" {
		return "; use " + p
	}
	return "; no digest is known for it here: resolve it with the registry (customs pin) and use the digest"
}
