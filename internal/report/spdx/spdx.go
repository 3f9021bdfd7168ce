// Package spdx renders a report as an SPDX 2.3 JSON document: the image as
// the package the document describes, containing one package for each
// package installed in it. Packages a later layer removed are left out, and
// known vulnerabilities appear as SECURITY advisory references of the packages
// they affect.
//
// The output is deterministic: the same report gives the same bytes. The
// document namespace is derived from the image digest and a hash of the
// content, and the creation time is the report's timestamp or, when the
// report has none (the default), the fixed time Epoch.
package spdx

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx/v2/common"
	"github.com/spdx/tools-golang/spdx/v2/v2_3"

	"github.com/customs-oss/customs/internal/report"
)

const (
	// Epoch is the creation time written when the report has no timestamp,
	// so that documents of the same image are identical.
	Epoch = "1970-01-01T00:00:00Z"
	// NamespaceBase prefixes every document namespace.
	NamespaceBase = "https://customs.dev/spdx/"
	// NoAssertion is SPDX for "not determined".
	NoAssertion = "NOASSERTION"
)

// Write renders r as an SPDX 2.3 JSON document.
func Write(w io.Writer, r *report.Report) error {
	doc := Build(r)
	// The namespace ends in a hash of the document written without it, so
	// that it changes exactly when the content does.
	body, err := encode(doc)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(body)
	doc.DocumentNamespace += "-" + hex.EncodeToString(sum[:8])
	if body, err = encode(doc); err != nil {
		return err
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("writing SPDX document: %w", err)
	}
	return nil
}

func encode(doc *v2_3.Document) ([]byte, error) {
	var buf bytes.Buffer
	if err := spdxjson.Write(doc, &buf, spdxjson.Indent("  "), spdxjson.EscapeHTML(false)); err != nil {
		return nil, fmt.Errorf("encoding SPDX document: %w", err)
	}
	return buf.Bytes(), nil
}

// Build converts r into an SPDX document whose namespace lacks the content
// hash Write appends. It does not modify r.
func Build(r *report.Report) *v2_3.Document {
	created := r.GeneratedAt
	if created == "" {
		created = Epoch
	}
	tool := r.Tool.Name
	if tool == "" {
		tool = "customs"
	}
	if r.Tool.Version != "" {
		tool += "-" + r.Tool.Version
	}
	name := r.Image.Name
	if name == "" {
		name = r.Image.Reference
	}
	id := strings.TrimPrefix(r.Image.Digest, "sha256:")
	if id == "" {
		id = "unknown"
	}
	b := newBuilder(r)
	return &v2_3.Document{
		SPDXVersion:       v2_3.Version,
		DataLicense:       v2_3.DataLicense,
		SPDXIdentifier:    "DOCUMENT",
		DocumentName:      name,
		DocumentNamespace: NamespaceBase + id,
		CreationInfo: &v2_3.CreationInfo{
			Creators: []common.Creator{{CreatorType: "Tool", Creator: tool}},
			Created:  created,
		},
		Packages:      b.packages,
		OtherLicenses: b.licenses.others,
		Relationships: b.relationships,
	}
}
