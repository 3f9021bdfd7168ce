package files

import (
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var deviceInfo = check.Info{
	ID:       "files/device",
	Version:  1,
	Title:    "Device file or named pipe in the image",
	Severity: report.SeverityMedium,
	Item:     report.ItemLookInside,
	Description: "Images have no reason to ship device nodes: the container runtime mounts its own /dev. " +
		"A character or block device elsewhere gives raw access to a host device whenever the container " +
		"may open it (privileged, or given --device or device cgroup rules), and is a known way to reach " +
		"host disks or memory. Severity: medium for a character or block device outside /dev; low for a " +
		"named pipe (FIFO) outside /dev, which grants nothing but is unusual; low for an unusual node inside " +
		"/dev, which the runtime's /dev hides at run time. The standard nodes (/dev/null, zero, full, random, " +
		"urandom, tty, console, ptmx) that old base images ship are not reported.",
	Remediation: "Remove device nodes from the image (they are never needed: the runtime provides /dev), " +
		"and give the container only the devices it needs with --device at run time.",
	References: []string{"https://docs.docker.com/reference/cli/docker/container/run/#device"},
}

// standardDevices are the nodes every /dev has and old base images shipped.
var standardDevices = setOf("dev/null", "dev/zero", "dev/full", "dev/random", "dev/urandom",
	"dev/tty", "dev/console", "dev/ptmx", "dev/pts/ptmx")

var nodeKinds = map[facts.Type]string{
	facts.TypeCharDevice:  "character device",
	facts.TypeBlockDevice: "block device",
	facts.TypeFIFO:        "named pipe (FIFO)",
}

func device() check.Constructor {
	return check.File(deviceInfo, func(info check.Info, layer *facts.Layer, e *facts.Entry, hiddenBy int) []report.Finding {
		kind, ok := nodeKinds[e.Type]
		if !ok || standardDevices[e.Path] {
			return nil
		}
		var sev report.Severity
		var why string
		switch {
		case under(e.Path, "dev"):
			sev, why = report.SeverityLow, "the runtime mounts its own /dev over it, but no image needs to ship one"
		case e.Type == facts.TypeFIFO:
			sev, why = report.SeverityLow, "it grants nothing, but images do not normally ship one"
		default:
			sev, why = report.SeverityMedium, "a device node outside /dev gives raw access to a host device whenever the container may open it"
		}
		msg := fmt.Sprintf("%s %s: %s%s", kind, shown(e.Path), why, hiddenNote(layer, hiddenBy))
		ev := layerEvidence(layer, e.Path, hiddenBy)
		ev.Value = describeMode(e)
		f := info.New(msg, ev)
		f.Severity = sev
		return []report.Finding{f}
	})
}
