package backdoor

import (
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// configText is one piece of text of the image's configuration or history.
type configText struct {
	key  string // config.Env, config.Cmd, history[3], ...
	step int    // history step, or -1
	text string
}

// maxConfigText bounds one piece of configuration text searched.
const maxConfigText = 1 << 20

// configTexts returns the texts of the configuration and history that run
// or reach commands: ENV values, ENTRYPOINT and CMD, the health check and
// build steps. Metadata-only history steps are left out: the configuration
// holds their effect.
func configTexts(img *facts.Image) []configText {
	if img.Config == nil {
		return nil
	}
	cfg := img.Config.Config
	var out []configText
	for _, kv := range cfg.Env {
		out = append(out, configText{key: "config.Env", step: -1, text: kv})
	}
	if argv := append(append([]string{}, cfg.Entrypoint...), cfg.Cmd...); len(argv) > 0 {
		key := "config.Cmd"
		if len(cfg.Entrypoint) > 0 {
			key = "config.Entrypoint"
		}
		out = append(out, configText{key: key, step: -1, text: strings.Join(argv, " ")})
	}
	if cfg.Healthcheck != nil && len(cfg.Healthcheck.Test) > 0 {
		out = append(out, configText{key: "config.Healthcheck", step: -1, text: strings.Join(cfg.Healthcheck.Test, " ")})
	}
	for i, h := range img.Config.History {
		if metadataStep(h.CreatedBy) {
			continue
		}
		out = append(out, configText{key: fmt.Sprintf("history[%d]", i), step: i, text: h.CreatedBy})
	}
	for i := range out {
		if len(out[i].text) > maxConfigText {
			out[i].text = out[i].text[:maxConfigText]
		}
	}
	return out
}

// metadataStep reports whether a history step only set configuration.
func metadataStep(createdBy string) bool {
	s := strings.TrimSpace(createdBy)
	if rest, ok := strings.CutPrefix(s, "/bin/sh -c #(nop)"); ok {
		s = strings.TrimSpace(rest)
	}
	word, _, _ := strings.Cut(s, " ")
	switch strings.ToUpper(word) {
	case "ENV", "CMD", "ENTRYPOINT", "LABEL", "HEALTHCHECK", "EXPOSE", "USER", "WORKDIR", "STOPSIGNAL", "SHELL", "VOLUME", "ARG", "MAINTAINER":
		return true
	}
	return false
}

// classifier picks the matches a check reports, with their severity.
type classifier func(m match) (check.Info, report.Severity, bool)

// maxPerSource bounds the findings of one check in one piece of text.
const maxPerSource = 8

// configFindings runs the detectors over the configuration and history and
// reports what keep selects.
func configFindings(eng *engine, img *facts.Image, keep classifier) []report.Finding {
	var out []report.Finding
	for _, src := range configTexts(img) {
		n := 0
		for _, m := range eng.analyze([]byte(src.text), 0) {
			info, sev, ok := keep(m)
			if !ok || n == maxPerSource {
				continue
			}
			n++
			where := "the image's " + strings.TrimPrefix(src.key, "config.")
			if src.step >= 0 {
				where = fmt.Sprintf("build step %d", src.step)
			}
			f := info.New(fmt.Sprintf("%s: %s%s: %s", where, describe(m), runsWhen(src), consequence(m)), configEvidence(img, src, m))
			f.Severity = sev
			out = append(out, f)
		}
	}
	return out
}

func runsWhen(src configText) string {
	if src.step >= 0 {
		return " (at build time; the layer it wrote ships in the image)"
	}
	if src.key == "config.Env" {
		return ""
	}
	return " each time the container starts"
}

func configEvidence(img *facts.Image, src configText, m match) report.Evidence {
	ev := report.Evidence{ConfigKey: src.key, Value: shown(string(m.line))}
	if src.step >= 0 {
		ev.HistoryStep = report.Int(src.step)
		if li, ok := img.LayerFor(src.step); ok && li < len(img.Layers) {
			ev.Layer = report.Int(li)
			ev.LayerDigest = img.Layers[li].Digest
		}
	}
	return ev
}
