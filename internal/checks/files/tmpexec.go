package files

import (
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var tmpExecutableInfo = check.Info{
	ID:       "files/tmp-executable",
	Version:  1,
	Title:    "Executable file in a temporary directory",
	Severity: report.SeverityMedium,
	Item:     report.ItemLookInside,
	Description: "Executables left in /tmp, /var/tmp or /dev/shm are either leftovers of the build (an " +
		"installer that should have been deleted) or tools staged where nobody looks, a habit of " +
		"malware and cryptominers. Each executable regular file beneath those directories is reported, " +
		"including those a later layer deleted, since they still ship in the image.",
	Remediation: "Delete installers in the same RUN step that downloads and runs them, or use a " +
		"multi-stage build; put the application's own programs in /usr/local/bin or /app.",
	References: []string{"https://docs.docker.com/build/building/multi-stage/"},
}

func tmpExecutable() check.Constructor {
	return check.File(tmpExecutableInfo, func(info check.Info, layer *facts.Layer, e *facts.Entry, hiddenBy int) []report.Finding {
		if !e.Executable() {
			return nil
		}
		dir, ok := beneathAny(e.Path, tempDirs)
		if !ok {
			return nil
		}
		msg := fmt.Sprintf("executable %s is in the temporary directory /%s%s", shown(e.Path), dir, hiddenNote(layer, hiddenBy))
		ev := layerEvidence(layer, e.Path, hiddenBy)
		ev.Value = describeMode(e)
		return []report.Finding{info.New(msg, ev)}
	})
}
