package table

import (
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// maxCommand bounds how much of an entrypoint or command is shown.
const maxCommand = 100

// writeHeader writes who the image is and what it is made of.
func writeHeader(p *printer, r *report.Report) {
	img := r.Image
	tool := clean(r.Tool.Name)
	if tool == "" {
		tool = "customs"
	}
	if v := clean(r.Tool.Version); v != "" {
		tool += " " + v
	}
	p.line(p.paint(bold, tool), " inspected ", p.paint(bold, clean(img.Reference)))
	p.heading("IMAGE", "")
	p.field("reference", clean(img.Reference))
	p.field("name", clean(img.Name))
	p.field("source", clean(img.Source))
	p.field("digest", clean(img.Digest))
	if img.IndexDigest != "" {
		p.field("index", clean(img.IndexDigest))
	}
	p.field("pinned", clean(img.Pinned))
	p.field("platform", platform(img))
	p.field("size", fmt.Sprintf("%s compressed, %s uncompressed", compressed(img.CompressedSize), report.HumanSize(img.Size)))
	p.field("layers", count(len(img.Layers)))
	p.field("files", count(img.Files))
	p.field("created", clean(img.Created))
	p.field("base OS", p.baseOS(img.OS))
	p.field("user", user(img.User))
	p.field("entrypoint", command(img.Entrypoint))
	p.field("cmd", command(img.Cmd))
	p.field("workdir", clean(img.WorkingDir))
	p.field("ports", clean(strings.Join(img.ExposedPorts, ", ")))
	p.field("generated", clean(r.GeneratedAt))
}

// platform is the platform inspected and, for an index, how many it offered.
func platform(img report.Image) string {
	pl := clean(img.Platform)
	if n := len(img.Platforms); n > 1 {
		if pl == "" {
			return fmt.Sprintf("one of %d platforms in the index", n)
		}
		return fmt.Sprintf("%s (one of %d platforms in the index)", pl, n)
	}
	return pl
}

// compressed is the compressed size, which some sources cannot tell.
func compressed(n int64) string {
	if n <= 0 {
		return "unknown"
	}
	return report.HumanSize(n)
}

// baseOS names the base operating system and says whether it still gets
// security updates.
func (p *printer) baseOS(os *report.OS) string {
	if os == nil {
		return "unknown (no os-release file)"
	}
	if os.ID == "scratch" {
		return "none (built from scratch)"
	}
	name := clean(os.PrettyName)
	if name == "" {
		name = strings.TrimSpace(clean(os.ID) + " " + clean(os.VersionID))
	}
	if os.Distroless {
		name += " (distroless)"
	}
	switch os.Support {
	case "eol":
		state := "END OF LIFE"
		if os.EOL != "" {
			state += " since " + clean(os.EOL)
		}
		return name + ": " + p.paint(boldRed, state)
	case "supported":
		if os.EOL != "" {
			return name + ": " + p.paint(green, "supported until "+clean(os.EOL))
		}
		return name + ": " + p.paint(green, "supported")
	default:
		return name + ": support status unknown"
	}
}

// user is the configured user, and what an empty one means.
func user(u string) string {
	if u == "" {
		return "not set, so root"
	}
	return clean(u)
}

// command shows an exec-form entrypoint or command as a quoted list.
func command(args []string) string {
	if len(args) == 0 {
		return ""
	}
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = quote(redacted(a))
	}
	return truncate("["+strings.Join(q, ", ")+"]", maxCommand)
}
