package files

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var worldWritableInfo = check.Info{
	ID:       "files/world-writable",
	Version:  1,
	Title:    "World-writable file or directory",
	Severity: report.SeverityMedium,
	Item:     report.ItemPrivilege,
	Description: "Any user in the container can change a world-writable file, and add, replace or delete " +
		"files in a world-writable directory that lacks the sticky bit (/tmp with mode 1777 is fine). " +
		"Only what is in effect at run time is checked: entries a later layer deleted or replaced are not " +
		"(files/hidden-content lists them). Symlinks (always 0777), devices and FIFOs (files/device), and " +
		"hard links (their target is checked) are skipped. Severity: high for anything in a PATH directory " +
		"or /etc and for world-writable executables, which other users or root will run; medium otherwise. " +
		"Entries beneath a world-writable directory are counted in its finding, and world-writable files of " +
		"one directory share a finding.",
	Remediation: "Remove write permission for others (chmod o-w), or give the directory the sticky bit " +
		"(chmod +t) when it must be shared. Prefer chown to the application user over chmod 777.",
	References: []string{"CIS Linux benchmarks: Ensure no world writable files exist", "https://docs.docker.com/build/building/best-practices/#user"},
}

// maxWorldWritableFindings bounds the findings of one image; the rest are
// summed up in one more.
const maxWorldWritableFindings = 25

// wwGroup is a world-writable directory with the world-writable entries
// beneath it, or the world-writable files of one directory.
type wwGroup struct {
	root    *facts.File // the world-writable directory; nil for a file group
	dir     string      // the parent directory of a file group
	entries []*facts.File
}

func worldWritable() check.Constructor {
	return check.Image(worldWritableInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		var groups []*wwGroup
		byDir := map[string]*wwGroup{}
		var open *wwGroup // the world-writable directory being walked through
		img.FS.Walk(func(f *facts.File) {
			if !isWorldWritable(&f.Entry) {
				return
			}
			if open != nil && strings.HasPrefix(f.Path, open.root.Path+"/") {
				open.entries = append(open.entries, f)
				return
			}
			if f.Type == facts.TypeDir {
				open = &wwGroup{root: f}
				groups = append(groups, open)
				return
			}
			dir := path.Dir(f.Path)
			if dir == "." {
				dir = "" // the root
			}
			g, ok := byDir[dir]
			if !ok {
				g = &wwGroup{dir: dir}
				byDir[dir] = g
				groups = append(groups, g)
			}
			g.entries = append(g.entries, f)
		})
		var out []report.Finding
		for i, g := range groups {
			if i == maxWorldWritableFindings {
				out = append(out, worldWritableRest(info, groups[i:]))
				break
			}
			out = append(out, g.finding(info, img))
		}
		return out, nil
	})
}

// isWorldWritable reports whether others may write e in a way that matters:
// regular files, and directories without the sticky bit.
func isWorldWritable(e *facts.Entry) bool {
	if e.Mode&0o002 == 0 {
		return false
	}
	switch e.Type {
	case facts.TypeFile:
		return true
	case facts.TypeDir:
		return e.Mode&fs.ModeSticky == 0
	}
	return false
}

// sensitivePlace reports whether writing p lets a user change what other
// users or root run or how the system is configured.
func sensitivePlace(f *facts.File) bool {
	for _, d := range binDirs {
		if under(f.Path, d) {
			return true
		}
	}
	return under(f.Path, "etc") || f.Executable()
}

// all lists the group's entries, its directory first.
func (g *wwGroup) all() []*facts.File {
	if g.root == nil {
		return g.entries
	}
	return append([]*facts.File{g.root}, g.entries...)
}

func (g *wwGroup) severity() report.Severity {
	for _, f := range g.all() {
		if sensitivePlace(f) {
			return report.SeverityHigh
		}
	}
	return report.SeverityMedium
}

func (g *wwGroup) finding(info check.Info, img *facts.Image) report.Finding {
	first := g.all()[0]
	ev := layerEvidence(&img.Layers[first.Layer], first.Path, -1)
	var msg string
	switch {
	case g.root != nil:
		ev.Value = describeMode(&g.root.Entry)
		msg = fmt.Sprintf("directory %s is world-writable without the sticky bit: any user can add, replace or delete files in it", shown(g.root.Path))
		if len(g.entries) > 0 {
			msg += fmt.Sprintf("; %s beneath it %s world-writable too: %s", count(len(g.entries), "entry", "entries"), isAre(len(g.entries)), pathList(g.entries, 3))
		}
	case len(g.entries) == 1:
		ev.Value = describeMode(&first.Entry)
		msg = fmt.Sprintf("file %s is world-writable: any user can change it", shown(first.Path))
	default:
		ev.Path = shown(g.dir)
		ev.Value = describeMode(&first.Entry)
		msg = fmt.Sprintf("%s in %s are world-writable: any user can change them: %s", count(len(g.entries), "file", "files"), shown(g.dir), pathList(g.entries, 3))
	}
	f := info.New(msg, ev)
	f.Severity = g.severity()
	return f
}

// worldWritableRest sums up the groups past the bound in one finding.
func worldWritableRest(info check.Info, rest []*wwGroup) report.Finding {
	n := 0
	sev := report.SeverityMedium
	var sample []*facts.File
	for _, g := range rest {
		all := g.all()
		n += len(all)
		sample = append(sample, all[0])
		sev = max(sev, g.severity())
	}
	msg := fmt.Sprintf("and %s in %d more places are world-writable: %s", count(n, "entry", "entries"), len(rest), pathList(sample, 3))
	f := info.New(msg, report.Evidence{})
	f.Severity = sev
	return f
}

// pathList names up to max paths and says how many more there are.
func pathList(fs []*facts.File, max int) string {
	var names []string
	for i, f := range fs {
		if i == max {
			names = append(names, fmt.Sprintf("and %d more", len(fs)-max))
			break
		}
		names = append(names, shown(f.Path))
	}
	return strings.Join(names, ", ")
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
