package cyclonedx

import (
	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/customs-oss/customs/internal/purl"
	"github.com/customs-oss/customs/internal/report"
)

// imageRef is the bom-ref of the image when it has no package URL.
const imageRef = "image"

// metadata describes the document: when (only if the report says), which
// tool wrote it, and the image it is about.
func metadata(r *report.Report, image cdx.Component) *cdx.Metadata {
	name := r.Tool.Name
	if name == "" {
		name = "customs"
	}
	tools := []cdx.Component{{
		Type:    cdx.ComponentTypeApplication,
		Name:    name,
		Version: r.Tool.Version,
		ExternalReferences: &[]cdx.ExternalReference{{
			Type: cdx.ERTypeWebsite,
			URL:  "https://github.com/customs-oss/customs",
		}},
	}}
	return &cdx.Metadata{
		Timestamp: r.GeneratedAt,
		Tools:     &cdx.ToolsChoice{Components: &tools},
		Component: &image,
	}
}

// imageComponent is the container image: named by its reference, versioned
// by its manifest digest.
func imageComponent(img report.Image) cdx.Component {
	name := img.Name
	if name == "" {
		name = img.Reference
	}
	c := cdx.Component{
		Type:       cdx.ComponentTypeContainer,
		BOMRef:     imageRef,
		Name:       name,
		Version:    img.Digest,
		PackageURL: purl.OCI(img.Name, img.Digest),
	}
	if c.PackageURL != "" {
		c.BOMRef = c.PackageURL
	}
	var props []cdx.Property
	add := func(key, value string) {
		if value != "" {
			props = append(props, cdx.Property{Name: "customs:" + key, Value: value})
		}
	}
	add("reference", img.Reference)
	add("source", img.Source)
	add("indexDigest", img.IndexDigest)
	add("platform", img.Platform)
	add("configDigest", img.ConfigID)
	if len(props) > 0 {
		c.Properties = &props
	}
	return c
}
