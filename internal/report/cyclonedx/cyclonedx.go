// Package cyclonedx renders a report as a CycloneDX 1.6 JSON SBOM: the image
// as the described component, the packages installed in it as components,
// and the known vulnerabilities found in them. Packages a later layer removed
// are left out: they are not installed.
//
// The output is deterministic: the same report gives the same bytes. The
// timestamp is written only when the report has one, and the serial number
// is derived from the content rather than drawn at random.
package cyclonedx

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/customs-oss/customs/internal/report"
)

// SpecVersion is the CycloneDX version written.
const SpecVersion = cdx.SpecVersion1_6

// SchemaURI is the JSON schema the document declares.
const SchemaURI = "http://cyclonedx.org/schema/bom-1.6.schema.json"

// Write renders r as a CycloneDX 1.6 JSON document.
func Write(w io.Writer, r *report.Report) error {
	bom := Build(r)
	// The serial number is a hash of the document written without one, so
	// that it changes exactly when the content does.
	body, err := encode(bom)
	if err != nil {
		return err
	}
	bom.SerialNumber = serial(sha256.Sum256(body))
	body, err = encode(bom)
	if err != nil {
		return err
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("writing CycloneDX SBOM: %w", err)
	}
	return nil
}

func encode(bom *cdx.BOM) ([]byte, error) {
	var buf bytes.Buffer
	enc := cdx.NewBOMEncoder(&buf, cdx.BOMFileFormatJSON)
	enc.SetPretty(true).SetEscapeHTML(false)
	// Encode, not EncodeVersion: the conversion EncodeVersion applies
	// rewrites an absent scoring method to "other".
	if err := enc.Encode(bom); err != nil {
		return nil, fmt.Errorf("encoding CycloneDX SBOM: %w", err)
	}
	return buf.Bytes(), nil
}

// serial formats a hash as a version 5 (name-based) UUID URN.
func serial(sum [32]byte) string {
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// Build converts r into a CycloneDX BOM. It does not modify r.
func Build(r *report.Report) *cdx.BOM {
	bom := cdx.NewBOM()
	bom.SpecVersion, bom.JSONSchema, bom.Version = SpecVersion, SchemaURI, 1
	image := imageComponent(r.Image)
	bom.Metadata = metadata(r, image)
	comps := newComponents(r)
	if vulns := vulnerabilities(r.Findings, comps); len(vulns) > 0 {
		bom.Vulnerabilities = &vulns
	}
	list := comps.list()
	bom.Components = &list
	deps := []cdx.Dependency{{Ref: image.BOMRef, Dependencies: refs(list)}}
	for _, c := range list {
		deps = append(deps, cdx.Dependency{Ref: c.BOMRef})
	}
	bom.Dependencies = &deps
	return bom
}

// refs lists the bom-refs of cs, or nil for none, which the schema wants
// left out rather than empty.
func refs(cs []cdx.Component) *[]string {
	if len(cs) == 0 {
		return nil
	}
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.BOMRef
	}
	return &out
}
