package provenance

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

var labelsInfo = check.Info{
	ID:       "provenance/labels",
	Version:  1,
	Title:    "Build not traceable to its source",
	Severity: report.SeverityLow,
	Item:     report.ItemBuild,
	Description: "The OCI labels and annotations org.opencontainers.image.source and .revision name the repository " +
		"and commit an image was built from; .url, .vendor, .created, .version, .licenses and .authors say who " +
		"publishes it. They are read from the config labels, then the manifest annotations, then the index " +
		"annotations. Without a source or a revision nothing links the image to code that can be reviewed. The " +
		"keys present are listed as information. Labels are claims of the builder, not proof.",
	Remediation: "Build with the source and revision recorded (docker buildx build --label or --annotation " +
		"org.opencontainers.image.source=... and .revision=...; most CI build actions add them), or ask the " +
		"publisher to.",
	References: []string{"https://github.com/opencontainers/image-spec/blob/main/annotations.md"},
}

func labels() check.Constructor {
	return check.Image(labelsInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		var found []annotation
		for _, k := range traceKeys {
			if a, ok := lookup(img, k); ok {
				found = append(found, a)
			}
		}
		_, hasSource := lookup(img, keySource)
		_, hasRevision := lookup(img, keyRevision)
		if !hasSource && !hasRevision {
			msg := "no source or revision recorded: the build cannot be traced to its code"
			if len(found) > 0 {
				msg += " (present: " + listKeys(found) + ")"
			}
			return []report.Finding{info.New(msg, report.Evidence{ConfigKey: "config.Labels"})}, nil
		}
		var out []report.Finding
		for _, a := range found {
			f := info.New(fmt.Sprintf("%s is %q", a.Key, clip(a.Value)),
				report.Evidence{ConfigKey: a.Where + "." + a.Key, Value: clip(a.Value)})
			f.Severity = report.SeverityInfo
			f.Title = "Build traceability recorded"
			out = append(out, f)
		}
		return out, nil
	})
}

func listKeys(as []annotation) string {
	keys := make([]string, len(as))
	for i, a := range as {
		keys[i] = strings.TrimPrefix(a.Key, "org.opencontainers.image.")
	}
	return strings.Join(keys, ", ")
}

// maxValue bounds strings taken from the image in a finding.
const maxValue = 200

// clip redacts a string taken from the image and bounds its length.
func clip(s string) string {
	s = redact.Text(s)
	if len(s) > maxValue {
		s = strings.ToValidUTF8(s[:maxValue], "") + "..."
	}
	return s
}
