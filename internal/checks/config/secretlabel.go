package config

import (
	"context"
	"fmt"
	"sort"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var secretInLabelInfo = check.Info{
	ID:       "config/secret-in-label",
	Version:  1,
	Title:    "Secret in a label",
	Severity: report.SeverityCritical,
	Item:     report.ItemLookInside,
	Description: "A label of the image holds a credential, such as a token in a source URL. Labels are public to " +
		"anyone who can pull or inspect the image. " + secretDescription,
	Remediation: "Remove the label value and rotate the credential; labels are for metadata only.",
	References:  []string{"CIS Docker Benchmark 4.10"},
}

func secretInLabel() check.Constructor {
	return check.Image(secretInLabelInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		cfg, err := runConfig(img)
		if err != nil {
			return nil, err
		}
		keys := make([]string, 0, len(cfg.Labels))
		for k := range cfg.Labels {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []report.Finding
		for _, k := range keys {
			v := cfg.Labels[k]
			hit, ok := classify(k, v)
			if !ok {
				continue
			}
			ev := report.Evidence{ConfigKey: fmt.Sprintf("config.Labels[%q]", k), Value: clip(hit.mask(v))}
			f := info.New(fmt.Sprintf("label %q holds %s", redactText(k), withArticle(hit.kind)), ev)
			f.Severity = hit.severity
			out = append(out, f)
		}
		return out, nil
	})
}
