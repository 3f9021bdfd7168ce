package miner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// maxMetaText bounds the metadata text read per image; real configs and
// histories are a few kilobytes.
const maxMetaText = 1 << 20

// metaText is one piece of image metadata a miner can hide in: an
// environment variable, the command, the entrypoint, a label or a history
// step, with the evidence that points at it.
type metaText struct {
	where string // "ENV", "CMD", "ENTRYPOINT", "LABEL", "history step 3"
	text  string
	ev    report.Evidence
	// label is set for labels, which describe an image rather than run it.
	label bool
}

// metadata lists the texts of img's config, within maxMetaText.
func metadata(img *facts.Image) []metaText {
	if img.Config == nil {
		return nil
	}
	cfg := img.Config.Config
	var out []metaText
	budget := maxMetaText
	add := func(t metaText) {
		if budget <= 0 {
			return
		}
		if len(t.text) > budget {
			t.text = t.text[:budget]
		}
		budget -= len(t.text)
		out = append(out, t)
	}
	for i, kv := range cfg.Env {
		add(metaText{where: "ENV", text: kv, ev: report.Evidence{ConfigKey: fmt.Sprintf("config.Env[%d]", i)}})
	}
	if len(cfg.Entrypoint) > 0 {
		add(metaText{where: "ENTRYPOINT", text: strings.Join(cfg.Entrypoint, " "), ev: report.Evidence{ConfigKey: "config.Entrypoint"}})
	}
	if len(cfg.Cmd) > 0 {
		add(metaText{where: "CMD", text: strings.Join(cfg.Cmd, " "), ev: report.Evidence{ConfigKey: "config.Cmd"}})
	}
	keys := make([]string, 0, len(cfg.Labels))
	for k := range cfg.Labels {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		add(metaText{where: "LABEL", text: k + "=" + cfg.Labels[k], ev: report.Evidence{ConfigKey: fmt.Sprintf("config.Labels[%q]", k)}, label: true})
	}
	for i, h := range img.Config.History {
		if h.CreatedBy == "" {
			continue
		}
		add(metaText{where: fmt.Sprintf("history step %d", i), text: h.CreatedBy, ev: report.Evidence{HistoryStep: report.Int(i)}})
	}
	return out
}
