package backdoor

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// maxPerFile bounds the findings of one file.
const maxPerFile = 16

// scriptScan is the content check that reads scripts and start-up hooks.
type scriptScan struct {
	eng *engine
}

func (c *scriptScan) Info() check.Info { return persistenceInfo }

// Wants selects scripts and start-up hooks by path, mode and size.
func (c *scriptScan) Wants(e *facts.Entry) bool { return wantsScript(e) }

// CheckContent searches one file once for every detector's tokens, then
// verifies the lines around them.
func (c *scriptScan) CheckContent(ctx context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if !isText(data) {
		return nil, nil
	}
	pl := placeOf(e.Path)
	fixture := pl == placeNone && packageFixture(e.Path)
	h := c.eng.scan(data)
	var out []report.Finding
	taken := map[int]bool{}
	for _, m := range c.eng.analyzeHits(data, h, 0) {
		taken[m.pos] = true
		out = append(out, fileFinding(e, data, m, pl, fixture))
	}
	if pl != placeNone {
		out = append(out, c.hookFindings(e, data, h, pl, taken)...)
	}
	if launcher(e.Path, pl) {
		out = append(out, sshdLines(e, data, h)...)
	}
	if len(out) > maxPerFile {
		out = out[:maxPerFile]
	}
	return out, nil
}

// fileFinding turns a detector match in a file into a finding of the
// detector's check, with its severity in this place.
func fileFinding(e *facts.Entry, data []byte, m match, pl place, fixture bool) report.Finding {
	var info check.Info
	var sev report.Severity
	switch m.what {
	case vReverseShell:
		info, sev = reverseShellInfo, report.SeverityCritical
	case vMiner:
		info, sev = persistenceInfo, report.SeverityCritical
	case vEncoded:
		info, sev = dropperInfo, report.SeverityHigh
		if m.malicious() {
			sev = report.SeverityCritical
		}
	case vDownloadExec:
		info, sev = dropperInfo, report.SeverityHigh
		if pl != placeNone {
			sev = report.SeverityCritical
		}
	default:
		info, sev = dropperInfo, report.SeverityMedium
		if pl != placeNone {
			sev = report.SeverityHigh
		}
	}
	msg := fmt.Sprintf("/%s line %d: %s: %s", e.Path, lineNumber(data, m.pos), describe(m), consequence(m))
	if w := pl.when(); w != "" {
		msg += "; " + w
	}
	if fixture {
		sev = min(sev, report.SeverityLow)
		msg += "; the file is a test, fixture or document of a language package"
	}
	f := info.New(msg, report.Evidence{Path: "/" + e.Path, Value: shown(string(m.line))})
	f.Severity = sev
	return f
}

// hookKinds are the tokens of the signs hookLine looks for.
var hookKinds = []kind{kAntiForensic, kTempPath, kURL, kPreload}

// maxCronRecords bounds the scheduled jobs recorded for one crontab.
const maxCronRecords = 16

// hookFindings reports what makes a start-up hook suspicious beyond the
// detectors: miners, temporary programs, hidden tracks, preloads.
func (c *scriptScan) hookFindings(e *facts.Entry, data []byte, h *hits, pl place, taken map[int]bool) []report.Finding {
	var out []report.Finding
	add := func(pos int, sev report.Severity, why string, line []byte) {
		msg := fmt.Sprintf("/%s line %d: %s; %s", e.Path, lineNumber(data, pos), why, pl.when())
		f := persistenceInfo.New(msg, report.Evidence{Path: "/" + e.Path, Value: shown(string(line))})
		f.Severity = sev
		out = append(out, f)
	}
	if pl == placePreload {
		for _, lib := range preloadLines(data) {
			if why, odd := preloadEntry(lib); odd {
				add(0, report.SeverityCritical, "/etc/ld.so.preload preloads "+lib+": "+why, []byte(lib))
			} else {
				add(0, report.SeverityHigh, "/etc/ld.so.preload preloads "+lib+", which no distribution does by default", []byte(lib))
			}
		}
		return out
	}
	for _, m := range minerLines(data, h) {
		if taken[m.pos] {
			continue
		}
		taken[m.pos] = true
		why := m.why
		if killCommand.Match(m.line) {
			why += " and kills it, as cryptojacking scripts do to take over from competing miners"
		}
		add(m.pos, report.SeverityCritical, why, m.line)
	}
	for _, k := range hookKinds {
		for _, p := range h.pos[k] {
			start, end := lineAt(data, p)
			if taken[start] {
				continue
			}
			if why, ok := hookLine(data[start:end], h.within(start, end), pl); ok {
				taken[start] = true
				add(start, report.SeverityHigh, why, data[start:end])
			}
		}
	}
	if pl == placeCrontab || pl == placeUserCron {
		out = append(out, cronRecords(e, data, pl, taken)...)
	}
	return out
}

// cronRecords lists the scheduled jobs of a crontab beyond the ones that
// run the distribution's cron directories, at info severity.
func cronRecords(e *facts.Entry, data []byte, pl place, taken map[int]bool) []report.Finding {
	var out []report.Finding
	pos := 0
	for _, line := range strings.SplitAfter(string(data), "\n") {
		start := pos
		pos += len(line)
		cmd, ok := cronCommand(line, pl == placeCrontab)
		if !ok || taken[start] || distributionCron.MatchString(cmd) {
			continue
		}
		f := persistenceInfo.New(fmt.Sprintf("/%s line %d: scheduled job: %s", e.Path, lineNumber(data, start), shown(cmd)),
			report.Evidence{Path: "/" + e.Path, Value: shown(line)})
		f.Severity = report.SeverityInfo
		out = append(out, f)
		if len(out) == maxCronRecords {
			break
		}
	}
	return out
}

// launcher reports whether a file starts the container's services: a
// process supervisor's configuration, rc.local, or an entry-point script.
func launcher(p string, pl place) bool {
	switch {
	case pl == placeSupervisor || p == "etc/rc.local":
		return true
	case strings.HasPrefix(p, "usr/share/") || strings.HasPrefix(p, "usr/lib/") || pl != placeNone:
		return false
	}
	base := path.Base(p)
	for _, prefix := range []string{"entrypoint", "docker-entrypoint", "start", "run", "init", "boot"} {
		if strings.HasPrefix(base, prefix) {
			return true
		}
	}
	return false
}
