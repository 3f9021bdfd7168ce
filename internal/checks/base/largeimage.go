package base

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// Thresholds of base/large-image.
const (
	// largeImageSize is the uncompressed size above which an image is large.
	largeImageSize = 1 << 30
	// largestLayers is how many layers the message names.
	largestLayers = 3
	// maxCreatedBy bounds the history command quoted for each layer.
	maxCreatedBy = 80
)

var largeImageInfo = check.Info{
	ID:       "base/large-image",
	Version:  1,
	Title:    "Image is larger than 1 GiB",
	Severity: report.SeverityLow,
	Item:     report.ItemBase,
	Description: "Reports images whose layers add up to more than 1 GiB uncompressed (the sum of " +
		"the layers' tar sizes, which is what a pull writes to disk), and names the three largest " +
		"layers with the history steps that made them. Large images usually carry build tools, " +
		"package caches or data that are not needed at run time: they pull slowly, cost storage " +
		"and widen the attack surface.",
	Remediation: "Start from a smaller base, use a multi-stage build, and clean package caches in " +
		"the same RUN step that fills them (apt-get clean and rm -rf /var/lib/apt/lists/*, " +
		"apk add --no-cache, pip install --no-cache-dir); keep data out of the image.",
	References: []string{
		"https://docs.docker.com/build/building/best-practices/",
		"CIS Docker Benchmark 4.3: Ensure that unnecessary packages are not installed in the container",
	},
}

func largeImage() check.Constructor {
	return check.Image(largeImageInfo, func(ctx context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		var total int64
		var layers []*facts.Layer
		for i := range img.Layers {
			l := &img.Layers[i]
			if l.Facts == nil {
				return nil, fmt.Errorf("layer %d has no facts", l.Index)
			}
			total += l.Facts.Size
			layers = append(layers, l)
		}
		if total <= largeImageSize {
			return nil, nil
		}
		sort.SliceStable(layers, func(i, j int) bool { return layers[i].Facts.Size > layers[j].Facts.Size })
		if len(layers) > largestLayers {
			layers = layers[:largestLayers]
		}
		parts := make([]string, len(layers))
		for i, l := range layers {
			parts[i] = fmt.Sprintf("layer %d (%s%s)", l.Index, report.HumanSize(l.Facts.Size), stepOf(l))
		}
		msg := fmt.Sprintf("the image is %s uncompressed in %d layers; largest: %s",
			report.HumanSize(total), len(img.Layers), strings.Join(parts, ", "))
		top := layers[0]
		ev := report.Evidence{Layer: report.Int(top.Index), LayerDigest: top.Digest, Value: report.HumanSize(top.Facts.Size)}
		if top.HistoryStep >= 0 {
			ev.HistoryStep = report.Int(top.HistoryStep)
		}
		return []report.Finding{info.New(msg, ev)}, nil
	})
}

// stepOf describes the history step that made l, its command redacted,
// flattened to one line without control characters, and shortened.
func stepOf(l *facts.Layer) string {
	if l.HistoryStep < 0 {
		return ""
	}
	cmd := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, redact.Text(l.CreatedBy))
	cmd = strings.Join(strings.Fields(cmd), " ")
	if cmd == "" {
		return fmt.Sprintf(", step %d", l.HistoryStep)
	}
	if r := []rune(cmd); len(r) > maxCreatedBy {
		cmd = string(r[:maxCreatedBy]) + "..."
	}
	return fmt.Sprintf(", step %d: %s", l.HistoryStep, cmd)
}
