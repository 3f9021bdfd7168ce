package publisher

import (
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// provenanceKeys are the OCI annotations in which an image says who made it.
var provenanceKeys = []struct{ key, label string }{
	{"org.opencontainers.image.vendor", "vendor"},
	{"org.opencontainers.image.authors", "authors"},
	{"org.opencontainers.image.source", "source"},
	{"org.opencontainers.image.url", "url"},
}

// notHub reports that a registry without a publisher API was not asked,
// whose registry it is when customs knows, and what the image says about
// its own publisher.
func notHub(t target, img *facts.Image) report.Finding {
	msg := fmt.Sprintf("publisher not checked: %s has no public publisher API customs knows", t.registry)
	if op := operator(t.registry, t.repo); op != "" {
		msg = fmt.Sprintf("publisher not checked: %s is %s; it has no public publisher API", t.registry, op)
	}
	if s := selfDescription(img); s != "" {
		msg += "; " + s
	} else {
		msg += "; the image carries no OCI annotation naming its vendor, authors or source"
	}
	f := classInfo.New(msg, t.evidence())
	f.Severity = report.SeverityInfo
	return f
}

// selfDescription quotes the OCI annotations in which the image names its
// publisher, or "" when it names none.
func selfDescription(img *facts.Image) string {
	var said []string
	for _, k := range provenanceKeys {
		if v := annotation(img, k.key); v != "" {
			said = append(said, k.label+" "+quote(v))
		}
	}
	if len(said) == 0 {
		return ""
	}
	return "the image says (unverified): " + strings.Join(said, ", ")
}

// annotation returns the value of key from the config labels, or else from
// the manifest annotations.
func annotation(img *facts.Image, key string) string {
	if img.Config != nil {
		if v := img.Config.Config.Labels[key]; v != "" {
			return v
		}
	}
	if img.Manifest != nil {
		return img.Manifest.Annotations[key]
	}
	return ""
}
