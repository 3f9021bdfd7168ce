package table

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// writeLayers writes one row per layer: index, digest, sizes, file count and
// the history step that made it.
func writeLayers(p *printer, img report.Image) {
	if len(img.Layers) == 0 {
		p.heading("LAYERS", "none")
		return
	}
	p.heading("LAYERS", fmt.Sprintf("%s, %s uncompressed, %s compressed",
		plural(len(img.Layers), "layer"), report.HumanSize(img.Size), compressed(img.CompressedSize)))
	idx := len(strconv.Itoa(len(img.Layers) - 1))
	header := fmt.Sprintf("  %*s  %-19s  %10s  %10s  %7s  %4s  ", idx, "#", "DIGEST", "SIZE", "COMPRESSED", "FILES", "STEP")
	p.line(p.paint(dim, header+"CREATED BY"))
	room := lineWidth - len(header)
	for _, l := range img.Layers {
		step := "-"
		if l.HistoryStep != nil {
			step = strconv.Itoa(*l.HistoryStep)
		}
		p.line(fmt.Sprintf("  %*d  %-19s  %10s  %10s  %7s  %4s  ", idx, l.Index, shortDigest(l.Digest),
			report.HumanSize(l.Size), compressed(l.CompressedSize), count(l.Files), step),
			truncate(createdBy(l.CreatedBy), room))
	}
}

// createdBy shortens a history command to what a Dockerfile would say:
// "/bin/sh -c #(nop)  ENV A=b" is "ENV A=b", "/bin/sh -c apk add x" is
// "RUN apk add x", and BuildKit's trailing "# buildkit" goes.
func createdBy(s string) string {
	s = strings.TrimSpace(clean(redacted(s)))
	s = strings.TrimSpace(strings.TrimSuffix(s, "# buildkit"))
	if rest, ok := strings.CutPrefix(s, "/bin/sh -c #(nop)"); ok {
		return strings.TrimSpace(rest)
	}
	if rest, ok := strings.CutPrefix(s, "/bin/sh -c "); ok {
		return "RUN " + strings.TrimSpace(rest)
	}
	return s
}
