package knownbad

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

var eicarInfo = check.Info{
	ID:       "knownbad/eicar",
	Version:  1,
	Title:    "EICAR anti-virus test file",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Finds the EICAR test file, the 68-byte string every anti-virus product detects by design (alone in " +
		"a file, followed by at most 60 bytes of whitespace, as the standard defines it), in any layer, also inside " +
		"small zip and gzip archives. It is harmless, but an image carrying it was built to test scanners or to " +
		"probe which ones a registry or cluster runs, and every scanner on the way will quarantine it.",
	Remediation: "Remove the test file from the image, or keep such images out of the registries and clusters " +
		"that run production workloads.",
	References: []string{"https://www.eicar.org/download-anti-malware-testfile/"},
}

// The EICAR file is at least the string and at most 128 bytes.
const (
	eicarLen = 68
	eicarMax = 128
)

func eicar() check.Constructor {
	return func() check.Check {
		// Joined at run time so that the binary does not hold the string
		// whole and is not itself taken for the test file.
		sig := strings.Join([]string{`X5O!P%@AP[4\PZX54(P^)7CC)7}$`, "EICAR", "-STANDARD-ANTIVIRUS", "-TEST-FILE!$H+H*"}, "")
		return &eicarCheck{sig: []byte(sig)}
	}
}

type eicarCheck struct {
	sig []byte
}

func (*eicarCheck) Info() check.Info { return eicarInfo }

// Wants files of the test file's size, and small archives that may hold it.
func (*eicarCheck) Wants(e *facts.Entry) bool {
	if e.Size >= eicarLen && e.Size <= eicarMax {
		return true
	}
	return e.Size <= maxArchive && e.Size > eicarLen && isArchiveName(e.Path)
}

func (c *eicarCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if c.is(data) {
		msg := fmt.Sprintf("/%s is the EICAR anti-virus test file: a harmless test signature that every scanner "+
			"detects by design, so the image was built to test scanners or to probe them", e.Path)
		return []report.Finding{eicarInfo.New(msg, report.Evidence{Path: "/" + e.Path, Value: "EICAR-STANDARD-ANTIVIRUS-TEST-FILE"})}, nil
	}
	inner, ok := c.inArchive(data, 0)
	if !ok {
		return nil, nil
	}
	msg := fmt.Sprintf("/%s holds the EICAR anti-virus test file (%s inside the archive): a harmless test "+
		"signature that every scanner detects by design, so the image was built to test scanners or to probe them",
		e.Path, clip(redact.Text(inner)))
	return []report.Finding{eicarInfo.New(msg, report.Evidence{Path: "/" + e.Path, Value: "EICAR-STANDARD-ANTIVIRUS-TEST-FILE"})}, nil
}

// is reports whether data is the EICAR file: the string at the start,
// then only whitespace, 128 bytes at most in all.
func (c *eicarCheck) is(data []byte) bool {
	if len(data) < eicarLen || len(data) > eicarMax || !bytes.HasPrefix(data, c.sig) {
		return false
	}
	for _, b := range data[eicarLen:] {
		switch b {
		case ' ', '\t', '\r', '\n', 0x1a:
		default:
			return false
		}
	}
	return true
}

func isArchiveName(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".zip", ".gz", ".tgz":
		return true
	}
	return false
}

// clip shortens a name taken from inside an archive for a message.
func clip(s string) string {
	const max = 160
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}
