package python

import (
	"bytes"
	"errors"
	"strings"
)

// maxLicenses bounds the licences kept for one distribution.
const maxLicenses = 16

// metadata is what customs keeps of a core metadata file.
type metadata struct {
	name, version     string
	expression        string   // License-Expression, an SPDX expression
	license           string   // License, a free-form name or a whole licence text
	licenseMultiline  bool     // License ran over continuation lines
	classifierLicense []string // from "Classifier: License :: ..."
}

// parseMetadata reads the header of a core metadata file: email-style
// "Field: value" lines, continued by lines that start with white space,
// up to the first empty line, after which comes the description.
func parseMetadata(data []byte) (metadata, error) {
	var (
		m    metadata
		last string // the field a continuation line continues
	)
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if last == "License" {
				m.licenseMultiline = true
			}
			continue
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			last = ""
			continue
		}
		last = string(k)
		value := string(bytes.TrimSpace(v))
		switch last {
		case "Name":
			m.name = value
		case "Version":
			m.version = value
		case "License-Expression":
			m.expression = value
		case "License":
			m.license = value
		case "Classifier":
			if l, ok := classifierLicense(value); ok && len(m.classifierLicense) < maxLicenses {
				m.classifierLicense = append(m.classifierLicense, l)
			}
		}
	}
	if m.name == "" || m.version == "" {
		return metadata{}, errors.New("no Name or Version field")
	}
	return m, nil
}

// licenses returns the best statement of the licence there is: the SPDX
// expression, else a one-line License field, else the licence classifiers,
// else the first line of a License field holding a whole licence text.
func (m metadata) licenses() []string {
	switch {
	case m.expression != "":
		return []string{m.expression}
	case m.license != "" && m.license != "UNKNOWN" && !m.licenseMultiline:
		return []string{m.license}
	case len(m.classifierLicense) > 0:
		return m.classifierLicense
	case m.license != "" && m.license != "UNKNOWN":
		return []string{m.license}
	}
	return nil
}

// classifierLicense returns the licence a trove classifier names
// ("License :: OSI Approved :: MIT License" names "MIT License").
func classifierLicense(c string) (string, bool) {
	rest, ok := strings.CutPrefix(c, "License ::")
	if !ok {
		return "", false
	}
	if i := strings.LastIndex(rest, "::"); i >= 0 {
		rest = rest[i+len("::"):]
	}
	l := strings.TrimSpace(rest)
	if l == "" || l == "OSI Approved" {
		return "", false
	}
	return l, true
}
