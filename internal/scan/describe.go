package scan

import (
	"sort"
	"strings"
	"time"

	"github.com/customs-oss/customs/internal/eol"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// describe builds the identity and contents section of the report. Every
// string taken from the config passes through redact.
func describe(img *facts.Image, now time.Time) report.Image {
	out := report.Image{
		Reference:   img.Ref.Input,
		Name:        img.Ref.Name,
		Source:      img.Ref.Source,
		Digest:      img.Digest,
		IndexDigest: img.IndexDigest,
		Pinned:      Pinned(img),
		RepoTags:    img.Ref.RepoTags,
		Platform:    img.Platform,
		Platforms:   img.Platforms,
		MediaType:   img.MediaType,
		ConfigID:    img.ConfigID,
		Files:       img.FS.Len(),
		Surface:     img.Surface,
	}
	cfg := img.Config
	if !cfg.Created.IsZero() {
		out.Created = cfg.Created.UTC().Format(time.RFC3339)
	}
	out.User = cfg.Config.User
	out.Entrypoint = redactAll(cfg.Config.Entrypoint)
	out.Cmd = redactAll(cfg.Config.Cmd)
	out.WorkingDir = cfg.Config.WorkingDir
	for p := range cfg.Config.ExposedPorts {
		out.ExposedPorts = append(out.ExposedPorts, p)
	}
	sort.Strings(out.ExposedPorts)
	for k, v := range cfg.Config.Labels {
		if redact.IsSecretName(k) {
			v = redact.Value(v)
		} else {
			v = redact.Text(v)
		}
		out.Labels = append(out.Labels, report.Label{Key: k, Value: v})
	}
	sort.Slice(out.Labels, func(i, j int) bool { return out.Labels[i].Key < out.Labels[j].Key })
	if o := img.OS; o.ID != "" || o.Scratch {
		ro := &report.OS{ID: o.ID, VersionID: o.VersionID, PrettyName: o.PrettyName, Family: o.Family, Distroless: o.Distroless, Support: "unknown"}
		if o.Scratch {
			ro.ID = "scratch"
		}
		if st := eol.Lookup(o, now); st.Known {
			ro.EOL = st.Date.Format("2006-01-02")
			ro.Support = "supported"
			if st.EOL {
				ro.Support = "eol"
			}
		}
		out.OS = ro
	}
	layerOfStep := map[int]int{}
	for _, l := range img.Layers {
		rl := report.Layer{
			Index:          l.Index,
			Digest:         l.Digest,
			DiffID:         l.DiffID,
			MediaType:      l.MediaType,
			CompressedSize: l.CompressedSize,
			Size:           l.Facts.Size,
			Files:          len(l.Facts.Entries),
			Cached:         l.Cached,
		}
		for _, e := range l.Facts.Entries {
			rl.Bytes += e.Size
		}
		if l.HistoryStep >= 0 {
			rl.HistoryStep = report.Int(l.HistoryStep)
			rl.CreatedBy = redact.Text(l.CreatedBy)
			layerOfStep[l.HistoryStep] = l.Index
		}
		if l.CompressedSize > 0 {
			out.CompressedSize += l.CompressedSize
		}
		out.Size += l.Facts.Size
		out.Layers = append(out.Layers, rl)
	}
	for i, h := range cfg.History {
		rh := report.History{Step: i, CreatedBy: redact.Text(h.CreatedBy), EmptyLayer: h.EmptyLayer}
		if !h.Created.IsZero() {
			rh.Created = h.Created.UTC().Format(time.RFC3339)
		}
		if li, ok := layerOfStep[i]; ok {
			rh.Layer = report.Int(li)
		}
		out.History = append(out.History, rh)
	}
	return out
}

func redactAll(args []string) []string {
	if args == nil {
		return nil
	}
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = redact.Text(a)
	}
	return out
}

// Pinned is the reference to use instead of a mutable one: the repository
// with its tag and the resolved manifest digest (or index digest, which keeps
// multi-platform pulls working). Empty when the image has no registry name.
func Pinned(img *facts.Image) string {
	if img.Ref.Repository == "" {
		return ""
	}
	dg := img.IndexDigest
	if dg == "" {
		dg = img.Digest
	}
	if dg == "" {
		return ""
	}
	name := img.Ref.Registry + "/" + img.Ref.Repository
	if img.Ref.Tag != "" && !strings.Contains(img.Ref.Tag, "@") {
		name += ":" + img.Ref.Tag
	}
	return name + "@" + dg
}
