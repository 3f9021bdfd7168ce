package miner

import (
	"bytes"
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/literals"
	"github.com/customs-oss/customs/internal/report"
)

var binaryInfo = check.Info{
	ID:       "miner/binary",
	Version:  2,
	Title:    "Cryptocurrency miner program",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Finds mining programs whatever their name: XMRig, xmr-stak, cpuminer, ccminer, T-Rex, NBMiner, " +
		"PhoenixMiner, SRBMiner, lolMiner and the Kinsing dropper, in executables, libraries, files without an " +
		"extension and in .tar.gz, .tgz, .gz, .tar and .zip archives stored in the image (two levels deep), in " +
		"every layer, including files a later layer deleted. A file counts as a miner on one conclusive " +
		"string (the XMRig donation pool, cpuminer's usage text, the Kinsing binary name) or on several " +
		"independent ones (program name, stratum pool URLs, mining pool domains, RandomX and CryptoNight), so a " +
		"library that mentions one mining term is not a miner. In a Go executable, which keeps all its string " +
		"literals side by side (a security tool's rules and documentation name miners too), only a conclusive " +
		"string counts. An executable packed with UPX hides its strings " +
		"from inspection and is reported at medium severity, critical when it also carries a miner indicator.",
	Remediation: "Do not use this image. Find out how the miner got in (a compromised base image, a dependency, " +
		"a build step) and rebuild from trusted sources.",
	References: []string{"https://attack.mitre.org/techniques/T1496/", "https://xmrig.com/docs/miner"},
}

type binaryCheck struct{ m *matcher }

func binary() check.Check { return binaryCheck{m: sharedMatcher()} }

func (binaryCheck) Info() check.Info { return binaryInfo }

func (binaryCheck) Wants(e *facts.Entry) bool { return binaryWanted(e) }

func (c binaryCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	switch sniff(data) {
	case formatGzip, formatZip, formatTar:
		var out []report.Finding
		unpack(data, func(mb member) bool {
			if f, ok := c.judge(e, mb.name, mb.data); ok {
				out = append(out, f)
			}
			return len(out) < maxPerArchive
		})
		return out, nil
	}
	if f, ok := c.judge(e, "", data); ok {
		return []report.Finding{f}, nil
	}
	return nil, nil
}

// maxPerArchive bounds the findings of one archive.
const maxPerArchive = 5

// judge scores one file (or archive member, when name is set).
func (c binaryCheck) judge(e *facts.Entry, name string, data []byte) (report.Finding, bool) {
	kinds := []kind{program}
	f := sniff(data)
	switch f {
	case formatELF:
		// Compiled in: pool URLs and domains are part of the program.
		kinds = append(kinds, scheme, pool, flag)
	case formatText:
		// A script that names a miner program is a dropper; pool URLs in
		// scripts are the pool and cli-flags checks' concern.
	default:
		return report.Finding{}, false
	}
	var h hits
	if f == formatELF {
		h = c.m.scanELF(data)
	} else {
		h = c.m.scan(data)
	}
	total, strongest, labels := h.score(kinds...)
	if f == formatELF && goBinary(data) && strongest < 4 {
		// A Go program keeps all its string literals side by side, so the
		// names of miners in a security tool's rules and documentation
		// would add up like a miner's own strings: only a conclusive
		// indicator counts there.
		total, labels = 0, nil
	}
	where := "/" + e.Path
	if name != "" {
		where += " (archive member " + name + ")"
	}
	packed := f == formatELF && upxPacked(data)
	switch {
	case conclusive(total, strongest, labels):
		what := "miner program"
		if f == formatText {
			what = "script that fetches or runs a miner"
		}
		if packed {
			what = "UPX-packed " + what
		}
		return binaryInfo.New(fmt.Sprintf("%s is a %s (%s): %s", where, what, list(labels, 6), why),
			fileEvidence(e, memberValue(name, labels))), true
	case packed && len(labels) > 0:
		return binaryInfo.New(fmt.Sprintf("%s is an executable packed with UPX that still shows miner indicators (%s): packing hides a program's strings, and the ones left point at a miner; %s", where, list(labels, 6), why),
			fileEvidence(e, memberValue(name, append([]string{"UPX"}, labels...)))), true
	case packed:
		fd := binaryInfo.New(fmt.Sprintf("%s is an executable packed with UPX: its content is hidden from inspection, which is how miners and other malware evade scanners", where),
			fileEvidence(e, memberValue(name, []string{"UPX"})))
		fd.Severity = report.SeverityMedium
		return fd, true
	}
	return report.Finding{}, false
}

// memberValue is the evidence value: the archive member, then the
// indicators.
func memberValue(name string, labels []string) string {
	v := list(labels, 8)
	if name != "" {
		return name + ": " + v
	}
	return v
}

// upxMagic is UPX's mark, written backwards for the reason the indicators
// are.
var upxMagic = []byte(literals.Reversed("!XPU"))

// upxPacked reports an executable packed with UPX: the packer writes its
// mark in the first bytes of the file, which a program that merely names
// UPX does not.
func upxPacked(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 4096)], upxMagic)
}

// Marks of a Go executable: the build ID note the Go linker writes at the
// start of the file (type 4, owner "Go"), and the build information section.
var (
	goBuildIDNote = []byte("\x04\x00\x00\x00Go\x00\x00")
	goBuildInfo   = []byte("\xff Go buildinf:")
)

// goBinary reports an executable built by the Go toolchain. The build ID
// note sits in the first page; the build information section can lie
// beyond the content window of a large executable.
func goBinary(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 64<<10)], goBuildIDNote) || bytes.Contains(data, goBuildInfo)
}
