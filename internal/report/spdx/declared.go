package spdx

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/spdx/tools-golang/spdx/v2/v2_3"
)

// licenses turns declared licences into SPDX expressions. Text that is no
// valid expression becomes a LicenseRef- identifier, defined once in the
// document with the text as declared.
type licenses struct {
	refs   map[string]string
	others []*v2_3.OtherLicense
}

func newLicenses() *licenses { return &licenses{refs: map[string]string{}} }

// declared joins the declarations with AND, or returns NOASSERTION when
// there are none.
func (l *licenses) declared(texts []string) string {
	var parts []string
	for _, t := range texts {
		e, ok := Expression(t)
		if !ok {
			e = l.ref(t)
		}
		parts = append(parts, e)
	}
	switch len(parts) {
	case 0:
		return NoAssertion
	case 1:
		return parts[0]
	}
	for i, p := range parts {
		if strings.ContainsRune(p, ' ') {
			parts[i] = "(" + p + ")"
		}
	}
	return strings.Join(parts, " AND ")
}

// ref returns the LicenseRef- identifier of a free-text licence.
func (l *licenses) ref(text string) string {
	if id, ok := l.refs[text]; ok {
		return id
	}
	sum := sha256.Sum256([]byte(text))
	id := "LicenseRef-" + strings.Trim(sanitize(text), "-.") + "-" + hex.EncodeToString(sum[:4])
	if len(text) > 64 || strings.Trim(sanitize(text), "-.") == "" {
		id = "LicenseRef-" + hex.EncodeToString(sum[:8])
	}
	l.refs[text] = id
	l.others = append(l.others, &v2_3.OtherLicense{LicenseIdentifier: id, ExtractedText: text, LicenseName: text})
	return id
}
