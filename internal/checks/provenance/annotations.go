package provenance

import (
	"github.com/customs-oss/customs/internal/facts"
)

// OCI annotation keys that say where an image comes from.
const (
	keySource   = "org.opencontainers.image.source"
	keyRevision = "org.opencontainers.image.revision"
)

// traceKeys are the OCI keys reported by provenance/labels, in report order.
var traceKeys = []string{
	keySource,
	keyRevision,
	"org.opencontainers.image.url",
	"org.opencontainers.image.vendor",
	"org.opencontainers.image.created",
	"org.opencontainers.image.version",
	"org.opencontainers.image.licenses",
	"org.opencontainers.image.authors",
}

// annotation is one key found on the image and where it was found: a config
// label, a manifest annotation or an index annotation.
type annotation struct {
	Key, Value, Where string
}

// lookup returns key from the config labels, else the manifest
// annotations, else the index annotations.
func lookup(img *facts.Image, key string) (annotation, bool) {
	if img.Config != nil {
		if v, ok := img.Config.Config.Labels[key]; ok && v != "" {
			return annotation{key, v, "config.Labels"}, true
		}
	}
	if img.Manifest != nil {
		if v, ok := img.Manifest.Annotations[key]; ok && v != "" {
			return annotation{key, v, "manifest.annotations"}, true
		}
	}
	if img.IndexManifest != nil {
		if v, ok := img.IndexManifest.Annotations[key]; ok && v != "" {
			return annotation{key, v, "index.annotations"}, true
		}
	}
	return annotation{}, false
}
