package files

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var hiddenContentInfo = check.Info{
	ID:       "files/hidden-content",
	Version:  1,
	Title:    "Content deleted or replaced by a later layer still ships",
	Severity: report.SeverityLow,
	Item:     report.ItemLookInside,
	Description: "Deleting a file in a later layer (RUN rm) only hides it: its bytes stay in the layer that " +
		"added it, and anyone who pulls the image can extract them. The hidden content is summed up per pair " +
		"of layers (the one that added it and the one that deleted or replaced it), with its total size and " +
		"largest files: low severity for deletions and for paths written twice in one layer, info for files " +
		"replaced by a newer version. Files whose names say they hold a credential are reported one by one: " +
		"high for private keys and credential stores (id_rsa, *.key, .git-credentials, .aws/credentials, " +
		".docker/config.json, ...), medium for files that often hold a secret (.npmrc, .env, *.tfstate, ...). " +
		"At most 20 of each are listed; one more finding sums up the rest.",
	Remediation: "Never ADD or COPY a secret: use build secrets (RUN --mount=type=secret). Delete temporary " +
		"files in the same RUN step that creates them, or build in a separate stage and copy only the result. " +
		"Rotate any credential that shipped in an image.",
	References: []string{
		"https://docs.docker.com/build/building/secrets/",
		"https://docs.docker.com/build/building/multi-stage/",
	},
}

const (
	// maxHiddenGroups and maxHiddenSecrets bound the findings of one image.
	maxHiddenGroups  = 20
	maxHiddenSecrets = 20
	// largestListed is how many files a group finding names.
	largestListed = 3
)

// hiddenGroup is the content one layer added and another hid, in one way.
type hiddenGroup struct {
	layer, by int
	replaced  bool
	files     []facts.Hidden
	bytes     int64
}

func hiddenContent() check.Constructor {
	return check.Image(hiddenContentInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		groups := map[[3]int]*hiddenGroup{}
		var secrets []report.Finding
		for _, h := range img.FS.Hidden() {
			if h.Type == facts.TypeDir {
				continue
			}
			if h.Layer < 0 || h.HiddenBy < h.Layer || h.HiddenBy >= len(img.Layers) {
				return nil, fmt.Errorf("hidden entry %q: layer %d hidden by layer %d, in an image of %d layers", h.Path, h.Layer, h.HiddenBy, len(img.Layers))
			}
			if what, sev, ok := sensitiveFile(h.Path); ok && h.Type == facts.TypeFile {
				secrets = append(secrets, secretFinding(info, img, h, what, sev))
				continue
			}
			key := [3]int{h.Layer, h.HiddenBy, 0}
			if h.Replaced {
				key[2] = 1
			}
			g, ok := groups[key]
			if !ok {
				g = &hiddenGroup{layer: h.Layer, by: h.HiddenBy, replaced: h.Replaced}
				groups[key] = g
			}
			g.files = append(g.files, h)
			g.bytes += h.Size
		}
		out := boundSecrets(info, secrets)
		sorted := make([]*hiddenGroup, 0, len(groups))
		for _, g := range groups {
			sorted = append(sorted, g)
		}
		slices.SortFunc(sorted, func(a, b *hiddenGroup) int {
			return cmp.Or(cmp.Compare(b.bytes, a.bytes), cmp.Compare(a.layer, b.layer), cmp.Compare(a.by, b.by), cmp.Compare(boolInt(a.replaced), boolInt(b.replaced)))
		})
		for i, g := range sorted {
			if i == maxHiddenGroups {
				out = append(out, groupsRest(info, sorted[i:]))
				break
			}
			out = append(out, g.finding(info, img))
		}
		return out, nil
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (g *hiddenGroup) severity() report.Severity {
	if g.replaced && g.by != g.layer {
		return report.SeverityInfo
	}
	return report.SeverityLow
}

func (g *hiddenGroup) finding(info check.Info, img *facts.Image) report.Finding {
	n := count(len(g.files), "file", "files")
	var msg string
	switch {
	case g.by == g.layer:
		msg = fmt.Sprintf("%s written more than once in layer %d: only the last copy is visible, the earlier ones (%s) still ship", n, g.layer, report.HumanSize(g.bytes))
	case g.replaced:
		msg = fmt.Sprintf("layer %d replaced %s (%s) that layer %d added; the old versions still ship in layer %d", g.by, n, report.HumanSize(g.bytes), g.layer, g.layer)
	default:
		msg = fmt.Sprintf("layer %d deleted %s (%s) that layer %d added; they are gone at run time but still ship in layer %d", g.by, n, report.HumanSize(g.bytes), g.layer, g.layer)
	}
	msg += ": " + largest(g.files)
	common := g.files[0].Path
	for _, h := range g.files[1:] {
		common = commonDir(common, h.Path)
	}
	ev := layerEvidence(&img.Layers[g.layer], common, g.by)
	if common == "" {
		ev.Path = ""
	}
	f := info.New(msg, ev)
	f.Severity = g.severity()
	return f
}

// largest names the biggest files of a group, with their sizes.
func largest(files []facts.Hidden) string {
	sorted := slices.Clone(files)
	slices.SortStableFunc(sorted, func(a, b facts.Hidden) int { return cmp.Compare(b.Size, a.Size) })
	var parts []string
	for i, h := range sorted {
		if i == largestListed {
			parts = append(parts, fmt.Sprintf("and %d more", len(sorted)-largestListed))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", shown(h.Path), report.HumanSize(h.Size)))
	}
	return strings.Join(parts, ", ")
}

// commonDir is the deepest directory holding both paths ("" for the root),
// or the path itself when both are the same.
func commonDir(a, b string) string {
	if a == b {
		return a
	}
	for !under(b, a) {
		i := strings.LastIndexByte(a, '/')
		if i < 0 {
			return ""
		}
		a = a[:i]
	}
	return a
}

func groupsRest(info check.Info, rest []*hiddenGroup) report.Finding {
	files, bytes := 0, int64(0)
	sev := report.SeverityInfo
	for _, g := range rest {
		files += len(g.files)
		bytes += g.bytes
		sev = max(sev, g.severity())
	}
	f := info.New(fmt.Sprintf("and %d more pairs of layers hide %s (%s) that still ship", len(rest), count(files, "file", "files"), report.HumanSize(bytes)), report.Evidence{})
	f.Severity = sev
	return f
}
