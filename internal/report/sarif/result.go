package sarif

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// maxValue bounds the offending value quoted in a result's message.
const maxValue = 200

// buildResult converts one finding. img supplies the layer diffIDs and the
// image digest.
func buildResult(f report.Finding, ruleIndex int, img report.Image) Result {
	return Result{
		RuleID:     f.Check,
		RuleIndex:  ruleIndex,
		Level:      Level(f.Severity),
		Message:    Text{Text: message(f)},
		Locations:  locations(f.Evidence),
		Properties: resultProperties(f, img),
	}
}

// message is the finding's message followed by a summary of its evidence, so
// that viewers which show only the message still tell where to look.
func message(f report.Finding) string {
	msg := oneLine(redacted(f.Message))
	if msg == "" {
		msg = oneLine(f.Title)
	}
	ev := evidenceSummary(f.Evidence)
	if ev == "" {
		return msg
	}
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg + " Evidence: " + ev + "."
}

// evidenceSummary describes the evidence in words.
func evidenceSummary(e report.Evidence) string {
	var parts []string
	var where string
	switch {
	case e.Path != "" && e.Layer != nil:
		where = fmt.Sprintf("/%s in layer %s", strings.TrimPrefix(oneLine(e.Path), "/"), layerName(*e.Layer, e.LayerDigest))
	case e.Path != "":
		where = "/" + strings.TrimPrefix(oneLine(e.Path), "/")
	case e.Layer != nil:
		where = "layer " + layerName(*e.Layer, e.LayerDigest)
	}
	if where != "" {
		if e.HiddenBy != nil {
			where += fmt.Sprintf(", deleted or replaced by layer %d", *e.HiddenBy)
		}
		parts = append(parts, where)
	}
	if e.HistoryStep != nil {
		parts = append(parts, fmt.Sprintf("history step %d", *e.HistoryStep))
	}
	if e.ConfigKey != "" && !isStepKey(e) {
		parts = append(parts, oneLine(e.ConfigKey))
	}
	if e.Value != "" {
		parts = append(parts, "value "+strconv.Quote(truncate(redacted(e.Value), maxValue)))
	}
	if e.Reference != "" {
		parts = append(parts, "reference "+oneLine(e.Reference))
	}
	return strings.Join(parts, "; ")
}

func layerName(index int, digest string) string {
	if digest == "" {
		return strconv.Itoa(index)
	}
	return fmt.Sprintf("%d (%s)", index, oneLine(digest))
}

// locations places the finding: the file for a path, and logical locations
// for the layer, history step, config key and image reference.
func locations(e report.Evidence) []Location {
	var loc Location
	if uri := pathURI(e.Path); uri != "" {
		loc.PhysicalLocation = &PhysicalLocation{ArtifactLocation: ArtifactLoc{URI: uri, URIBaseID: ImageRoot}}
	}
	if e.Layer != nil {
		name := fmt.Sprintf("layers[%d]", *e.Layer)
		loc.LogicalLocations = append(loc.LogicalLocations, LogicalLocation{Name: name, FullyQualifiedName: name, Kind: "element"})
	}
	if e.HistoryStep != nil {
		name := fmt.Sprintf("history[%d]", *e.HistoryStep)
		loc.LogicalLocations = append(loc.LogicalLocations, LogicalLocation{Name: name, FullyQualifiedName: name, Kind: "element"})
	}
	if key := oneLine(e.ConfigKey); key != "" && !isStepKey(e) {
		name := key[strings.LastIndex(key, ".")+1:]
		if name == "" {
			name = key
		}
		loc.LogicalLocations = append(loc.LogicalLocations, LogicalLocation{Name: name, FullyQualifiedName: key, Kind: "property"})
	}
	if ref := oneLine(e.Reference); ref != "" {
		loc.LogicalLocations = append(loc.LogicalLocations, LogicalLocation{Name: ref, FullyQualifiedName: ref, Kind: "resource"})
	}
	if loc.PhysicalLocation == nil && loc.LogicalLocations == nil {
		return nil
	}
	return []Location{loc}
}

// pathURI is the relative URI of a path inside the image: no leading slash,
// percent-encoded, and never mistaken for a URI with a scheme.
func pathURI(p string) string {
	p = strings.TrimLeft(p, "/")
	if p == "" {
		return ""
	}
	return (&url.URL{Path: p}).String()
}

// resultProperties carries what SARIF has no member for: the severity by
// name and score, the checklist item, the layer and the image digest.
func resultProperties(f report.Finding, img report.Image) map[string]any {
	e := f.Evidence
	p := map[string]any{
		"security-severity": SecuritySeverity(f.Severity),
		"severity":          f.Severity.String(),
		"checklistItem":     int(f.Item),
	}
	if e.Layer != nil {
		p["layer"] = *e.Layer
		if d := diffID(img, *e.Layer); d != "" {
			p["layerDiffId"] = d
		}
	}
	setString(p, "layerDigest", e.LayerDigest)
	if e.HiddenBy != nil {
		p["hiddenBy"] = *e.HiddenBy
	}
	if e.HistoryStep != nil {
		p["historyStep"] = *e.HistoryStep
	}
	setString(p, "configKey", e.ConfigKey)
	setString(p, "value", redacted(e.Value))
	setString(p, "reference", e.Reference)
	setString(p, "imageDigest", img.Digest)
	return p
}

// diffID returns the uncompressed digest of layer index, or "" if the report
// does not describe that layer.
func diffID(img report.Image, index int) string {
	for _, l := range img.Layers {
		if l.Index == index {
			return l.DiffID
		}
	}
	return ""
}

func setString(p map[string]any, key, value string) {
	if value != "" {
		p[key] = value
	}
}

// isStepKey reports whether the config key only repeats the history step,
// as in "history[3]" for step 3.
func isStepKey(e report.Evidence) bool {
	return e.HistoryStep != nil && e.ConfigKey == fmt.Sprintf("history[%d]", *e.HistoryStep)
}
