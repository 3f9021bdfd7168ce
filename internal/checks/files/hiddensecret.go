package files

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// secretFinding reports one hidden file whose name says it holds a
// credential: deleting it did not take it out of the image.
func secretFinding(info check.Info, img *facts.Image, h facts.Hidden, what string, sev report.Severity) report.Finding {
	how := "deleted"
	if h.Replaced {
		how = "replaced"
	}
	where := fmt.Sprintf("layer %d %s it", h.HiddenBy, how)
	if h.HiddenBy == h.Layer {
		where = fmt.Sprintf("a later copy in the same layer %d hides it", h.Layer)
	}
	msg := fmt.Sprintf("%s looks like %s by its name; %s, but its content (%s) still ships in layer %d for anyone who pulls the image",
		shown(h.Path), what, where, report.HumanSize(h.Size), h.Layer)
	f := info.New(msg, layerEvidence(&img.Layers[h.Layer], h.Path, h.HiddenBy))
	f.Severity = sev
	return f
}

// boundSecrets keeps the most serious secret findings and sums up the rest.
func boundSecrets(info check.Info, fs []report.Finding) []report.Finding {
	if len(fs) <= maxHiddenSecrets {
		return fs
	}
	slices.SortStableFunc(fs, func(a, b report.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	rest := fs[maxHiddenSecrets:]
	sev := report.SeverityInfo
	var names []string
	for i, f := range rest {
		sev = max(sev, f.Severity)
		if i < largestListed {
			names = append(names, f.Evidence.Path)
		}
	}
	if len(rest) > largestListed {
		names = append(names, fmt.Sprintf("and %d more", len(rest)-largestListed))
	}
	sum := info.New(fmt.Sprintf("and %d more hidden files whose names say they hold credentials: %s", len(rest), strings.Join(names, ", ")), report.Evidence{})
	sum.Severity = sev
	return append(fs[:maxHiddenSecrets:maxHiddenSecrets], sum)
}
